/**
 * How far a re-encoded normal map bends the normals it stores: the angle between each decoded
 * texel's vector and the original's, in degrees (mean, 95th and 99th percentile). Pixel error
 * (PSNR) would weigh all three channels alike, but what shading sees is the direction.
 */
import sharp from "sharp"

const texels = async (image, size) => {
  let pipeline = sharp(image).removeAlpha()
  // Compared at the output's size: a downscaled map is judged against the downscaled original.
  if (size) pipeline = pipeline.resize(size[0], size[1], { fit: "fill", kernel: "lanczos3" })
  return pipeline.raw().toBuffer({ resolveWithObject: true })
}

export async function normalMapError(original, encoded) {
  const out = await texels(encoded)
  const ref = await texels(original, [out.info.width, out.info.height])
  const a = ref.data
  const b = out.data
  const count = out.info.width * out.info.height
  const angles = new Float32Array(count)
  let sum = 0
  for (let p = 0, i = 0; p < count; p++, i += 3) {
    const ax = a[i] / 127.5 - 1, ay = a[i + 1] / 127.5 - 1, az = a[i + 2] / 127.5 - 1
    const bx = b[i] / 127.5 - 1, by = b[i + 1] / 127.5 - 1, bz = b[i + 2] / 127.5 - 1
    const cos = (ax * bx + ay * by + az * bz) / (Math.hypot(ax, ay, az) * Math.hypot(bx, by, bz) || 1)
    const degrees = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI
    angles[p] = degrees
    sum += degrees
  }
  angles.sort()
  const at = (q) => angles[Math.min(count - 1, Math.floor(count * q))]
  return { mean: sum / count, p95: at(0.95), p99: at(0.99) }
}
