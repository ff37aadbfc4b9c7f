/**
 * Checks a stylist answer against the store as the Store API shows it, independently of
 * the plugin's code: every item is a real, published product variant of the region,
 * priced as the product page prices it, in stock, in her size, not excluded; every outfit
 * total is the sum of its prices and within her budget; the reply names no product that
 * is not in the outfits.
 */
import { api } from "./api"

export type StylistItem = { product_id: string; variant_id: string; handle: string; title: string; category: string; size: string; color: string; unit_price: number; currency: string; thumbnail: string | null }
export type StylistOutfit = { title: string; rationale: string; items: StylistItem[]; total: number; currency: string }
export type StylistAnswer = { session_id: string; engine: "openai" | "offline"; reply: string; outfits: StylistOutfit[]; follow_ups: string[]; alternatives: { label: string; outfits: StylistOutfit[]; items: StylistItem[] }[]; notes: string[] }

export type Expectations = { currency: "inr" | "usd"; budget?: number; size?: string; shoe_size?: string; avoid_colors?: RegExp; avoid_titles?: RegExp }

type Region = { id: string; currency_code: string; includes_tax: boolean }
type StoreVariant = { id: string; inventory_quantity: number; manage_inventory: boolean; allow_backorder: boolean; calculated_price: number | null; calculated_price_incl_tax?: number | null; options: { value: string; option_id: string }[] }
type StoreProduct = { id: string; title: string; status?: string; options: { id: string; title: string }[]; variants: StoreVariant[] }

const regions = new Map<string, Region>()
const products = new Map<string, StoreProduct | null>()
let allTitles: string[] | null = null

export async function region(currency: "inr" | "usd"): Promise<Region> {
  if (!regions.has(currency)) {
    const res = await api("GET", "/store/regions")
    for (const r of res.body.regions) regions.set(r.currency_code, r)
  }
  return regions.get(currency)!
}

async function storeProduct(id: string, regionId: string): Promise<StoreProduct | null> {
  const key = `${id}|${regionId}`
  if (!products.has(key)) {
    const res = await api("GET", `/store/products/${id}?region_id=${regionId}`)
    products.set(key, res.status === 200 ? res.body.product : null)
  }
  return products.get(key)!
}

/** Every published product title in the store: what a reply may not name unless it is shown. */
async function catalogueTitles(): Promise<string[]> {
  if (!allTitles) {
    const titles: string[] = []
    for (let offset = 0; ; offset += 100) {
      const res = await api("GET", `/store/products?limit=100&offset=${offset}&fields=title`)
      titles.push(...res.body.products.map((p: { title: string }) => p.title))
      if (offset + 100 >= res.body.count) break
    }
    allTitles = titles
  }
  return allTitles
}

/** Product data changes in a test (stock set to zero): forget what was read. */
export function forgetStoreProducts(): void {
  products.clear()
}

const optionValue = (product: StoreProduct, variant: StoreVariant, titles: string[]) => {
  const option = product.options.find((o) => titles.includes(o.title.toLowerCase()))
  return variant.options.find((v) => v.option_id === option?.id)?.value ?? null
}

/** Every broken guarantee in the answer, in words; an empty list means it holds. */
export async function guaranteeViolations(answer: StylistAnswer, expect: Expectations): Promise<string[]> {
  const problems: string[] = []
  const r = await region(expect.currency)
  for (const [n, outfit] of answer.outfits.entries()) {
    const where = `outfit ${n + 1}`
    if (outfit.items.length === 0) problems.push(`${where} is empty`)
    let sum = 0
    for (const item of outfit.items) {
      const product = await storeProduct(item.product_id, r.id)
      const variant = product?.variants.find((v) => v.id === item.variant_id)
      if (!product || !variant) {
        problems.push(`${where}: ${item.variant_id} (${item.title}) is not a published variant of ${item.product_id}`)
        continue
      }
      const price = r.includes_tax ? variant.calculated_price_incl_tax ?? variant.calculated_price : variant.calculated_price
      if (price === null || price === undefined) problems.push(`${where}: ${item.title} has no price in ${expect.currency}`)
      else if (Math.round(item.unit_price * 100) !== price) problems.push(`${where}: ${item.title} is ${item.unit_price} in the answer but ${price / 100} in the store`)
      if (item.currency !== expect.currency) problems.push(`${where}: ${item.title} is in ${item.currency}`)
      if (variant.manage_inventory && !variant.allow_backorder && variant.inventory_quantity <= 0) problems.push(`${where}: ${item.title} ${item.size} is out of stock`)
      const size = optionValue(product, variant, ["size"])
      if (size !== item.size) problems.push(`${where}: ${item.title} says size ${item.size} but the variant is ${size}`)
      const isShoe = /^\d{2}(\.5)?$/.test(size ?? "")
      if (expect.size && size && !isShoe && !/^one ?size$/i.test(size) && size !== expect.size) problems.push(`${where}: ${item.title} is size ${size}, not ${expect.size}`)
      if (expect.shoe_size && isShoe && size !== expect.shoe_size) problems.push(`${where}: ${item.title} is EU ${size}, not ${expect.shoe_size}`)
      const colour = optionValue(product, variant, ["colour", "color"]) ?? ""
      if (expect.avoid_colors?.test(colour)) problems.push(`${where}: ${item.title} is ${colour}, which she excluded`)
      if (expect.avoid_titles?.test(product.title)) problems.push(`${where}: ${product.title} is a kind of piece she excluded`)
      sum += item.unit_price
    }
    if (Math.abs(sum - outfit.total) > 0.001) problems.push(`${where}: total ${outfit.total} is not the sum of its prices (${sum})`)
    if (expect.budget !== undefined && outfit.total > expect.budget) problems.push(`${where}: total ${outfit.total} is over the budget ${expect.budget}`)
  }
  const shown = new Set(answer.outfits.flatMap((o) => o.items.map((i) => i.title.toLowerCase())))
  for (const title of await catalogueTitles()) {
    const partOfShown = [...shown].some((t) => t.includes(title.toLowerCase()))
    if (!shown.has(title.toLowerCase()) && !partOfShown && answer.reply.toLowerCase().includes(title.toLowerCase())) problems.push(`the reply names ${title}, which is not in the outfits`)
  }
  return problems
}
