import { composeOutfits, enforceGuarantees, Outfit, parseShopperRequest, ShopperConstraints, StylistIndex, colourMatches, exclusionMatches } from "../../src/core"
import { indexFrom, seedIndex, seedRows } from "./catalogue"

const regionIndex = (region: "inr" | "usd") => seedIndex(region)

/** Every property the guarantees check, asserted directly on the engine's outfits. */
function expectHonours(outfits: Outfit[], c: ShopperConstraints, index: StylistIndex) {
  for (const outfit of outfits) {
    if (c.budget_minor !== null) expect(outfit.total_minor).toBeLessThanOrEqual(c.budget_minor)
    expect(outfit.total_minor).toBe(outfit.items.reduce((sum, i) => sum + i.price_minor!, 0))
    expect(new Set(outfit.items.map((i) => i.product_id)).size).toBe(outfit.items.length)
    for (const item of outfit.items) {
      expect(index.byVariant.get(item.variant_id)).toBe(item)
      expect(item.in_stock).toBe(true)
      expect(item.published).toBe(true)
      expect(item.currency).toBe(c.currency)
      if (c.size && item.size_kind === "letter") expect(item.size).toBe(c.size)
      if (c.shoe_size && item.size_kind === "shoe") expect(item.size).toBe(c.shoe_size)
      for (const exclusion of c.avoid) expect(exclusionMatches(exclusion, item)).toBe(false)
    }
  }
  // What the API will run on every answer finds nothing to drop.
  expect(enforceGuarantees(outfits, c, index).dropped).toEqual([])
}

const requests: [string, "inr" | "usd", Record<string, unknown> | null][] = [
  ["dress for a beach wedding under 2000 rupees, size M, no black", "inr", null],
  ["outfit for a beach wedding under ₹6000 size M, shoe size 38, no black", "inr", null],
  ["top and jeans for college, I wear XL, under 3k", "inr", null],
  ["Diwali party look, Rs 3000 max, I'm an S, avoid florals", "inr", null],
  ["vacation looks without heels, budget 5000, size XS", "inr", null],
  ["something in pastels for a night out, upto 3500", "inr", { size: "XXL" }],
  ["office co-ord under $70 no stripes", "usd", { size: "M" }],
  ["party look under $100, size S, shoe size 38", "usd", null],
  ["date night dress, max $80, no black, size L, nothing sleeveless", "usd", null],
  ["wedding guest outfit, I have $150, medium, US 7 shoes, no sequins", "usd", null],
  ["casual college fit with jeans, up to $55, size M", "usd", null],
]

