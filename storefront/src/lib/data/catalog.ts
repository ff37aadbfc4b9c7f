import "server-only"
import { medusa, medusaOrNull } from "../medusa/client"
import type { CatalogPage, Category, Product, Suggestions } from "../medusa/types"
import type { ListingState } from "../core/listing-params"

/** Catalog reads are shared by every shopper and cached briefly, so stock is never stale for long. */
const CATALOG_TTL = 30

export type ListingScope = { category?: string; collection?: string }

export function listCatalog(regionId: string, scope: ListingScope, state: ListingState, limit = 24): Promise<CatalogPage> {
  return medusa<CatalogPage>("/store/catalog/products", {
    query: {
      region_id: regionId,
      category: scope.category,
      collection: scope.collection,
      q: state.q || undefined,
      size: state.size.join(",") || undefined,
      color: state.color.join(",") || undefined,
      occasion: state.occasion.join(",") || undefined,
      price_min: state.price_min,
      price_max: state.price_max,
      sort: state.sort ?? undefined,
      page: state.page,
      limit,
    },
    revalidate: CATALOG_TTL,
    tags: ["catalog"],
  })
}

export function suggest(regionId: string, q: string): Promise<Suggestions> {
  return medusa<Suggestions>("/store/catalog/suggest", { query: { region_id: regionId, q }, revalidate: CATALOG_TTL, tags: ["catalog"] })
}

export async function getProduct(handle: string, regionId: string): Promise<Product | null> {
  const { products } = await medusa<{ products: Product[] }>("/store/products", {
    query: { handle, region_id: regionId, expand: "variants,variants.prices,variants.options,options,options.values,images,tags,type,collection,categories" },
    revalidate: CATALOG_TTL,
    tags: ["catalog", `product:${handle}`],
  })
  return products[0] ?? null
}

/** Top-level categories with their children, in the merchant's order. */
export async function listCategories(): Promise<Category[]> {
  const res = await medusaOrNull<{ product_categories: Category[] }>("/store/product-categories", {
    query: { parent_category_id: "null", include_descendants_tree: true, limit: 100 },
    revalidate: 300,
    tags: ["categories"],
  })
  return res?.product_categories ?? []
}

export async function listCollections(): Promise<{ id: string; handle: string; title: string }[]> {
  const res = await medusaOrNull<{ collections: { id: string; handle: string; title: string }[] }>("/store/collections", {
    query: { limit: 50 },
    revalidate: 300,
    tags: ["collections"],
  })
  return res?.collections ?? []
}

/** Every published product handle, for the sitemap. */
export async function listProductHandles(): Promise<{ handle: string; updated_at?: string }[]> {
  const handles: { handle: string; updated_at?: string }[] = []
  for (let offset = 0; ; offset += 100) {
    const page = await medusa<{ products: { handle: string; updated_at?: string }[]; count: number }>("/store/products", {
      query: { fields: "handle,updated_at", expand: "", limit: 100, offset },
      revalidate: 3600,
      tags: ["catalog"],
    })
    handles.push(...page.products)
    if (offset + 100 >= page.count || !page.products.length) return handles
  }
}
