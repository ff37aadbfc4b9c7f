/**
 * Which pages to measure: home, a category and a product, found through the backend's
 * Store API when its URL is known, else from the links on the home page. Every page is
 * checked for a 200 and fetched once before measuring so server caches are warm.
 */
const log = (m) => process.stderr.write(`[lighthouse] ${m}\n`)

async function status(url) {
  const res = await fetch(url, { redirect: "follow" })
  await res.arrayBuffer()
  return res.status
}

async function storeGet(backendUrl, pathAndQuery) {
  const headers = {}
  if (process.env.MEDUSA_PUBLISHABLE_KEY) headers["x-publishable-api-key"] = process.env.MEDUSA_PUBLISHABLE_KEY
  const res = await fetch(`${backendUrl}${pathAndQuery}`, { headers })
  if (!res.ok) throw new Error(`GET ${pathAndQuery} answered ${res.status}`)
  return res.json()
}

/** First `/{country}/{kind}/<handle>` link in a page's HTML. */
async function firstLink(siteUrl, pagePath, country, kind) {
  const html = await fetch(`${siteUrl}${pagePath}`).then((r) => r.text())
  const m = html.match(new RegExp(`href="(/${country}/${kind}/[^"?#]+)"`))
  return m ? m[1] : null
}

/**
 * @param {string} siteUrl storefront origin
 * @param {string | null} backendUrl Medusa backend origin, when known
 * @param {string} country e.g. "in"
 * @returns {Promise<{ home: string, category: string, product: string }>}
 */
export async function resolvePages(siteUrl, backendUrl, country) {
  const home = `/${country}`
  const homeStatus = await status(`${siteUrl}${home}`).catch((error) => `nothing (${error.cause?.code ?? error.cause?.message ?? error.message})`)
  if (homeStatus !== 200) throw new Error(`${siteUrl}${home} answered ${homeStatus}; is the store running there?`)
  const candidates = { category: [], product: [] }
  if (backendUrl) {
    try {
      const { product_categories } = await storeGet(backendUrl, "/store/product-categories?limit=1")
      if (product_categories?.[0]?.handle) candidates.category.push(`/${country}/categories/${product_categories[0].handle}`)
    } catch (error) {
      log(`could not list categories from the backend (${error.message})`)
    }
    try {
      const { products } = await storeGet(backendUrl, "/store/products?limit=1")
      if (products?.[0]?.handle) candidates.product.push(`/${country}/products/${products[0].handle}`)
    } catch (error) {
      log(`could not list products from the backend (${error.message})`)
    }
  }
  candidates.category.push(`/${country}/categories/dresses`)
  const fromHome = await firstLink(siteUrl, home, country, "categories").catch(() => null)
  if (fromHome) candidates.category.push(fromHome)

  const pages = { home }
  for (const kind of ["category", "product"]) {
    if (kind === "product" && !candidates.product.length) {
      // No backend: take the first product linked from the chosen category or home page.
      const link =
        (await firstLink(siteUrl, pages.category, country, "products").catch(() => null)) ??
        (await firstLink(siteUrl, home, country, "products").catch(() => null))
      if (link) candidates.product.push(link)
    }
    for (const p of candidates[kind]) {
      const code = await status(`${siteUrl}${p}`).catch(() => 0)
      if (code === 200) {
        pages[kind] = p
        break
      }
      log(`${p} answered ${code || "nothing"}, trying the next ${kind}`)
    }
    if (!pages[kind]) throw new Error(`no ${kind} page answered 200 on ${siteUrl} (tried ${candidates[kind].join(", ") || "nothing"})`)
  }
  return pages
}

/** Fetches every page once (fills Next's data cache and the backend's) and insists on 200. */
export async function warm(siteUrl, pages) {
  for (const [name, p] of Object.entries(pages)) {
    const t0 = Date.now()
    const code = await status(`${siteUrl}${p}`)
    if (code !== 200) throw new Error(`${siteUrl}${p} (${name}) answered ${code}`)
    log(`warmed ${siteUrl}${p} (${Date.now() - t0} ms)`)
  }
}
