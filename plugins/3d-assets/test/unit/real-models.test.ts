import type { Document } from "@gltf-transform/core"
import { gltfIO, optimizeUpload, validateGlb, type OptimizedUpload, type UploadedFile } from "../../src/core"
import { modelUpload, shoeFiles, zipUpload } from "./fixtures"

type Run = { upload: UploadedFile; result: OptimizedUpload; progress: [string, number][]; lod0: Document }

const runs: Record<string, Run> = {}

// Each real model is optimised once; every test below reads these shared results.
beforeAll(async () => {
  const uploads: Record<string, UploadedFile> = {
    fox: modelUpload("Fox.glb"),
    sunglasses: modelUpload("SunglassesKhronos.glb"),
    mixer: modelUpload("Mixer.glb"),
    shoe: zipUpload("shoe.zip", { shoe: shoeFiles() }),
  }
  const io = await gltfIO()
  for (const [key, upload] of Object.entries(uploads)) {
    const progress: [string, number][] = []
    const outcome = await optimizeUpload(upload, { onProgress: (stage, fraction) => progress.push([stage, fraction]) })
    if (!outcome.ok) throw new Error(`${key} was refused: ${JSON.stringify(outcome.problems)}`)
    runs[key] = { upload, result: outcome.value, progress, lod0: await io.readBinary(outcome.value.lods[0].glb) }
  }
})

const models = ["fox", "sunglasses", "mixer", "shoe"]

describe.each(models)("%s", (key) => {
  const run = () => runs[key]

  it("produces three LODs, each valid with zero errors when validated again", async () => {
    const { lods, failedLods } = run().result
    expect(failedLods).toEqual([])
    expect(lods.map((lod) => lod.level)).toEqual([0, 1, 2])
    for (const lod of lods) {
      expect(lod.validation.errors).toBe(0)
      expect((await validateGlb(lod.fileName, lod.glb)).summary.errors).toBe(0)
      expect(lod.bytes).toBe(lod.glb.byteLength)
    }
  })

  it("keeps LOD0 at full detail and reduces LOD1 and LOD2 to about half and 15%", () => {
    const { lods, metadata } = run().result
    const ratio = (level: number) => lods[level].triangles / metadata.input.triangles
    expect(ratio(0)).toBeGreaterThanOrEqual(0.9)
    expect(ratio(1)).toBeGreaterThan(0.35)
    expect(ratio(1)).toBeLessThan(0.65)
    expect(ratio(2)).toBeGreaterThan(0.08)
    expect(ratio(2)).toBeLessThan(0.25)
  })

  it("keeps textures within 2048 px, LOD0 at the original size, and WebP except normal maps", () => {
    const { lods, metadata } = run().result
    expect(lods[0].maxTexturePx).toBe(Math.min(metadata.input.maxTexturePx, 2048))
    for (const lod of lods) {
      for (const texture of lod.textures) {
        expect(Math.max(texture.width, texture.height)).toBeLessThanOrEqual(2048)
        if (!texture.normalMap) expect(texture.mimeType).toBe("image/webp")
        else expect(texture.mimeType).not.toBe("image/webp")
      }
    }
  })

  it("makes LOD0 smaller than the upload and returns the upload untouched as the master", () => {
    const { upload, result } = run()
    expect(result.lods[0].bytes).toBeLessThan(upload.bytes.byteLength)
    expect(result.master).toBe(upload)
  })

  it("reports progress from start to finish without going backwards", () => {
    const fractions = run().progress.map(([, fraction]) => fraction)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(run().progress.at(-1)).toEqual(["done", 1])
  })

  it("records metadata for every LOD", () => {
    const { metadata } = run().result
    expect(metadata.input.validation.errors).toBe(0)
    expect(metadata.input.bytes).toBe(run().upload.bytes.byteLength)
    expect(metadata.processingMs).toBeGreaterThanOrEqual(0)
    // Static meshes of 10,000 triangles or more get Draco; the animated fox keeps meshopt.
    expect(metadata.compression).toBe(key === "fox" ? "meshopt" : "draco")
    expect(metadata.lods.map((lod) => Object.keys(lod).sort())).toEqual(
      metadata.lods.map(() => ["bytes", "extensionsUsed", "fileName", "level", "maxTexturePx", "targetRatio", "textures", "triangles", "validation", "vertices"]),
    )
    for (const lod of metadata.lods) expect(lod.vertices).toBeGreaterThan(0)
  })
})

