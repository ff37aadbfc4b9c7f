/**
 * The stylist bench's requests (bench/stylist-eval/requests.json) run through the
 * offline engine: every outfit must pass the guarantees untouched. A guard for the
 * bench file's shape too, so a broken request is caught before a bench run.
 */
import fs from "fs"
import path from "path"
import { composeOutfits, composeReply, enforceGuarantees, namedProducts, parseShopperRequest, ShopperContext } from "../../src/core"
import { seedIndex } from "./catalogue"

type BenchRequest = { id: string; region: "in" | "us"; message: string; context?: ShopperContext }
const file = path.resolve(__dirname, "..", "..", "..", "..", "bench", "stylist-eval", "requests.json")
const requests: BenchRequest[] = JSON.parse(fs.readFileSync(file, "utf8"))

describe("bench/stylist-eval/requests.json", () => {
  it("has at least 36 distinct requests in both regions", () => {
    expect(requests.length).toBeGreaterThanOrEqual(36)
    expect(new Set(requests.map((r) => r.id)).size).toBe(requests.length)
    expect(requests.some((r) => r.region === "in")).toBe(true)
    expect(requests.some((r) => r.region === "us")).toBe(true)
  })

  it.each(requests.map((r) => [r.id, r] as const))("%s: outfits pass the guarantees and the reply names only them", (_id, request) => {
    const currency = request.region === "in" ? "inr" : "usd"
    const index = seedIndex(currency)
    const c = parseShopperRequest(request.message, request.context ?? null, currency)
    // Latency is the bench's job (bench/stylist-eval), never a test's.
    const composition = composeOutfits(c, index, { count: 3 })
    const { reply } = composeReply(composition, c)
    expect(enforceGuarantees(composition.outfits, c, index).dropped).toEqual([])
    const allowed = new Set(composition.outfits.flatMap((o) => o.items.map((i) => i.title)))
    for (const named of namedProducts(reply, index.productTitles)) expect(allowed.has(named.title)).toBe(true)
    if (composition.kind !== "ok") expect(composition.outfits).toEqual([])
  })

  it("covers at least 90% of the requests the catalogue can answer", () => {
    const impossible = new Set(["in-impossible-budget-500", "in-impossible-3xl", "in-impossible-all-excluded", "us-impossible-budget-10", "us-impossible-size-42-heels"])
    const answerable = requests.filter((r) => !impossible.has(r.id))
    const covered = answerable.filter((r) => {
      const currency = r.region === "in" ? "inr" : "usd"
      return composeOutfits(parseShopperRequest(r.message, r.context ?? null, currency), seedIndex(currency)).kind === "ok"
    })
    const uncovered = answerable.filter((r) => !covered.includes(r)).map((r) => r.id)
    expect({ ratio: covered.length / answerable.length >= 0.9, uncovered }).toEqual({ ratio: true, uncovered })
    for (const id of impossible) {
      const r = requests.find((x) => x.id === id)!
      const currency = r.region === "in" ? "inr" : "usd"
      expect(composeOutfits(parseShopperRequest(r.message, r.context ?? null, currency), seedIndex(currency)).kind).not.toBe("ok")
    }
  })
})
