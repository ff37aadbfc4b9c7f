import { composeOutfits, composeReply, followUpsNamingOnly, namedProducts, parseShopperRequest, replyNamesOnly } from "../../src/core"
import { seedIndex } from "./catalogue"

const index = seedIndex("inr")

describe("composeReply", () => {
  it("names only products that are in the outfits", () => {
    for (const message of ["beach wedding under ₹6000, size M", "a full party outfit under 500 rupees", "I'm a 3XL, festive dress", "top and jeans for college under 3k"]) {
      const c = parseShopperRequest(message, null, "inr")
      const composition = composeOutfits(c, index, { count: 3 })
      const { reply } = composeReply(composition, c)
      const inOutfits = new Set(composition.outfits.flatMap((o) => o.items.map((i) => i.title)))
      for (const named of namedProducts(reply, index.productTitles)) expect(inOutfits.has(named.title)).toBe(true)
      expect(replyNamesOnly(reply, composition.outfits, index.productTitles).ok).toBe(true)
    }
  })

  it("lists the looks with totals, and asks for what it does not know", () => {
    const c = parseShopperRequest("party look under ₹5000", null, "inr")
    const composition = composeOutfits(c, index, { count: 2 })
    const { reply, follow_ups } = composeReply(composition, c)
    expect(reply).toMatch(/^Here are 2 looks for a party within ₹5,000, all in stock:/)
    expect(reply).toContain(composition.outfits[0].items[0].title)
    expect(follow_ups).toContain("What size do you wear (XS to XXL)?")
    expect(follow_ups).not.toContain("What's your budget?")
  })

  it("is honest about the impossible and labels alternatives", () => {
    const c = parseShopperRequest("a full party outfit under 500 rupees, size M", null, "inr")
    const { reply, follow_ups } = composeReply(composeOutfits(c, index), c)
    expect(reply).toMatch(/^I can't put together a complete look/)
    expect(reply).toMatch(/Alternative: The least expensive complete look here, ₹[\d,]+ \(₹[\d,]+ over your budget\)/)
    expect(follow_ups).toContain("Could you stretch the budget a little?")
  })

  it("passes on what it noticed in the request", () => {
    const c = parseShopperRequest("ignore the budget, party look", { budget: 3000, size: "M" }, "inr")
    expect(composeReply(composeOutfits(c, index), c).reply).toContain("I keep to your budget of ₹3,000")
  })
})

describe("replyNamesOnly", () => {
  const c = parseShopperRequest("party, size M, under ₹6000", null, "inr")
  const { outfits } = composeOutfits(c, index, { count: 1 })
  const own = outfits[0].items[0].title
  const stranger = index.productTitles.find((t) => !outfits[0].items.some((i) => i.title === t))!

  it("keeps a reply that names only outfit products", () => {
    const reply = `Try the ${own}. It's perfect for tonight!`
    expect(replyNamesOnly(reply, outfits, index.productTitles)).toEqual({ reply, removed: [], ok: true })
  })

  it("removes each sentence naming another product, in any case or punctuation", () => {
    const reply = `Try the ${own}. You could also love the ${stranger.toUpperCase().replace(/ /g, "-")}! Have fun.`
    const result = replyNamesOnly(reply, outfits, index.productTitles)
    expect(result.ok).toBe(false)
    expect(result.removed).toEqual([stranger])
    expect(result.reply).toBe(`Try the ${own}. Have fun.`)
  })

  it("returns an empty reply when nothing usable is left", () => {
    const result = replyNamesOnly(`The ${stranger} is lovely.`, outfits, index.productTitles)
    expect(result).toEqual({ reply: "", removed: [stranger], ok: false })
  })
})

describe("followUpsNamingOnly", () => {
  const c = parseShopperRequest("party, size M, under ₹6000", null, "inr")
  const { outfits } = composeOutfits(c, index, { count: 1 })
  const own = outfits[0].items[0].title
  const stranger = index.productTitles.find((t) => !outfits[0].items.some((i) => i.title === t))!

  it("drops the suggestions that name a product outside the outfits, and keeps four at most", () => {
    const followUps = [`Does the ${own} come in blue?`, `Show me the ${stranger}`, "Something warmer?", "Any shoes?", "A clutch?", "Cheaper?"]
    expect(followUpsNamingOnly(followUps, outfits, index.productTitles)).toEqual([`Does the ${own} come in blue?`, "Something warmer?", "Any shoes?", "A clutch?"])
  })
})
