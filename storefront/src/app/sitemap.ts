import type { MetadataRoute } from "next"
import { listCountries } from "@/lib/data/regions"
import { listCategories, listCollections, listProductHandles } from "@/lib/data/catalog"
import { siteUrl } from "@/lib/config/site"
import type { Category } from "@/lib/medusa/types"

// Built from the live catalog when asked for, so `next build` needs no backend.
export const dynamic = "force-dynamic"
export const revalidate = 3600

function categoryPaths(categories: Category[], prefix = ""): string[] {
  return categories.flatMap((c) => [`${prefix}${c.handle}`, ...categoryPaths(c.category_children ?? [], `${prefix}${c.handle}/`)])
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl()
  const [countries, categories, collections, products] = await Promise.all([listCountries(), listCategories(), listCollections(), listProductHandles()])
  const entries: MetadataRoute.Sitemap = []
  for (const { code } of countries) {
    entries.push({ url: `${base}/${code}`, changeFrequency: "daily", priority: 1 })
    for (const path of categoryPaths(categories)) entries.push({ url: `${base}/${code}/categories/${path}`, changeFrequency: "daily", priority: 0.8 })
    for (const c of collections) entries.push({ url: `${base}/${code}/collections/${c.handle}`, changeFrequency: "weekly", priority: 0.6 })
    for (const p of products) {
      entries.push({ url: `${base}/${code}/products/${p.handle}`, lastModified: p.updated_at, changeFrequency: "weekly", priority: 0.7 })
    }
  }
  return entries
}
