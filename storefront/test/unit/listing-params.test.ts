import { activeFilterCount, clearFilters, listingQuery, parseListingParams, SORT_LABELS, SORTS, toggleValue, type ListingState } from "@/lib/core/listing-params"

const empty: ListingState = { size: [], color: [], occasion: [], price_min: null, price_max: null, sort: null, page: 1, q: null }

/** What Next hands a page: repeated keys become arrays. */
function searchParams(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of new URLSearchParams(query)) {
    const prev = out[key]
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
  }
  return out
}

describe("parseListingParams", () => {
  it("gives the default state for no params", () => {
    expect(parseListingParams({})).toEqual(empty)
  })

  it("reads a full, well-formed URL", () => {
    expect(parseListingParams(searchParams("size=M,L&color=Black&occasion=party&price_min=500&price_max=2000&sort=price_asc&page=2&q=satin"))).toEqual({
      size: ["M", "L"],
      color: ["Black"],
      occasion: ["party"],
      price_min: 500,
      price_max: 2000,
      sort: "price_asc",
      page: 2,
      q: "satin",
    })
  })

  it("merges repeated keys and comma lists, trimming and dropping empties and duplicates, in first-seen order", () => {
    expect(parseListingParams({ size: ["M,L", "S", " L ", ",,", "XL, M"] }).size).toEqual(["M", "L", "S", "XL"])
    expect(parseListingParams({ color: " Black , ,Red," }).color).toEqual(["Black", "Red"])
    expect(parseListingParams({ occasion: "" }).occasion).toEqual([])
    expect(parseListingParams({ occasion: [] }).occasion).toEqual([])
    expect(parseListingParams({ occasion: undefined }).occasion).toEqual([])
  })

  it("keeps values case-sensitive", () => {
    expect(parseListingParams({ color: "black,Black" }).color).toEqual(["black", "Black"])
  })

  it("keeps at most 20 values per facet", () => {
    const many = Array.from({ length: 30 }, (_, i) => `v${i}`)
    expect(parseListingParams({ size: many.join(",") }).size).toEqual(many.slice(0, 20))
    expect(parseListingParams({ color: many }).color).toHaveLength(20)
  })

  it("reads whole, non-negative prices and ignores anything else", () => {
    expect(parseListingParams({ price_min: "0", price_max: "999999999" })).toMatchObject({ price_min: 0, price_max: 999999999 })
    expect(parseListingParams({ price_min: " 500 " }).price_min).toBe(500)
    expect(parseListingParams({ price_min: "007" }).price_min).toBe(7)
    for (const junk of ["-5", "5.5", "NaN", "abc", "", " ", "1e3", "0x10", "Infinity", "1000000000", "+5", "5 000", "₹500"]) {
      expect(parseListingParams({ price_min: junk, price_max: junk })).toMatchObject({ price_min: null, price_max: null })
    }
  })

  it("takes the first of repeated single-value params", () => {
    expect(parseListingParams({ price_min: ["300", "100"], sort: ["newest", "popular"], page: ["3", "5"], q: ["red", "blue"] })).toMatchObject({ price_min: 300, sort: "newest", page: 3, q: "red" })
    expect(parseListingParams({ sort: ["junk", "newest"] }).sort).toBeNull()
  })

  it("swaps a minimum above the maximum", () => {
    expect(parseListingParams({ price_min: "2000", price_max: "500" })).toMatchObject({ price_min: 500, price_max: 2000 })
    expect(parseListingParams({ price_min: "2000" })).toMatchObject({ price_min: 2000, price_max: null })
    expect(parseListingParams({ price_max: "10" })).toMatchObject({ price_min: null, price_max: 10 })
  })

  it("keeps the page between 1 and 10000", () => {
    const page = (value: string | string[] | undefined) => parseListingParams({ page: value }).page
    expect(page(undefined)).toBe(1)
    expect(page("1")).toBe(1)
    expect(page("7")).toBe(7)
    expect(page("0")).toBe(1)
    expect(page("-3")).toBe(1)
    expect(page("2.5")).toBe(1)
    expect(page("abc")).toBe(1)
    expect(page("10000")).toBe(10000)
    expect(page("10001")).toBe(10000)
    expect(page("999999999")).toBe(10000)
    expect(page("9999999999")).toBe(1)
  })

  it("accepts only known sorts", () => {
    for (const sort of SORTS) expect(parseListingParams({ sort }).sort).toBe(sort)
    for (const junk of ["price", "PRICE_ASC", "price_asc ", "", "constructor", "toString"]) expect(parseListingParams({ sort: junk }).sort).toBeNull()
  })

  it("trims the search text, caps it at 200 characters and drops it when blank", () => {
    expect(parseListingParams({ q: "  red dress  " }).q).toBe("red dress")
    expect(parseListingParams({ q: "   " }).q).toBeNull()
    expect(parseListingParams({ q: "" }).q).toBeNull()
    expect(parseListingParams({ q: "x".repeat(250) }).q).toBe("x".repeat(200))
    expect(parseListingParams({ q: `${"x".repeat(199)} y` }).q).toBe("x".repeat(199))
  })
})

