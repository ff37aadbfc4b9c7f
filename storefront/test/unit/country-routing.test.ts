import { knownCountriesFromEnv, preferredCountry, routeCountry, type CountryContext } from "@/lib/core/country-routing"

const ctx: CountryContext = { cookieCountry: null, geoCountry: null, knownCountries: ["in", "us"], defaultCountry: "in" }

describe("preferredCountry", () => {
  it("prefers a known cookie country, then a known geo country, then the default", () => {
    expect(preferredCountry({ ...ctx, cookieCountry: "us", geoCountry: "in" })).toBe("us")
    expect(preferredCountry({ ...ctx, cookieCountry: null, geoCountry: "us" })).toBe("us")
    expect(preferredCountry({ ...ctx, cookieCountry: "fr", geoCountry: "us" })).toBe("us")
    expect(preferredCountry({ ...ctx, cookieCountry: "fr", geoCountry: "de" })).toBe("in")
    expect(preferredCountry(ctx)).toBe("in")
    expect(preferredCountry({ ...ctx, defaultCountry: "us" })).toBe("us")
  })

  it("reads codes case-insensitively and ignores junk", () => {
    expect(preferredCountry({ ...ctx, cookieCountry: "US" })).toBe("us")
    expect(preferredCountry({ ...ctx, geoCountry: " US " })).toBe("us")
    expect(preferredCountry({ ...ctx, knownCountries: ["IN", "US"], geoCountry: "us" })).toBe("us")
    expect(preferredCountry({ ...ctx, cookieCountry: "usa", geoCountry: "XX" })).toBe("in")
    expect(preferredCountry({ ...ctx, cookieCountry: "", geoCountry: undefined })).toBe("in")
    expect(preferredCountry({ ...ctx, defaultCountry: "IN" })).toBe("in")
  })

  it("never answers something that is not a two-letter code, even with a bad default", () => {
    expect(preferredCountry({ ...ctx, defaultCountry: "" })).toBe("in")
    expect(preferredCountry({ ...ctx, defaultCountry: "india", knownCountries: ["us", "in"] })).toBe("us")
    expect(preferredCountry({ ...ctx, defaultCountry: "x", knownCountries: [] })).toBe("in")
  })
})

