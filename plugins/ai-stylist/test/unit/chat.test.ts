/**
 * The chat around the engines: the request body's check, what carries from one message to
 * the next, the answer's shape and units, the feedback a model gets, and complete-the-look.
 */
import {
  answerOutfit,
  completeTheLook,
  continueConstraints,
  enforceGuarantees,
  guaranteeFeedback,
  parseShopperRequest,
  productsShown,
  validateChatRequest,
  wantsDifferentLooks,
} from "../../src/core"
import { seedIndex, variantId } from "./catalogue"

const inr = seedIndex("inr")

describe("validateChatRequest", () => {
  it("accepts the documented body and trims the message", () => {
    const result = validateChatRequest({ message: "  party dress  ", region_id: "reg_1", context: { budget: 2000, size: "M", colors: ["red"], avoid: ["black"] } })
    expect(result).toEqual({ ok: true, value: { session_id: null, message: "party dress", region_id: "reg_1", context: { budget: 2000, size: "M", colors: ["red"], avoid: ["black"] } } })
  })

  it.each([
    [{ region_id: "reg_1" }, "message"],
    [{ message: "hi" }, "region_id"],
    [{ message: "", region_id: "reg_1" }, "message"],
    [{ message: "x".repeat(1001), region_id: "reg_1" }, "message"],
    [{ message: "hi", region_id: "reg_1", context: { budget: "2000" } }, "context.budget"],
    [{ message: "hi", region_id: "reg_1", context: { budget: -5 } }, "context.budget"],
    [{ message: "hi", region_id: "reg_1", context: { colors: "red" } }, "context.colors"],
    [{ message: "hi", region_id: "reg_1", context: { mood: "happy" } }, "context.mood"],
    [{ message: "hi", region_id: "reg_1", budget: 100 }, "budget"],
  ])("refuses %j naming %s", (body, field) => {
    const result = validateChatRequest(body)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.field)).toContain(field)
  })
})

describe("continueConstraints", () => {
  const first = parseShopperRequest("beach wedding under 3000 rupees, size M, no black, something in blue", null, "inr")

  it("keeps budget, size, occasion, colours and exclusions the new message leaves unsaid", () => {
    const next = continueConstraints(first, parseShopperRequest("show me more", null, "inr"), { more: true })
    expect(next).toMatchObject({ budget_minor: 300000, size: "M", occasion: "beach wedding", colors_wanted: ["blue"] })
    expect(next.avoid.map((a) => a.value)).toContain("black")
  })

  it("lets a new message change what it states, and adds exclusions without dropping old ones", () => {
    const next = continueConstraints(first, parseShopperRequest("actually under 5000, size L, no florals", null, "inr"), { more: false })
    expect(next).toMatchObject({ budget_minor: 500000, size: "L" })
    expect(next.avoid.map((a) => a.value)).toEqual(expect.arrayContaining(["black", "floral"]))
  })

  it("does not carry a budget across currencies", () => {
    expect(continueConstraints(first, parseShopperRequest("a dress", null, "usd"), { more: false }).budget_minor).toBeNull()
  })

  it("knows a request for different looks", () => {
    expect(wantsDifferentLooks("show me something different")).toBe(true)
    expect(wantsDifferentLooks("any other options?")).toBe(true)
    expect(wantsDifferentLooks("a red dress for a party")).toBe(false)
  })
})

describe("the answer's shape", () => {
  it("gives prices in major units, and the outfit's total as their sum", () => {
    const dress = inr.byVariant.get(variantId("ruched-satin-bodycon-midi", "Emerald", "M"))!
    const { outfits } = enforceGuarantees([{ items: [{ variant_id: dress.variant_id }] }], parseShopperRequest("", null, "inr"), inr)
    const outfit = answerOutfit(outfits[0])
    expect(outfit.items[0]).toMatchObject({ product_id: dress.product_id, variant_id: dress.variant_id, size: "M", color: "Emerald", currency: "inr", unit_price: dress.price_minor! / 100 })
    expect(outfit.total).toBe(dress.price_minor! / 100)
    expect(productsShown([outfit, outfit])).toEqual([dress.product_id])
  })

  it("tells the model each dropped piece and why", () => {
    const c = parseShopperRequest("size M", null, "inr")
    const { dropped } = enforceGuarantees([{ items: [{ variant_id: "variant_made_up" }, { variant_id: variantId("ruched-satin-bodycon-midi", "Emerald", "L") }] }], c, inr)
    const text = guaranteeFeedback(dropped)
    expect(text).toMatch(/variant_made_up\): unknown variant/)
    expect(text).toMatch(/wrong size/)
  })
})