describe("what each model must keep", () => {
  it("keeps the fox's skin and its three animations", () => {
    const root = runs.fox.lod0.getRoot()
    expect(root.listSkins()).toHaveLength(1)
    expect(root.listSkins()[0].listJoints()).toHaveLength(24)
    expect(root.listAnimations().map((a) => a.getName()).sort()).toEqual(["Run", "Survey", "Walk"])
    expect(runs.fox.result.metadata.input.animations).toBe(3)
  })

  it("keeps the shoe's material variants and their mappings", () => {
    const root = runs.shoe.lod0.getRoot()
    const variants = root.listExtensionsUsed().find((e) => e.extensionName === "KHR_materials_variants")
    expect(variants).toBeDefined()
    expect(runs.shoe.result.lods.every((lod) => lod.extensionsUsed.includes("KHR_materials_variants"))).toBe(true)
    const json = JSON.parse(new TextDecoder().decode(jsonChunk(runs.shoe.result.lods[0].glb)))
    expect(json.extensions.KHR_materials_variants.variants.map((v: { name: string }) => v.name).sort()).toEqual(["beach", "midnight", "street"])
    const mappings = json.meshes.flatMap((m: { primitives: { extensions?: { KHR_materials_variants?: { mappings: unknown[] } } }[] }) =>
      m.primitives.flatMap((p) => p.extensions?.KHR_materials_variants?.mappings ?? []),
    )
    expect(mappings.length).toBeGreaterThanOrEqual(3)
  })

  it("keeps the sunglasses' material extensions", () => {
    const expected = ["KHR_materials_ior", "KHR_materials_iridescence", "KHR_materials_transmission", "KHR_materials_volume"]
    expect(runs.sunglasses.result.metadata.input.extensionsUsed).toEqual(expected)
    for (const lod of runs.sunglasses.result.lods) expect(lod.extensionsUsed).toEqual(expect.arrayContaining(expected))
  })

  it("removes the mixer's duplicated texture", () => {
    expect(runs.mixer.result.metadata.input.textures).toHaveLength(4)
    expect(runs.mixer.result.lods[0].textures).toHaveLength(3)
  })

  it("measures plausible bounding boxes in metres", () => {
    const size = (key: string) => runs[key].result.metadata.boundingBox!.size
    // The sunglasses are about 15 cm wide, the mixer about 30 cm tall: real-world scale.
    expect(size("sunglasses")[0]).toBeCloseTo(0.15, 2)
    expect(size("mixer")[1]).toBeCloseTo(0.3, 2)
    expect(size("shoe")[0]).toBeCloseTo(0.3, 1)
    // The fox was authored in centimetres, so it measures about 155 units nose to tail.
    expect(size("fox")[2]).toBeGreaterThan(150)
    expect(size("fox")[2]).toBeLessThan(160)
  })

  it("records the input's counts as the validator reports them", () => {
    expect(runs.fox.result.metadata.input).toMatchObject({ triangles: 576, maxTexturePx: 1024 })
    expect(runs.sunglasses.result.metadata.input.triangles).toBe(13396)
    expect(runs.shoe.result.metadata.input).toMatchObject({ triangles: 22700, maxTexturePx: 2048 })
    expect(runs.mixer.result.metadata.input.validation.warnings).toBe(1)
  })
})

/** The JSON chunk of a GLB: after the 12-byte header, an 8-byte chunk header gives its length. */
function jsonChunk(glb: Uint8Array): Uint8Array {
  const length = new DataView(glb.buffer, glb.byteOffset + 12, 4).getUint32(0, true)
  return glb.subarray(20, 20 + length)
}
