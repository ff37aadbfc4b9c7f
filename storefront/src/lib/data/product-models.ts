import "server-only"
import { backendUrl, medusa, MedusaError } from "../medusa/client"
import { normaliseProductModels, type ProductModel3d } from "../core/model-viewer"

/**
 * A model becomes ready minutes after its upload and rarely changes after: cached briefly
 * like the catalogue (PRODUCT_3D_CACHE_SECONDS, default 60; the browser tests set it low so
 * a model processed during the run shows at once).
 */
const MODELS_TTL = cacheSeconds(process.env.PRODUCT_3D_CACHE_SECONDS)

function cacheSeconds(raw: string | undefined): number {
  const seconds = Number(raw)
  return raw && Number.isInteger(seconds) && seconds >= 0 ? seconds : 60
}

/**
 * The product's ready 3D models, primary first (GET /store/products/:id/3d-models), with
 * model URLs the browser can load from this origin. An empty list when it has none, the
 * plugin is off (404) or the store cannot answer: the page goes on without a viewer.
 */
export async function getProductModels(productId: string): Promise<ProductModel3d[]> {
  try {
    const res = await medusa<unknown>(`/store/products/${encodeURIComponent(productId)}/3d-models`, {
      revalidate: MODELS_TTL,
      tags: ["3d-models", `3d-models:${productId}`],
      timeoutMs: 8000,
    })
    return normaliseProductModels(res, backendUrl())
  } catch (error) {
    if (!(error instanceof MedusaError && error.status === 404)) console.warn(`3D models of ${productId} failed:`, error instanceof Error ? error.message : error)
    return []
  }
}
