import { Document, type Texture } from "@gltf-transform/core"
import sharp from "sharp"
import { normalMapChroma, NORMAL_JPEG_QUALITY, optimiseTextures } from "../../src/core"

/** A normal map of gentle bumps, the kind of content the JPEG rule is tuned on. */
async function normalMapJpeg(size: number, jpeg: sharp.JpegOptions): Promise<Uint8Array> {
  const pixels = Buffer.alloc(size * size * 3)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const nx = 0.4 * Math.sin((x / size) * 12 * Math.PI)
      const ny = 0.4 * Math.cos((y / size) * 9 * Math.PI)
      const nz = Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny))
      pixels.set([nx, ny, nz].map((v) => Math.round((v + 1) * 127.5)), (y * size + x) * 3)
    }
  }
  return new Uint8Array(await sharp(pixels, { raw: { width: size, height: size, channels: 3 } }).jpeg(jpeg).toBuffer())
}

function documentWith(image: Uint8Array, slot: "normal" | "baseColor"): { document: Document; texture: Texture } {
  const document = new Document()
  const texture = document.createTexture("t").setImage(image).setMimeType("image/jpeg")
  const material = document.createMaterial("m")
  if (slot === "normal") material.setNormalTexture(texture)
  else material.setBaseColorTexture(texture)
  return { document, texture }
}

const options = { maxPx: 2048, webpQuality: 80, normalMaps: "keep-format" as const }

describe("normal map chroma", () => {
  it("keeps 4:2:0 only for a 4:2:0 source kept at its size", () => {
    expect(normalMapChroma("4:2:0", false)).toBe("4:2:0")
    expect(normalMapChroma("4:2:0", true)).toBe("4:4:4")
    expect(normalMapChroma("4:4:4", false)).toBe("4:4:4")
    expect(normalMapChroma("4:2:2", false)).toBe("4:4:4")
    expect(normalMapChroma(undefined, false)).toBe("4:4:4")
  })
})

describe("textures", () => {
  it("re-encodes a JPEG normal map as a smaller JPEG with the source's chroma subsampling", async () => {
    for (const chromaSubsampling of ["4:2:0", "4:4:4"] as const) {
      const original = await normalMapJpeg(256, { quality: 100, chromaSubsampling })
      const { document, texture } = documentWith(original, "normal")
      await optimiseTextures(document, options)
      expect(texture.getMimeType()).toBe("image/jpeg")
      expect(texture.getImage()!.byteLength).toBeLessThan(original.byteLength)
      const meta = await sharp(texture.getImage()!).metadata()
      expect(meta.chromaSubsampling).toBe(chromaSubsampling)
      expect(meta.width).toBe(256)
      expect(document.getRoot().listExtensionsUsed()).toEqual([])
    }
  })

  it("keeps a JPEG normal map's own bytes when re-encoding would not shrink them", async () => {
    const original = await normalMapJpeg(256, { quality: NORMAL_JPEG_QUALITY - 30, mozjpeg: true })
    const { document, texture } = documentWith(original, "normal")
    await optimiseTextures(document, options)
    expect(texture.getImage()).toBe(original)
  })

  it("downscales an oversized JPEG normal map without subsampling its chroma", async () => {
    const { document, texture } = documentWith(await normalMapJpeg(512, { quality: 95, chromaSubsampling: "4:2:0" }), "normal")
    await optimiseTextures(document, { ...options, maxPx: 128 })
    const meta = await sharp(texture.getImage()!).metadata()
    expect([meta.format, meta.width, meta.height, meta.chromaSubsampling]).toEqual(["jpeg", 128, 128, "4:4:4"])
  })

  it("turns colour textures into WebP", async () => {
    const { document, texture } = documentWith(await normalMapJpeg(64, { quality: 90 }), "baseColor")
    await optimiseTextures(document, options)
    expect(texture.getMimeType()).toBe("image/webp")
    expect(document.getRoot().listExtensionsUsed().map((e) => e.extensionName)).toEqual(["EXT_texture_webp"])
  })
})
