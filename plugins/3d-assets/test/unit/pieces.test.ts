import {
  chooseCompression,
  DRACO_MIN_TRIANGLES,
  lodFileName,
  merchantSentence,
  optimizeUpload,
  progressReporter,
  resolvePackagePath,
  safeEntryName,
  sniffFormat,
} from "../../src/core"
import { modelUpload } from "./fixtures"

describe("compression rule", () => {
  it("uses meshopt unless the geometry is large enough and static", () => {
    expect(chooseCompression({ triangles: DRACO_MIN_TRIANGLES - 1, animated: false })).toBe("meshopt")
    expect(chooseCompression({ triangles: DRACO_MIN_TRIANGLES, animated: false })).toBe("draco")
    expect(chooseCompression({ triangles: DRACO_MIN_TRIANGLES * 4, animated: true })).toBe("meshopt")
    expect(chooseCompression({ triangles: 10, animated: false }, "draco")).toBe("draco")
  })

  it("writes a valid Draco file when Draco is forced", async () => {
    const outcome = await optimizeUpload(modelUpload("Fox.glb"), { compression: "draco", lods: [{ level: 0, ratio: 1, maxTexturePx: 256 }] })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
    const [lod] = outcome.value.lods
    expect(lod.extensionsUsed).toContain("KHR_draco_mesh_compression")
    expect(lod.validation.errors).toBe(0)
    expect(lod.maxTexturePx).toBe(256)
  })
})

describe("names and paths", () => {
  it("resolves uris inside the package and rejects escapes", () => {
    expect(resolvePackagePath("shoe/model.gltf", "tex%20ture.jpg")).toBe("shoe/tex ture.jpg")
    expect(resolvePackagePath("shoe/model.gltf", "../shared.bin")).toBe("shared.bin")
    expect(resolvePackagePath("model.gltf", "../escape.bin")).toBeUndefined()
    expect(resolvePackagePath("model.gltf", "/etc/passwd")).toBeUndefined()
    expect(resolvePackagePath("model.gltf", "C:\\model.bin")).toBeUndefined()
  })

  it("skips folders and macOS metadata in zips and flags unsafe names", () => {
    expect(safeEntryName("shoe/")).toBeUndefined()
    expect(safeEntryName("__MACOSX/shoe/._model.gltf")).toBeUndefined()
    expect(safeEntryName("./shoe/model.gltf")).toBe("shoe/model.gltf")
    expect(safeEntryName("shoe\\..\\..\\x.bin")).toBeNull()
  })

  it("names LOD files after the model", () => {
    expect(lodFileName("shoe/MaterialsVariantsShoe.gltf", 1)).toBe("MaterialsVariantsShoe.lod1.glb")
  })

  it("tells formats apart by their first bytes", () => {
    expect(sniffFormat(new TextEncoder().encode("glTF"))).toBe("glb")
    expect(sniffFormat(new TextEncoder().encode(' \n{"asset":{}}'))).toBe("gltf")
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("zip")
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe("png")
    expect(sniffFormat(new Uint8Array([1, 2, 3]))).toBe("unknown")
  })
})

describe("merchant words", () => {
  it("falls back to the validator's own message for codes without a translation", () => {
    expect(merchantSentence({ code: "SOME_NEW_CODE", message: "something odd." })).toBe("Something odd (SOME_NEW_CODE)")
  })
})

describe("progress", () => {
  it("maps stages onto one scale that never goes backwards", () => {
    const seen: [string, number][] = []
    const report = progressReporter((stage, fraction) => seen.push([stage, fraction]), [["a", 1], ["b", 3], ["done", 0]])
    report("a")
    report("b", 0.5)
    report("a", 1)
    report("done", 1)
    expect(seen).toEqual([["a", 0], ["b", 0.625], ["a", 0.625], ["done", 1]])
  })
})