describe("composeOutfits on the seeded catalogue", () => {
  it.each(requests)("%j (%s) gives complete outfits that honour every constraint", (message, region, context) => {
    const c = parseShopperRequest(message, context, region)
    const index = regionIndex(region)
    const result = composeOutfits(c, index, { count: 3 })
    expect(result.kind).toBe("ok")
    expect(result.outfits.length).toBeGreaterThan(0)
    expectHonours(result.outfits, c, index)
  })

  it("never exceeds a budget, whatever the budget", () => {
    const index = regionIndex("inr")
    for (let budget = 1000; budget <= 9000; budget += 250) {
      const c = parseShopperRequest(`party look under ₹${budget}`, { size: "M" }, "inr")
      const result = composeOutfits(c, index, { count: 3 })
      for (const outfit of result.outfits) expect(outfit.total_minor).toBeLessThanOrEqual(budget * 100)
      expectHonours(result.outfits, c, index)
    }
  })

  it("never uses an excluded colour, for every colour family", () => {
    const index = regionIndex("usd")
    for (const colour of ["black", "white", "red", "pink", "blue", "green", "gold", "beige", "navy", "purple"]) {
      const c = parseShopperRequest(`party outfit, no ${colour}`, { budget: 200 }, "usd")
      const result = composeOutfits(c, index, { count: 4 })
      expect(result.outfits.length).toBeGreaterThan(0)
      for (const outfit of result.outfits) for (const item of outfit.items) expect(colourMatches(colour, item.color)).toBe(false)
    }
  })

  it("only uses in-stock variants in her size, skipping sold-out ones", () => {
    // The fixture sells out the Cowl Neck Satin Slip Dress in M in every colour.
    const c = parseShopperRequest("a dress for a wedding, size M", null, "inr")
    const result = composeOutfits(c, regionIndex("inr"), { count: 6 })
    const titles = result.outfits.flatMap((o) => o.items.map((i) => i.title))
    expect(titles).not.toContain("Cowl Neck Satin Slip Dress")
    expectHonours(result.outfits, c, regionIndex("inr"))
  })

  it("answers the pieces she asked for", () => {
    const c = parseShopperRequest("top and jeans for college", null, "inr")
    const result = composeOutfits(c, regionIndex("inr"), { count: 3 })
    for (const outfit of result.outfits) {
      expect(outfit.items.map((i) => i.role)).toEqual(expect.arrayContaining(["top", "bottom"]))
      expect(outfit.items.find((i) => i.role === "bottom")!.words).toContain("jean")
    }
    const heels = composeOutfits(parseShopperRequest("heels for a wedding, size 38, under 2500", null, "inr"), regionIndex("inr"), { count: 2 })
    expect(heels.kind).toBe("ok")
    for (const outfit of heels.outfits) expect(outfit.items.map((i) => i.role)).toEqual(["shoes"])
  })

  it("prefers her occasion and her colours", () => {
    const c = parseShopperRequest("something emerald for a wedding", { size: "M" }, "inr")
    const [first] = composeOutfits(c, regionIndex("inr"), { count: 3 }).outfits
    expect(first.items.some((i) => colourMatches("emerald", i.color))).toBe(true)
    expect(first.items.find((i) => ["dress", "coord", "top"].includes(i.role))!.occasions).toContain("wedding-guest")
  })

  it("never repeats a base piece across outfits", () => {
    const c = parseShopperRequest("party looks", { size: "M", budget: 8000 }, "inr")
    const result = composeOutfits(c, regionIndex("inr"), { count: 5 })
    const bases = result.outfits.flatMap((o) => o.items.filter((i) => !["shoes", "bag", "jewellery"].includes(i.role)).map((i) => i.product_id))
    expect(new Set(bases).size).toBe(bases.length)
    expect(result.outfits).toHaveLength(5)
  })

  it("keeps away from products the caller already used", () => {
    const c = parseShopperRequest("party looks", { size: "M" }, "inr")
    const first = composeOutfits(c, regionIndex("inr"), { count: 2 })
    const used = first.outfits.flatMap((o) => o.items.map((i) => i.product_id))
    const more = composeOutfits(c, regionIndex("inr"), { count: 2, avoid_products: used })
    for (const outfit of more.outfits) for (const item of outfit.items) expect(used).not.toContain(item.product_id)
  })

  it("writes a title and a plain rationale that name only its own pieces", () => {
    const c = parseShopperRequest("beach wedding, ₹6000, size M", null, "inr")
    const index = regionIndex("inr")
    for (const outfit of composeOutfits(c, index, { count: 3 }).outfits) {
      expect(outfit.title.length).toBeGreaterThan(5)
      expect(outfit.rationale).toMatch(/within your ₹6,000/)
      const others = index.productTitles.filter((t) => !outfit.items.some((i) => i.title === t))
      for (const title of others) expect(outfit.rationale).not.toContain(title)
    }
  })
})

