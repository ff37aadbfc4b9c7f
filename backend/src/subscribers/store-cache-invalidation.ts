import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CATALOGUE_CHANGE_EVENTS } from "../core/store-cache"
import { bumpCatalogueVersion } from "../api/store-cache"

/** A product, variant (prices, stock), category or region changed, or stock moved with an order: cached Store API reads are stale. */
export default async function invalidateStoreReads({ container }: SubscriberArgs): Promise<void> {
  await bumpCatalogueVersion(container.resolve("cacheService"))
}

export const config: SubscriberConfig = { event: [...CATALOGUE_CHANGE_EVENTS], context: { subscriberId: "store-cache-invalidation" } }
