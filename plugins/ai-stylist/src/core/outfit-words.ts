/**
 * The words an outfit is presented with: a short title and a plain rationale (why
 * these pieces, why these colours, what it costs against her budget). They only
 * ever name the outfit's own pieces.
 */
import { Role, StylistItem } from "./catalog"
import { describeHarmony, pairHarmony } from "./colour-harmony"
import { ShopperConstraints } from "./constraints"
import { formatMoney } from "./money"
import { capitalize, listInWords } from "./text"

const OCCASION_WORDS: Record<string, string> = {
  casual: "every day", party: "a party", "date-night": "date night", "wedding-guest": "a wedding", festive: "the festive season",
  beach: "the beach", vacation: "a holiday", brunch: "brunch", office: "the office", cocktail: "cocktails", "night-out": "a night out", college: "college",
}

export function occasionWords(occasion: string): string {
  return OCCASION_WORDS[occasion] ?? occasion.replace(/-/g, " ")
}

/** "dress", "top", "jeans", "co-ord", "heels": what to call a piece in a sentence. */
export function pieceNoun(item: Pick<StylistItem, "role" | "product_type" | "title" | "words">): string {
  const byRole: Partial<Record<Role, string>> = { dress: "dress", top: "top", coord: "co-ord", shoes: "heels", bag: "clutch", jewellery: "earrings" }
  if (item.role === "bottom") {
    const title = item.title.toLowerCase()
    for (const noun of ["jeans", "shorts", "skirt", "trousers", "pants"]) if (title.includes(noun)) return noun
    return item.product_type.toLowerCase() === "skirt" ? "skirt" : "trousers"
  }
  return byRole[item.role] ?? item.product_type.toLowerCase()
}

const BASE_ROLES: Role[] = ["dress", "coord", "top", "bottom"]

/** The occasion the outfit is for: hers when every base piece is made for it, else the one its base pieces share. */
export function outfitOccasion(items: StylistItem[], constraints: Pick<ShopperConstraints, "occasions">): string | null {
  const base = items.filter((item) => BASE_ROLES.includes(item.role))
  const pieces = base.length > 0 ? base : items
  const shared = (occasion: string) => pieces.every((item) => item.occasions.includes(occasion))
  return constraints.occasions.find(shared) ?? pieces[0]?.occasions.find(shared) ?? null
}

export function outfitTitle(items: StylistItem[], constraints: Pick<ShopperConstraints, "occasions">): string {
  const base = items.filter((item) => BASE_ROLES.includes(item.role))
  const lead = (base.length > 0 ? base : items).map((item) => `${item.color.name.toLowerCase()} ${pieceNoun(item)}`)
  const occasion = outfitOccasion(items, constraints)
  return `${capitalize(listInWords(lead))}${occasion ? ` for ${occasionWords(occasion)}` : ""}`
}

export function outfitRationale(items: StylistItem[], constraints: ShopperConstraints): string {
  const sentences: string[] = []
  const occasion = outfitOccasion(items, constraints)
  const base = items.filter((item) => BASE_ROLES.includes(item.role))
  const extras = items.filter((item) => !BASE_ROLES.includes(item.role))
  const lead = base.length > 0 ? base : items
  if (occasion) sentences.push(`${capitalize(listInWords(lead.map((i) => `the ${pieceNoun(i)}`)))} ${lead.length > 1 ? "are" : "is"} made for ${occasionWords(occasion)}.`)
  if (lead.length >= 2) {
    const words = describeHarmony(pairHarmony(lead[0].color, lead[1].color))
    sentences.push(words ? `${lead[0].color.name} and ${lead[1].color.name} are ${words}.` : `${lead[0].color.name} and ${lead[1].color.name} keep it easy to wear.`)
  }
  if (extras.length > 0) {
    sentences.push(`${capitalize(listInWords(extras.map((i) => `${i.color.name.toLowerCase()} ${pieceNoun(i)}`)))} finish the look without competing with it.`)
  }
  const total = items.reduce((sum, item) => sum + (item.price_minor ?? 0), 0)
  const currency = constraints.currency
  sentences.push(constraints.budget_minor !== null ? `Together ${formatMoney(total, currency)}, within your ${formatMoney(constraints.budget_minor, currency)}.` : `Together ${formatMoney(total, currency)}.`)
  const sizes = [...new Set(items.filter((i) => i.size_kind === "letter" || i.size_kind === "shoe").map((i) => (i.size_kind === "shoe" ? `EU ${i.size}` : i.size)))]
  if (sizes.length > 0 && (constraints.size || constraints.shoe_size)) sentences.push(`All in stock in ${listInWords(sizes)}.`)
  return sentences.join(" ")
}