describe("impossible requests get an honest kind and real alternatives", () => {
  it("a budget below the cheapest complete look", () => {
    const c = parseShopperRequest("a full party outfit under 500 rupees, size M", null, "inr")
    const index = regionIndex("inr")
    const result = composeOutfits(c, index)
    expect(result.kind).toBe("budget_below_cheapest")
    expect(result.outfits).toEqual([])
    const [cheapest, pieces] = result.alternatives
    expect(cheapest.relaxed).toBe("budget")
    expect(cheapest.outfits[0].total_minor).toBeGreaterThan(50000)
    expect(cheapest.label).toMatch(/over your budget/)
    expect(pieces.relaxed).toBeNull()
    for (const item of pieces.items) {
      expect(item.price_minor!).toBeLessThanOrEqual(50000)
      expect(item.in_stock).toBe(true)
    }
  })

  it("a size the store does not make", () => {
    const c = parseShopperRequest("I'm a 3XL, festive dress under 4000", null, "inr")
    const result = composeOutfits(c, regionIndex("inr"))
    expect(result.kind).toBe("size_not_carried")
    const nearest = result.alternatives.find((a) => a.relaxed === "size")!
    for (const outfit of nearest.outfits) for (const item of outfit.items.filter((i) => i.size_kind === "letter")) expect(item.size).toBe("XXL")
    const oneSize = result.alternatives.find((a) => a.relaxed === null)!
    expect(oneSize.items.every((i) => i.size_kind === "one")).toBe(true)
  })

  it("her size sold out", () => {
    const rows = seedRows("inr", (row) => (row.size === "S" && row.product_type !== "Heels" ? { ...row, inventory_quantity: 0 } : row))
    const index = indexFrom(rows, "inr")
    const c = parseShopperRequest("party dress, size S", null, "inr")
    const result = composeOutfits(c, index)
    expect(result.kind).toBe("size_sold_out")
    expect(result.alternatives[0].relaxed).toBe("size")
    for (const outfit of result.alternatives[0].outfits) for (const item of outfit.items) expect(item.in_stock).toBe(true)
  })

  it("shoes in a size that is not made", () => {
    const c = parseShopperRequest("heels for a party in EU 43", null, "usd")
    expect(composeOutfits(c, regionIndex("usd")).kind).toBe("size_not_carried")
  })

  it("everything excluded", () => {
    const c = parseShopperRequest("a dress, no black, no red, no pink, no gold, no silver, no green, no blue, no purple, no white, no beige, no brown, no orange, no yellow, no grey", null, "inr")
    const result = composeOutfits(c, regionIndex("inr"))
    expect(result.kind).toBe("nothing_matches")
    for (const alternative of result.alternatives) for (const outfit of alternative.outfits) for (const item of outfit.items) for (const e of c.avoid) expect(exclusionMatches(e, item)).toBe(false)
  })

  it("a piece that does not exist in her constraints suggests other pieces, still respecting exclusions", () => {
    const c = parseShopperRequest("a co-ord, no black, no beige, no white, no blue, no brown, no orange, no pink, no yellow, no green, no grey", { size: "M" }, "inr")
    const result = composeOutfits(c, regionIndex("inr"))
    expect(result.kind).toBe("nothing_matches")
    expect(result.alternatives[0].relaxed).toBe("pieces")
    for (const outfit of result.alternatives[0].outfits) for (const item of outfit.items) for (const e of c.avoid) expect(exclusionMatches(e, item)).toBe(false)
  })
})

describe("determinism", () => {
  const c = parseShopperRequest("party looks under 6000, size M", null, "inr")
  const ids = (outfits: Outfit[]) => outfits.map((o) => o.items.map((i) => i.variant_id))

  it("gives the same outfits for the same request", () => {
    const a = composeOutfits(c, regionIndex("inr"), { count: 3 })
    const b = composeOutfits(c, regionIndex("inr"), { count: 3 })
    expect(ids(b.outfits)).toEqual(ids(a.outfits))
    expect(b).toEqual(a)
  })

  it("gives the same outfits for the same seed, and other ones for another seed", () => {
    const a = composeOutfits(c, regionIndex("inr"), { count: 3, seed: 7 })
    const b = composeOutfits(c, regionIndex("inr"), { count: 3, seed: 7 })
    expect(ids(b.outfits)).toEqual(ids(a.outfits))
    const seeds = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(ids(composeOutfits(c, regionIndex("inr"), { count: 3, seed }).outfits)))
    expect(new Set(seeds).size).toBeGreaterThan(1)
    for (const seed of [1, 2, 3]) expectHonours(composeOutfits(c, regionIndex("inr"), { count: 3, seed }).outfits, c, regionIndex("inr"))
  })

  it("does not depend on the order of the catalogue's rows", () => {
    const reversed = indexFrom(seedRows("inr").reverse(), "inr")
    expect(ids(composeOutfits(c, reversed, { count: 3 }).outfits)).toEqual(ids(composeOutfits(c, regionIndex("inr"), { count: 3 }).outfits))
  })
})
