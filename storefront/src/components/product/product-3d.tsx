import { getProductModels } from "@/lib/data/product-models"
import { ModelViewer3d } from "./model-viewer-3d"

/**
 * The server half of the 3D viewer: the product's primary model, if it has a ready one.
 * Renders nothing otherwise (no model, plugin off, store failing), so a product without
 * a model costs the shopper nothing: no script, no request from her browser.
 */
export async function Product3d({ productId, title, thumbnail }: { productId: string; title: string; thumbnail: string | null }) {
  const [model] = await getProductModels(productId)
  if (!model) return null
  return <ModelViewer3d lods={model.lods} poster={model.poster_url ?? thumbnail} title={title} />
}
