/**
 * Indexes every product into the active search service before the seed exits.
 * Medusa also reindexes at boot, but asynchronously after the server answers; doing
 * it here means a freshly seeded store is searchable from its first request.
 */
import type { AwilixContainer } from "awilix"
import { defaultSearchIndexingProductRelations } from "@medusajs/utils"

const BATCH = 200

export async function indexAllProducts(container: AwilixContainer): Promise<number> {
  const searchService = container.resolve("searchService")
  if (searchService.isDefault) return 0
  const productService = container.resolve("productService")
  const relations = [...defaultSearchIndexingProductRelations, "categories"]
  let indexed = 0
  for (let skip = 0; ; skip += BATCH) {
    const products = await productService.list({}, { relations, skip, take: BATCH, order: { id: "ASC" } })
    if (!products.length) break
    await searchService.addDocuments("products", products, "products")
    indexed += products.length
  }
  return indexed
}
