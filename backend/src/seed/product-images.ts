/**
 * Product photos for the seed: rendered locally from product-art (no network),
 * encoded to WebP with sharp and stored through Medusa's file service, so they land
 * in S3 when it is configured and in backend/uploads otherwise.
 */
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"
import sharp from "sharp"
import { renderProductSvg } from "./product-art"
import type { ProductPlan } from "./catalog"

type FileService = { upload: (file: { path: string; originalname: string; mimetype?: string }) => Promise<{ url: string }> }

export type ProductImages = { thumbnail: string; images: string[]; byColor: Record<string, string> }

const WIDTH = 800
const HEIGHT = 1000

// Rasterising costs about a quarter of a second an image and the same SVG always gives the same
// WebP, so reruns (CI's second pass, the idempotency test, a reset database) reuse the files.
const cacheDir = process.env.SEED_IMAGE_CACHE || path.resolve(__dirname, "..", "..", "..", ".data", "image-cache")

async function renderWebp(svg: string): Promise<Buffer> {
  const cached = path.join(cacheDir, `${crypto.createHash("sha256").update(svg).digest("hex").slice(0, 32)}.webp`)
  if (fs.existsSync(cached)) return fs.readFileSync(cached)
  const webp = await sharp(Buffer.from(svg)).resize(WIDTH, HEIGHT).webp({ quality: 82 }).toBuffer()
  fs.mkdirSync(cacheDir, { recursive: true })
  fs.writeFileSync(`${cached}.${process.pid}`, webp)
  fs.renameSync(`${cached}.${process.pid}`, cached)
  return webp
}

export async function createProductImages(fileService: FileService, product: ProductPlan): Promise<ProductImages> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-images-"))
  const pattern = String(product.metadata?.pattern ?? "solid")
  const upload = async (name: string, svg: string) => {
    const file = path.join(workDir, name)
    fs.writeFileSync(file, await renderWebp(svg))
    const { url } = await fileService.upload({ path: file, originalname: name, mimetype: "image/webp" })
    return url
  }
  try {
    const byColor: Record<string, string> = {}
    for (const color of product.colors) {
      const slug = color.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")
      byColor[color.name] = await upload(
        `${product.handle}-${slug}-front.webp`,
        renderProductSvg({ silhouette: product.silhouette, colorHex: color.hex, pattern, view: "front", seed: `${product.handle}:${color.name}` })
      )
    }
    const first = product.colors[0]
    const extra = []
    for (const view of ["back", "detail"] as const) {
      extra.push(
        await upload(
          `${product.handle}-${view}.webp`,
          renderProductSvg({ silhouette: product.silhouette, colorHex: first.hex, pattern, view, seed: `${product.handle}:${view}` })
        )
      )
    }
    const fronts = product.colors.map((c) => byColor[c.name])
    return { thumbnail: fronts[0], images: [...fronts, ...extra], byColor }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}
