import { optimizeUpload, type Outcome, type OptimizedUpload, type RejectionCode } from "../../src/core"
import { modelUpload, shoeFiles, zipUpload } from "./fixtures"

const refusal = (outcome: Outcome<OptimizedUpload>): { code: RejectionCode; text: string } => {
  if (outcome.ok) throw new Error("expected the upload to be refused")
  expect(outcome.problems.length).toBeGreaterThan(0)
  return { code: outcome.code, text: outcome.problems.map((p) => p.message).join(" | ") }
}

describe("broken files", () => {
  it("refuses the truncated GLB, in words a merchant can read", async () => {
    const { code, text } = refusal(await optimizeUpload(modelUpload("broken_truncated_SunglassesKhronos.glb")))
    expect(code).toBe("invalid_model")
    expect(text).toBe("The file ends in the middle of its binary data (GLB_UNEXPECTED_END_OF_CHUNK_DATA)")
  })

  it("refuses a JPEG renamed to .glb", async () => {
    const { code, text } = refusal(await optimizeUpload(modelUpload("broken_jpeg_renamed.glb")))
    expect(code).toBe("unsupported_format")
    expect(text).toMatch(/JPEG image, not a 3D model/)
  })

  it("refuses an upload over the size limit before reading it", async () => {
    const { code, text } = refusal(await optimizeUpload(modelUpload("Fox.glb"), { limits: { maxUploadBytes: 100_000 } }))
    expect(code).toBe("too_large")
    expect(text).toMatch(/0\.2 MB; the limit is 0\.1 MB/)
  })

  it("refuses a model whose JSON is not valid", async () => {
    const { code } = refusal(await optimizeUpload({ name: "bad.gltf", bytes: new TextEncoder().encode("{ not json") }))
    expect(code).toBe("invalid_model")
  })
})

describe("zipped uploads", () => {
  const { "MaterialsVariantsShoe.gltf": gltf, "MaterialsVariantsShoe.bin": bin } = shoeFiles()

  it("refuses an entry that climbs out of the archive", async () => {
    const { code, text } = refusal(await optimizeUpload(zipUpload("evil.zip", { "model.gltf": gltf, "../evil.bin": bin })))
    expect(code).toBe("unsafe_zip")
    expect(text).toMatch(/"\.\.\/evil\.bin", a path outside the archive/)
  })

  it("refuses an absolute entry name", async () => {
    const { code, text } = refusal(await optimizeUpload(zipUpload("abs.zip", { "/etc/model.gltf": gltf })))
    expect(code).toBe("unsafe_zip")
    expect(text).toMatch(/\/etc\/model\.gltf/)
  })

  it("refuses a zip bomb while inflating, before it fills memory", async () => {
    const zeros = new Uint8Array(40 * 1024 * 1024)
    const bomb = zipUpload("bomb.zip", { "model.gltf": gltf, "MaterialsVariantsShoe.bin": zeros }, 6)
    expect(bomb.bytes.byteLength).toBeLessThan(200_000)
    const { code, text } = refusal(await optimizeUpload(bomb))
    expect(code).toBe("zip_bomb")
    expect(text).toMatch(/expands far more than real model files/)
  })

  it("refuses a zip that unpacks past the configured limit", async () => {
    const big = zipUpload("big.zip", { "model.gltf": gltf, "MaterialsVariantsShoe.bin": bin }, 1)
    const { code, text } = refusal(await optimizeUpload(big, { limits: { maxUnzippedBytes: 100_000 } }))
    expect(code).toBe("zip_bomb")
    expect(text).toMatch(/unpacks to more than 0\.1 MB/)
  })

  it("names every resource the .gltf refers to that the zip lacks", async () => {
    const { code, text } = refusal(await optimizeUpload(zipUpload("partial.zip", { "MaterialsVariantsShoe.gltf": gltf, "MaterialsVariantsShoe.bin": bin })))
    expect(code).toBe("missing_resource")
    expect(text).toMatch(/"normal\.jpg", which is not in the upload/)
    expect(text).toMatch(/"diffuseBeach\.jpg"/)
  })

  it("refuses a zip with no model in it, or two", async () => {
    expect(refusal(await optimizeUpload(zipUpload("none.zip", { "readme.txt": new Uint8Array([1]) }))).text).toMatch(/no \.gltf or \.glb/)
    const two = refusal(await optimizeUpload(zipUpload("two.zip", { "a.gltf": gltf, "b.gltf": gltf })))
    expect(two.text).toMatch(/2 models/)
  })
})