describe("completeTheLook", () => {
  const none = parseShopperRequest("", null, "inr")

  it("builds looks around a dress that hold the dress, add shoes or accessories, and pass the guarantees", () => {
    const dress = inr.byVariant.get(variantId("ruched-satin-bodycon-midi", "Emerald", "M"))!
    const looks = completeTheLook(dress, inr, none, { count: 2 })
    expect(looks.length).toBe(2)
    for (const look of looks) {
      expect(look.items[0].variant_id).toBe(dress.variant_id)
      expect(look.items.length).toBeGreaterThan(1)
      expect(enforceGuarantees([{ items: look.items.map((i) => ({ variant_id: i.variant_id })) }], none, inr).dropped).toEqual([])
    }
    expect(looks[0].items.slice(1).map((i) => i.product_id)).not.toEqual(looks[1].items.slice(1).map((i) => i.product_id))
  })

  it("gives a top a bottom, in the top's size when she gave none", () => {
    const top = inr.items.find((i) => i.role === "top" && i.size === "S" && i.in_stock)!
    const [look] = completeTheLook(top, inr, none)
    expect(look.items.some((i) => i.role === "bottom" && i.size === "S")).toBe(true)
  })

  it("keeps to a budget and offers nothing around a piece she cannot have", () => {
    const dress = inr.byVariant.get(variantId("ruched-satin-bodycon-midi", "Emerald", "M"))!
    const tight = parseShopperRequest(`under ${dress.price_minor! / 100 + 700} rupees`, null, "inr")
    for (const look of completeTheLook(dress, inr, tight)) expect(look.total_minor).toBeLessThanOrEqual(tight.budget_minor!)
    const soldOut = inr.byVariant.get(variantId("cowl-neck-satin-slip-dress", "Champagne", "M"))!
    expect(completeTheLook(soldOut, inr, none)).toEqual([])
  })
})

describe("bench findings", () => {
  const { composeOutfits } = require("../../src/core") as typeof import("../../src/core")
  const usd = seedIndex("usd")

  it("heels named with their size are a piece she wants, not only a size", () => {
    const c = parseShopperRequest("heels in UK 5 and a clutch for a cocktail party, under 4k", null, "inr")
    expect(c.shoe_size).toBe("38")
    expect(c.categories_wanted.map((w) => w.role).sort()).toEqual(["bag", "shoes"])
    const { outfits } = composeOutfits(c, inr, { count: 3 })
    expect(outfits.length).toBeGreaterThan(0)
    for (const outfit of outfits) expect(outfit.items.map((i) => i.role).sort()).toEqual(expect.arrayContaining(["bag", "shoes"]))
    // No look repeats another's lead piece, even when the looks are accessories alone.
    const leads = outfits.map((o) => o.items.map((i) => i.product_id).sort().join("|"))
    expect(new Set(outfits.flatMap((o) => o.items.filter((i) => i.role === "shoes").map((i) => i.product_id))).size).toBe(outfits.length)
    expect(new Set(leads).size).toBe(leads.length)
    expect(parseShopperRequest("my shoe size is 38", null, "inr").categories_wanted).toEqual([])
  })

  it("a shoe size the store does not make is answered with the nearest one it does", () => {
    const c = parseShopperRequest("I need heels in size 43", null, "usd")
    const composition = composeOutfits(c, usd, { count: 3 })
    expect(composition.kind).toBe("size_not_carried")
    const offered = composition.alternatives.flatMap((a) => a.outfits.flatMap((o) => o.items)).filter((i) => i.size_kind === "shoe")
    expect(offered.length).toBeGreaterThan(0)
    for (const item of offered) expect(item.size).toBe("41")
  })

  it("a budget in another currency leaves looks to their essential pieces until she restates it", () => {
    const c = parseShopperRequest("a dress under 2000 rupees", null, "usd")
    expect(c.budget_minor).toBeNull()
    const { outfits } = composeOutfits(c, usd, { count: 3 })
    expect(outfits.length).toBeGreaterThan(0)
    for (const outfit of outfits) expect(outfit.items.every((i) => i.role === "dress")).toBe(true)
  })
})

describe("clientAddress", () => {
  const { clientAddress, isPrivateAddress } = require("../../src/core") as typeof import("../../src/core")

  it("believes x-forwarded-for only from our own hops (loopback, private networks)", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.7, 10.0.0.2")).toBe("203.0.113.7")
    // Entries left of our hops' were written by the sender: a forged one is passed over.
    expect(clientAddress("10.0.0.5", "1.1.1.1, 198.51.100.20")).toBe("198.51.100.20")
    expect(clientAddress("::ffff:172.18.0.5", "198.51.100.4")).toBe("198.51.100.4")
    expect(clientAddress("203.0.113.9", "1.2.3.4")).toBe("203.0.113.9")
    expect(clientAddress("127.0.0.1", undefined)).toBe("127.0.0.1")
    expect(clientAddress("127.0.0.1", "not an address")).toBe("127.0.0.1")
    expect(clientAddress(undefined, "1.2.3.4")).toBe("unknown")
  })

  it("tells our own traffic (through our proxy or not) from a shopper's", () => {
    const { publicClientAddress } = require("@fashion/plugin-kit/client-address") as typeof import("@fashion/plugin-kit/client-address")
    expect(publicClientAddress("127.0.0.1", undefined)).toBeNull()
    expect(publicClientAddress("172.18.0.4", "172.18.0.7")).toBeNull()
    expect(publicClientAddress("172.18.0.4", "172.18.0.7, 203.0.113.5")).toBe("203.0.113.5")
    expect(publicClientAddress("203.0.113.9", undefined)).toBe("203.0.113.9")
  })

  it("knows private addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "172.31.255.255", "::1", "fd12:3456::1", "fe80::1"]) expect(isPrivateAddress(a)).toBe(true)
    for (const a of ["8.8.8.8", "172.32.0.1", "2001:db8::1", "203.0.113.1"]) expect(isPrivateAddress(a)).toBe(false)
  })
})
