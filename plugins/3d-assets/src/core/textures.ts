/**
 * Textures: resized to fit a maximum edge and re-encoded as WebP, except normal maps.
 * Lossy WebP always subsamples chroma, which bends the vectors a normal map stores, so by
 * default normal maps keep their own format: a PNG stays lossless, and a JPEG is re-encoded
 * with mozjpeg at no coarser chroma than the source itself had (see `normalMapChroma`).
 * "webp" trades that accuracy for size, as `gltf-transform optimize` does.
 */
import { BufferUtils, ImageUtils, type Document, type Texture } from "@gltf-transform/core"
import { EXTTextureWebP } from "@gltf-transform/extensions"
import { compressTexture, listTextureSlots } from "@gltf-transform/functions"
import sharp from "sharp"

export type NormalMapPolicy = "keep-format" | "webp"

export type TextureOptions = { maxPx: number; webpQuality: number; normalMaps: NormalMapPolicy }

// 80 is sharp's default, which `gltf-transform optimize --texture-compress webp` uses: colour
// textures cost the same in both (byte-identical in bench/3d), so the comparison is about the rest.
export const DEFAULT_TEXTURE_OPTIONS: TextureOptions = { maxPx: 2048, webpQuality: 80, normalMaps: "keep-format" }

// Mean angular error of the decoded normals against the original's (bench/3d): the shoe's 2048²
// map 2.2°, the same as WebP q80 (what `gltf-transform optimize` ships), with a heavier tail
// (p99 10.5° against 8.8°); the Mixer's 1024² map 0.16° against WebP's 0.18°. At 80 the shoe's
// mean passes WebP's (2.5°).
export const NORMAL_JPEG_QUALITY = 85

const RE_ENCODABLE = new Set(["image/png", "image/jpeg", "image/webp"])

export const isNormalMap = (texture: Texture): boolean => listTextureSlots(texture).includes("normalTexture")

export async function optimiseTextures(document: Document, options: TextureOptions): Promise<void> {
  // One at a time: each decode holds a full-size RGBA bitmap, and the cores are shared anyway.
  for (const texture of document.getRoot().listTextures()) await optimiseTexture(texture, options)
  const webp = document.createExtension(EXTTextureWebP)
  if (document.getRoot().listTextures().some((t) => t.getMimeType() === "image/webp")) webp.setRequired(true)
  else webp.dispose()
}

async function optimiseTexture(texture: Texture, { maxPx, webpQuality, normalMaps }: TextureOptions): Promise<void> {
  if (!RE_ENCODABLE.has(texture.getMimeType()) || !texture.getImage()) return
  const resize: [number, number] = [maxPx, maxPx]
  const alreadyDone = texture.getMimeType() === "image/webp" && longestEdge(texture) <= maxPx
  if (alreadyDone) return
  if (normalMaps === "webp" || !isNormalMap(texture)) {
    await compressTexture(texture, { encoder: sharp, targetFormat: "webp", quality: webpQuality, resize })
    return
  }
  if (texture.getMimeType() === "image/jpeg") {
    await reencodeJpegNormalMap(texture, maxPx)
    return
  }
  // Without a resize, compressTexture keeps the original when re-encoding does not shrink it.
  // No quality for PNG: sharp's PNG "quality" switches to a lossy palette.
  await compressTexture(texture, { encoder: sharp, resize: longestEdge(texture) > maxPx ? resize : undefined })
}

/**
 * compressTexture cannot ask sharp for mozjpeg, whose trellis quantisation makes the real
 * models' normal maps 10-40% smaller than libjpeg-turbo at the same quality setting.
 */
async function reencodeJpegNormalMap(texture: Texture, maxPx: number): Promise<void> {
  const original = texture.getImage()!
  const downscaled = longestEdge(texture) > maxPx
  const { chromaSubsampling } = await sharp(original).metadata()
  let image = sharp(original)
  if (downscaled) image = image.resize(maxPx, maxPx, { fit: "inside", kernel: "lanczos3" })
  const encoded = await image
    .jpeg({ quality: NORMAL_JPEG_QUALITY, mozjpeg: true, chromaSubsampling: normalMapChroma(chromaSubsampling, downscaled) })
    .toBuffer()
  if (downscaled || encoded.byteLength < original.byteLength) texture.setImage(BufferUtils.toView(encoded))
}

/**
 * A source already stored at 4:2:0 has no full-resolution chroma left to keep: re-encoding it at
 * 4:4:4 spends bytes on upsampled chroma (on the shoe, 4:4:4 q75 is as big as 4:2:0 q85 and
 * further from the original: 2.3° against 2.2° mean, 12.6° against 10.5° p99). Any other source,
 * and any downscaled one, stays 4:4:4, so the re-encode never subsamples what the source did not.
 */
export function normalMapChroma(sourceSubsampling: string | undefined, downscaled: boolean): "4:2:0" | "4:4:4" {
  return sourceSubsampling === "4:2:0" && !downscaled ? "4:2:0" : "4:4:4"
}

export function longestEdge(texture: Texture): number {
  const image = texture.getImage()
  const size = image ? ImageUtils.getSize(image, texture.getMimeType()) : null
  return size ? Math.max(size[0], size[1]) : 0
}