describe("routeCountry", () => {
  it("sends / to the cookie country when it is known", () => {
    expect(routeCountry("/", "", { ...ctx, cookieCountry: "us", geoCountry: "in" })).toEqual({ action: "redirect", to: "/us" })
  })

  it("sends / to the geo country when the cookie is missing or unknown", () => {
    expect(routeCountry("/", "", { ...ctx, geoCountry: "us" })).toEqual({ action: "redirect", to: "/us" })
    expect(routeCountry("/", "", { ...ctx, cookieCountry: "fr", geoCountry: "US" })).toEqual({ action: "redirect", to: "/us" })
  })

  it("sends / to the default country otherwise", () => {
    expect(routeCountry("/", "", ctx)).toEqual({ action: "redirect", to: "/in" })
    expect(routeCountry("/", "", { ...ctx, geoCountry: "de", defaultCountry: "us" })).toEqual({ action: "redirect", to: "/us" })
  })

  it("puts a path without a country under the preferred country", () => {
    expect(routeCountry("/products/x", "", ctx)).toEqual({ action: "redirect", to: "/in/products/x" })
    expect(routeCountry("/products/x", "", { ...ctx, cookieCountry: "us" })).toEqual({ action: "redirect", to: "/us/products/x" })
    expect(routeCountry("/account", "", ctx)).toEqual({ action: "redirect", to: "/in/account" })
    expect(routeCountry("/a", "", ctx)).toEqual({ action: "redirect", to: "/in/a" })
    expect(routeCountry("/abc/def", "", ctx)).toEqual({ action: "redirect", to: "/in/abc/def" })
    expect(routeCountry("/12/x", "", ctx)).toEqual({ action: "redirect", to: "/in/12/x" })
  })

  it("keeps the query string", () => {
    expect(routeCountry("/", "?utm_source=ig", ctx)).toEqual({ action: "redirect", to: "/in?utm_source=ig" })
    expect(routeCountry("/search", "?q=red+dress&page=2", ctx)).toEqual({ action: "redirect", to: "/in/search?q=red+dress&page=2" })
    expect(routeCountry("/US/products/x", "?size=M", ctx)).toEqual({ action: "redirect", to: "/us/products/x?size=M" })
  })

  it("lets a path with a known country through", () => {
    expect(routeCountry("/in", "", ctx)).toEqual({ action: "next", country: "in" })
    expect(routeCountry("/in/", "", ctx)).toEqual({ action: "next", country: "in" })
    expect(routeCountry("/us/products/x", "?a=1", ctx)).toEqual({ action: "next", country: "us" })
  })

  it("lets a path with any two-letter first segment through, even an unknown country, so the page can say so", () => {
    expect(routeCountry("/fr/products/x", "", ctx)).toEqual({ action: "next", country: "fr" })
    expect(routeCountry("/zz", "", { ...ctx, cookieCountry: "us" })).toEqual({ action: "next", country: "zz" })
  })

  it("lower-cases a country written in capitals, once", () => {
    expect(routeCountry("/IN", "", ctx)).toEqual({ action: "redirect", to: "/in" })
    expect(routeCountry("/In/products/x", "", ctx)).toEqual({ action: "redirect", to: "/in/products/x" })
    expect(routeCountry("/FR/a/b/", "", ctx)).toEqual({ action: "redirect", to: "/fr/a/b/" })
  })

  it("copes with a path that does not start with a slash", () => {
    expect(routeCountry("", "", ctx)).toEqual({ action: "redirect", to: "/in" })
    expect(routeCountry("products/x", "", ctx)).toEqual({ action: "redirect", to: "/in/products/x" })
    expect(routeCountry("us/x", "", ctx)).toEqual({ action: "next", country: "us" })
  })

  it("never redirects to a path that would redirect again", () => {
    const paths = [
      "/", "", "//", "///x", "/in", "/IN", "/In/x", "/iN/", "/us/a", "/fr", "/ZZ/q", "/products/x", "/products", "/a", "/abc", "/a1", "/1a",
      "/é", "/%20", "/in%20", "/-/x", "/_x", "/.well-known", "/categories/bodycon-dresses", "/search", "products/x", "IN/x", "/i/n",
      "/checkout", "/account/orders/123", "/ab/cd/ef", "/AB", "/Ab/", "/x y", "/in.x", "/in-x",
    ]
    const searches = ["", "?q=1", "?next=/in/wishlist", "?a=b&c=d"]
    const contexts: CountryContext[] = [
      ctx,
      { ...ctx, cookieCountry: "us" },
      { ...ctx, cookieCountry: "US", geoCountry: "in" },
      { ...ctx, cookieCountry: "fr", geoCountry: "de" },
      { ...ctx, cookieCountry: "usa", geoCountry: "1n" },
      { ...ctx, geoCountry: "us", knownCountries: [] },
      { ...ctx, defaultCountry: "US" },
      { ...ctx, defaultCountry: "" },
      { ...ctx, defaultCountry: "india" },
      { cookieCountry: null, geoCountry: null, knownCountries: [], defaultCountry: "" },
      { cookieCountry: "xx", geoCountry: "yy", knownCountries: ["xx", "yy"], defaultCountry: "zz" },
    ]
    let redirects = 0
    for (const path of paths)
      for (const search of searches)
        for (const context of contexts) {
          const first = routeCountry(path, search, context)
          if (first.action === "next") continue
          redirects++
          const target = new URL(first.to, "http://shop.test")
          expect(target.origin).toBe("http://shop.test")
          expect(first.to.startsWith("/")).toBe(true)
          expect(first.to.startsWith("//")).toBe(false)
          expect(first.to.endsWith(search)).toBe(true)
          const second = routeCountry(target.pathname, target.search, context)
          expect({ from: `${path}${search}`, to: first.to, second: second.action }).toEqual({ from: `${path}${search}`, to: first.to, second: "next" })
        }
    expect(redirects).toBeGreaterThan(500)
  })
})

describe("knownCountriesFromEnv", () => {
  it("defaults to India and the US", () => {
    expect(knownCountriesFromEnv(undefined, "in")).toEqual(["in", "us"])
    expect(knownCountriesFromEnv("", "in")).toEqual(["in", "us"])
  })

  it("parses a comma list, trimming, lower-casing and dropping junk and duplicates", () => {
    expect(knownCountriesFromEnv(" IN, us ,gb,, usa,1x,In", "in")).toEqual(["in", "us", "gb"])
  })

  it("always includes the fallback country, once", () => {
    expect(knownCountriesFromEnv("us", "in")).toEqual(["us", "in"])
    expect(knownCountriesFromEnv("us,in", "IN")).toEqual(["us", "in"])
    expect(knownCountriesFromEnv("gb", " US ")).toEqual(["gb", "us"])
  })

  it("ignores a fallback that is not a country code", () => {
    expect(knownCountriesFromEnv("in,us", "")).toEqual(["in", "us"])
    expect(knownCountriesFromEnv("in", "india")).toEqual(["in"])
  })
})
