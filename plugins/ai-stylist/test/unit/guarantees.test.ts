import { enforceGuarantees, parseShopperRequest, ProposedOutfit, ShopperConstraints } from "../../src/core"
import { indexFrom, seedIndex, seedRows, variantId } from "./catalogue"

const index = seedIndex("inr")
const v = variantId
const constraints = (message: string, context = {}): ShopperConstraints => parseShopperRequest(message, context, "inr")
const reasons = (result: ReturnType<typeof enforceGuarantees>) => result.dropped.map((d) => d.reason)

const dressM = { variant_id: v("ruched-satin-bodycon-midi", "Emerald", "M"), product_id: "prod_ruched-satin-bodycon-midi" }
const heels38 = { variant_id: v("ankle-strap-satin-stilettos", "Champagne", "38") }
const clutch = { variant_id: v("quilted-envelope-chain-clutch", "Ivory", "One Size") }
const earrings = { variant_id: v("teardrop-crystal-drop-earrings", "Emerald", "One Size") }
const look = (...items: { variant_id: string; product_id?: string }[]): ProposedOutfit => ({ title: "A look", rationale: "Why it works.", items })

describe("enforceGuarantees", () => {
  it("keeps a valid outfit as proposed, resolved from the index", () => {
    const result = enforceGuarantees([look(dressM, heels38, clutch)], constraints("size M, shoe size 38, under 6000"), index)
    expect(result.dropped).toEqual([])
    expect(result.outfits).toHaveLength(1)
    expect(result.outfits[0]).toMatchObject({ title: "A look", rationale: "Why it works.", total_minor: 189900 + 199900 + 129900, currency: "inr" })
    expect(result.outfits[0].items.map((i) => i.variant_id)).toEqual([dressM.variant_id, heels38.variant_id, clutch.variant_id])
  })

  it("drops variants that do not exist or belong to another product", () => {
    const result = enforceGuarantees([look(dressM, { variant_id: "variant_made_up" }, { variant_id: heels38.variant_id, product_id: "prod_other" })], constraints(""), index)
    expect(reasons(result)).toEqual(["unknown_variant", "product_mismatch"])
    expect(result.outfits[0].items).toHaveLength(1)
  })

  it("drops unpublished variants and variants with no price in the region", () => {
    const rows = seedRows("inr", (row) => {
      if (row.handle === "quilted-envelope-chain-clutch") return { ...row, published: false }
      if (row.handle === "teardrop-crystal-drop-earrings") return { ...row, price_minor: null }
      return row
    })
    const result = enforceGuarantees([look(dressM, clutch, earrings)], constraints(""), indexFrom(rows, "inr"))
    expect(reasons(result)).toEqual(["unpublished", "not_priced_in_region"])
  })

  it("drops a variant priced in another currency", () => {
    const rows = seedRows("inr", (row) => (row.handle === "teardrop-crystal-drop-earrings" ? { ...row, currency: "usd" } : row))
    expect(reasons(enforceGuarantees([look(dressM, earrings)], constraints(""), indexFrom(rows, "inr")))).toEqual(["not_priced_in_region"])
  })

  it("drops sold-out variants", () => {
    const soldOut = { variant_id: v("ruched-satin-bodycon-midi", "Emerald", "XS") }
    const result = enforceGuarantees([look(soldOut, heels38)], constraints(""), index)
    expect(reasons(result)).toEqual(["out_of_stock", "outfit_incomplete"])
    expect(result.outfits).toEqual([])
  })

  it("drops pieces in the wrong size, but not one-size accessories", () => {
    const result = enforceGuarantees([look(dressM, heels38, clutch)], constraints("size S, shoe size 39"), index)
    expect(result.dropped.map((d) => [d.item.variant_id, d.reason])).toEqual([
      [dressM.variant_id, "wrong_size"],
      [heels38.variant_id, "wrong_size"],
      [clutch.variant_id, "outfit_incomplete"],
    ])
  })

  it("drops pieces she excluded by colour, category, pattern, feature or word", () => {
    const black = { variant_id: v("ruched-satin-bodycon-midi", "Black", "M") }
    expect(reasons(enforceGuarantees([look(black)], constraints("no black"), index))).toContain("excluded_color")
    expect(reasons(enforceGuarantees([look(dressM, heels38)], constraints("without heels"), index))).toEqual(["excluded_category"])
    const floral = { variant_id: v("floral-puff-sleeve-a-line-dress", "Blush", "M") }
    expect(reasons(enforceGuarantees([look(floral)], constraints("avoid florals"), index))).toContain("excluded_pattern")
    expect(reasons(enforceGuarantees([look(dressM)], constraints("nothing sleeveless"), index))).toContain("excluded_feature")
    expect(reasons(enforceGuarantees([look(dressM)], constraints("no satin"), index))).toContain("excluded_feature")
    expect(reasons(enforceGuarantees([look(dressM)], constraints("", { avoid: ["ruched"] }), index))).toContain("excluded_word")
  })

  it("drops repeated products and pieces that cannot be worn together", () => {
    const sameDressOtherColour = { variant_id: v("ruched-satin-bodycon-midi", "Wine", "M") }
    const top = { variant_id: v("ribbed-baby-tee-crop-top", "Black", "M") }
    const result = enforceGuarantees([look(dressM, sameDressOtherColour, top, heels38)], constraints(""), index)
    expect(reasons(result)).toEqual(["duplicate", "role_clash"])
    expect(result.outfits[0].items.map((i) => i.role)).toEqual(["dress", "shoes"])
  })

  it("drops a repeated outfit", () => {
    const result = enforceGuarantees([look(dressM, heels38), look(heels38, dressM)], constraints(""), index)
    expect(result.outfits).toHaveLength(1)
    expect(reasons(result)).toEqual(["duplicate", "duplicate"])
  })

  it("gives up the priciest optional piece until the outfit is within budget", () => {
    // 1899 + 1999 + 1299 + 599 = 5796; under 4000 the heels (1999) go, leaving 3797.
    const result = enforceGuarantees([look(dressM, heels38, clutch, earrings)], constraints("under 4000"), index)
    expect(result.dropped.map((d) => [d.item.variant_id, d.reason])).toEqual([[heels38.variant_id, "over_budget"]])
    expect(result.outfits[0].total_minor).toBe(379700)
    expect(result.outfits[0].rationale).not.toContain("Why it works")
  })

  it("drops the outfit when its base alone is over budget", () => {
    // The dress alone is over ₹1,000; what is left (earrings) is no outfit.
    const alone = enforceGuarantees([look(dressM, earrings)], constraints("under 1000"), index)
    expect(alone.outfits).toEqual([])
    expect(reasons(alone)).toEqual(["over_budget", "outfit_incomplete"])
    // A ₹1,299 top and a ₹1,299 skirt each fit ₹2,000, together they do not.
    const top = { variant_id: v("sweetheart-satin-corset-top", "Black", "M") }
    const skirt = { variant_id: v("satin-bias-cut-midi-skirt", "Champagne", "M") }
    const together = enforceGuarantees([look(top, skirt, earrings)], constraints("under 2000"), index)
    expect(together.outfits).toEqual([])
    expect(reasons(together)).toEqual(["over_budget", "over_budget", "over_budget"])
  })

  it("drops an outfit that is left incomplete, and keeps accessories-only looks she asked for", () => {
    expect(enforceGuarantees([look(heels38, clutch)], constraints("party look"), index).outfits).toEqual([])
    expect(enforceGuarantees([look(heels38)], constraints("heels for a party"), index).outfits).toHaveLength(1)
  })

  it("rewrites words that name a product not in the outfit", () => {
    const proposed = { title: "Emerald evening", rationale: "The Ruched Satin Bodycon Midi Dress with the Sequin Evening Clutch.", items: [dressM] }
    const [outfit] = enforceGuarantees([proposed], constraints(""), index).outfits
    expect(outfit.title).toBe("Emerald evening")
    expect(outfit.rationale).not.toContain("Sequin Evening Clutch")
  })

  it("survives junk from a model", () => {
    const junk = [{ items: [null, { variant_id: 42 }, {}] }, { items: [] }, { title: null, items: [dressM] }] as unknown as ProposedOutfit[]
    const result = enforceGuarantees(junk, constraints(""), index)
    expect(result.outfits).toHaveLength(1)
    expect(reasons(result)).toEqual(["unknown_variant", "unknown_variant", "unknown_variant"])
  })
})