describe("listingQuery", () => {
  it("is empty for the default state", () => {
    expect(listingQuery(empty)).toBe("")
    expect(listingQuery({})).toBe("")
  })

  it("writes only what differs from the defaults, in a fixed order", () => {
    expect(listingQuery({ ...empty, page: 1, sort: "newest" })).toBe("?sort=newest")
    expect(listingQuery({ ...empty, page: 3 })).toBe("?page=3")
    expect(listingQuery({ page: 2, sort: "price_desc", price_max: 900, price_min: 0, occasion: ["party", "work"], color: ["Black"], size: ["M", "L"], q: "red dress" })).toBe(
      "?q=red+dress&size=M%2CL&color=Black&occasion=party%2Cwork&price_min=0&price_max=900&sort=price_desc&page=2",
    )
  })

  it("round-trips: parsing the query of a state gives that state back", () => {
    const states: ListingState[] = [
      empty,
      { ...empty, size: ["M"] },
      { ...empty, size: ["XS", "S", "M", "L", "XL"], color: ["Black", "Rose Gold"], occasion: ["party"] },
      { ...empty, price_min: 0, price_max: 0 },
      { ...empty, price_min: 500, price_max: 2000 },
      { ...empty, price_min: 500 },
      { ...empty, price_max: 2000 },
      ...SORTS.map((sort) => ({ ...empty, sort })),
      { ...empty, page: 2 },
      { ...empty, page: 10000 },
      { ...empty, q: "red & black / 50% off?" },
      { ...empty, q: "सलवार कुर्ता" },
      { ...empty, q: "a+b=c" },
      { ...empty, q: "x".repeat(200) },
      { size: ["M", "L"], color: ["Black"], occasion: ["party", "wedding"], price_min: 999, price_max: 4999, sort: "popular", page: 17, q: "lehenga" },
      { ...empty, color: ["Navy Blue", "Off-White", "Écru"] },
    ]
    for (const state of states) {
      expect(parseListingParams(searchParams(listingQuery(state)))).toEqual(state)
    }
  })

  it("parse is idempotent: a parsed state survives another round trip unchanged", () => {
    const raws: Record<string, string | string[]>[] = [
      { size: ["M,L", "M"], price_min: "900", price_max: "100", page: "0", sort: "bogus", q: "  x  " },
      { q: `${"y".repeat(199)}  z`, page: "20000" },
      { color: Array.from({ length: 25 }, (_, i) => `c${i}`), price_min: "-1", price_max: "5" },
    ]
    for (const raw of raws) {
      const once = parseListingParams(raw)
      expect(parseListingParams(searchParams(listingQuery(once)))).toEqual(once)
    }
  })
})

describe("toggleValue", () => {
  const state: ListingState = { ...empty, size: ["M"], color: ["Black"], page: 4, sort: "newest", q: "dress" }

  it("adds a value that is off, at the end, and goes back to page 1", () => {
    expect(toggleValue(state, "size", "L")).toEqual({ ...state, size: ["M", "L"], page: 1 })
    expect(toggleValue(state, "occasion", "party")).toEqual({ ...state, occasion: ["party"], page: 1 })
  })

  it("removes a value that is on, and goes back to page 1", () => {
    expect(toggleValue(state, "color", "Black")).toEqual({ ...state, color: [], page: 1 })
    expect(toggleValue({ ...state, size: ["S", "M", "L"] }, "size", "M")).toEqual({ ...state, size: ["S", "L"], page: 1 })
  })

  it("does not change the state it was given", () => {
    toggleValue(state, "size", "L")
    expect(state).toEqual({ ...empty, size: ["M"], color: ["Black"], page: 4, sort: "newest", q: "dress" })
  })

  it("switching twice gives the same filters back", () => {
    expect(toggleValue(toggleValue(state, "size", "XL"), "size", "XL")).toEqual({ ...state, page: 1 })
  })
})

describe("activeFilterCount", () => {
  it("counts each facet value and the price range once", () => {
    expect(activeFilterCount(empty)).toBe(0)
    expect(activeFilterCount({ ...empty, size: ["M", "L"], color: ["Black"], occasion: ["party"] })).toBe(4)
    expect(activeFilterCount({ ...empty, price_min: 0 })).toBe(1)
    expect(activeFilterCount({ ...empty, price_max: 100 })).toBe(1)
    expect(activeFilterCount({ ...empty, price_min: 100, price_max: 200, size: ["S"] })).toBe(2)
  })

  it("does not count search text, sort or page", () => {
    expect(activeFilterCount({ ...empty, q: "dress", sort: "newest", page: 5 })).toBe(0)
  })
})

describe("clearFilters", () => {
  it("drops the filters and the page but keeps the search text and the sort", () => {
    const state: ListingState = { size: ["M"], color: ["Red"], occasion: ["party"], price_min: 1, price_max: 2, sort: "price_desc", page: 9, q: "saree" }
    expect(clearFilters(state)).toEqual({ ...empty, sort: "price_desc", q: "saree" })
    expect(activeFilterCount(clearFilters(state))).toBe(0)
    expect(listingQuery(clearFilters(state))).toBe("?q=saree&sort=price_desc")
  })
})

describe("SORT_LABELS", () => {
  it("labels every sort", () => {
    expect(Object.keys(SORT_LABELS).sort()).toEqual([...SORTS].sort())
    expect(SORT_LABELS).toEqual({ relevance: "Best match", newest: "Newest", popular: "Popularity", price_asc: "Price: low to high", price_desc: "Price: high to low" })
  })
})
