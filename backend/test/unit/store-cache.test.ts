import { cacheBypass, cachedReadRoute, decodeCacheEntry, encodeCacheEntry, isCacheableStoreRead, storeCacheKey } from "../../src/core/store-cache"

describe("isCacheableStoreRead", () => {
  it("takes the hot catalogue reads", () => {
    for (const path of ["/store/products", "/store/products/", "/store/products/prod_01ABC", "/store/product-categories", "/store/product-categories/pcat_1", "/store/collections/pcol_9", "/store/regions", "/store/regions/reg_01X", "/store/catalog/products", "/store/catalog/suggest"]) {
      expect([path, isCacheableStoreRead("GET", path)]).toEqual([path, true])
    }
  })

  it("leaves writes, a product's own sub-resources and everything else to the routes", () => {
    expect(isCacheableStoreRead("POST", "/store/products/search")).toBe(false)
    for (const path of ["/store/products/prod_1/size-chart", "/store/products/prod_1/3d-models", "/store/products/search", "/store/carts/cart_1", "/store/customers/me", "/store/products/../regions", "/store/catalog/facets"]) {
      expect([path, isCacheableStoreRead("GET", path)]).toEqual([path, false])
    }
  })
})

describe("cacheBypass", () => {
  const q = (s = "") => new URLSearchParams(s)
  it("answers signed-in shoppers, cart prices and no-cache requests fresh", () => {
    expect(cacheBypass({ authorization: "Bearer x", signedInCustomer: false, query: q() })).toBe("signed-in")
    expect(cacheBypass({ signedInCustomer: true, query: q() })).toBe("signed-in")
    expect(cacheBypass({ signedInCustomer: false, query: q("cart_id=cart_1") })).toBe("cart-prices")
    expect(cacheBypass({ signedInCustomer: false, query: q(), cacheControl: "no-cache" })).toBe("no-store")
    expect(cacheBypass({ signedInCustomer: false, query: q("limit=12"), cacheControl: "max-age=0" })).toBeNull()
  })
})

describe("storeCacheKey", () => {
  const key = (query: string, extra: { version?: string; publishableKey?: string } = {}) =>
    storeCacheKey({ version: extra.version ?? "v1", path: "/store/products", query: new URLSearchParams(query), publishableKey: extra.publishableKey })

  it("is the same whatever the order of the query, and for a trailing slash", () => {
    expect(key("limit=12&region_id=reg_1")).toBe(key("region_id=reg_1&limit=12"))
    expect(storeCacheKey({ version: "v1", path: "/store/products/", query: new URLSearchParams() })).toBe(key(""))
  })

  it("treats repeated parameters as a set (filters), and tells versions and sales channels apart", () => {
    expect(key("category_id[]=b&category_id[]=a")).toBe(key("category_id[]=a&category_id[]=b"))
    expect(key("limit=12")).not.toBe(key("limit=12", { version: "v2" }))
    expect(key("limit=12", { publishableKey: "pk_1" })).not.toBe(key("limit=12", { publishableKey: "pk_2" }))
  })
})

describe("cachedReadRoute", () => {
  it("names a hit by the pattern of the route it answers for", () => {
    expect(cachedReadRoute("/store/products/prod_01ABC")).toBe("/store/products/:id")
    expect(cachedReadRoute("/store/regions/reg_1/")).toBe("/store/regions/:region_id")
    expect(cachedReadRoute("/store/product-categories/pcat_1")).toBe("/store/product-categories/:id")
    expect(cachedReadRoute("/store/products/")).toBe("/store/products")
    expect(cachedReadRoute("/store/catalog/products")).toBe("/store/catalog/products")
  })
})

describe("cache entries", () => {
  it("keep the answer as it was, with whether it is still fresh", () => {
    const body = JSON.stringify({ products: [{ title: "Line\nbreak" }] })
    const entry = encodeCacheEntry(body, 1_000)
    expect(decodeCacheEntry(entry, 999)).toEqual({ body, fresh: true, freshUntil: 1_000 })
    expect(decodeCacheEntry(entry, 1_000)).toEqual({ body, fresh: false, freshUntil: 1_000 })
  })

  it("take anything else in the cache (an older format, garbage) as no entry", () => {
    for (const value of [null, undefined, 42, '{"products":[]}', "\n{}", "soon\n{}"]) expect(decodeCacheEntry(value, 0)).toBeNull()
  })
})
