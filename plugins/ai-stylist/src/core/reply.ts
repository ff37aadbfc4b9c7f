/**
 * What the offline stylist says, and the check every reply goes through (the
 * OpenAI engine's too): a reply may name only products that are in its outfits.
 * Alternatives are described by kind and price, never by name, since the answer's
 * outfits are all a reply may name.
 */
import { ShopperConstraints } from "./constraints"
import { Outfit } from "./guarantees"
import { formatMoney } from "./money"
import { Composition } from "./offline-engine"
import { pieceNoun } from "./outfit-words"
import { namesOtherProducts } from "./product-names"
import { listInWords } from "./text"

export type StylistReply = { reply: string; follow_ups: string[] }

const OCCASION_PHRASES: Record<string, string> = {
  "beach wedding": "a beach wedding", wedding: "a wedding", "wedding function": "a wedding function", "black-tie event": "a black-tie event",
  festive: "the festive season", cocktail: "cocktails", "night out": "a night out", party: "a party", office: "the office",
  beach: "the beach", vacation: "a holiday", casual: "every day",
}

export function occasionPhrase(occasion: string): string {
  return OCCASION_PHRASES[occasion] ?? occasion
}

const PLURAL_NOUNS = ["heels", "earrings", "jeans", "shorts", "trousers", "pants"]

/** "a black top", "an emerald dress", "gold earrings". */
export function aPiece(colour: string, noun: string): string {
  const phrase = `${colour.toLowerCase()} ${noun}`
  if (PLURAL_NOUNS.includes(noun)) return phrase
  return `${/^[aeiou]/.test(phrase) ? "an" : "a"} ${phrase}`
}

function requestInWords(c: ShopperConstraints): string {
  const parts: string[] = []
  if (c.occasion) parts.push(`for ${occasionPhrase(c.occasion)}`)
  if (c.budget_minor !== null) parts.push(`within ${formatMoney(c.budget_minor, c.currency)}`)
  const sizes = [c.size ? `size ${c.size}` : null, c.shoe_size ? `EU ${c.shoe_size} shoes` : null].filter(Boolean) as string[]
  if (sizes.length > 0) parts.push(`in ${listInWords(sizes)}`)
  const avoided = [...new Set(c.avoid.map((e) => e.said))]
  if (avoided.length > 0) parts.push(`with no ${listInWords(avoided, "or")}`)
  return parts.join(" ")
}

function outfitLine(outfit: Outfit, n: number): string {
  return `${n}. ${outfit.title}: ${listInWords(outfit.items.map((item) => item.title))} (${formatMoney(outfit.total_minor, outfit.currency)}).`
}

export function composeReply(composition: Composition, constraints: ShopperConstraints): StylistReply {
  const lines: string[] = []
  const asked = requestInWords(constraints)
  const follow_ups: string[] = []
  for (const note of constraints.notes) lines.push(note.message)

  if (composition.kind === "ok") {
    const n = composition.outfits.length
    lines.unshift(`Here ${n === 1 ? "is a look" : `are ${n} looks`}${asked ? ` ${asked}` : ""}, all in stock:`)
    composition.outfits.forEach((outfit, i) => lines.push(outfitLine(outfit, i + 1)))
    if (composition.unmet.includes("occasion")) lines.push(`Nothing here is made specifically for ${occasionPhrase(constraints.occasion ?? "")}, so these are the closest fits.`)
    if (composition.unmet.includes("colours")) lines.push(`I couldn't find ${listInWords(constraints.colors_wanted, "or")} within your other choices, so I went with colours that work together.`)
    for (const piece of composition.unmet.filter((u) => u !== "occasion" && u !== "colours")) lines.push(`There are no ${piece} that fit everything else you asked for, so I used other pieces.`)
    const shoeSizes = [...new Set(composition.outfits.flatMap((o) => o.items.filter((i) => i.size_kind === "shoe").map((i) => i.size)))]
    if (constraints.shoe_size === null && shoeSizes.length > 0) lines.push(`The shoes are shown in EU ${listInWords(shoeSizes, "or")}; tell me your shoe size and I'll match it.`)
  } else {
    const why: Record<string, string> = {
      budget_below_cheapest: `I can't put together a complete look${asked ? ` ${asked}` : ""}: even the least expensive one costs more.`,
      size_sold_out: `Sorry, everything that would suit you is sold out in ${constraints.size ? `size ${constraints.size}` : `EU ${constraints.shoe_size}`} right now.`,
      size_not_carried: `Sorry, we don't make ${constraints.size ? `size ${constraints.size}` : `EU ${constraints.shoe_size}`} in these pieces.`,
      nothing_matches: `I couldn't find anything${asked ? ` ${asked}` : ""} that's in stock right now.`,
    }
    lines.unshift(why[composition.kind])
    for (const alternative of composition.alternatives) {
      const pieces = alternative.outfits.length > 0
        ? alternative.outfits.map((o) => `${listInWords(o.items.map((i) => aPiece(i.color.name, pieceNoun(i))))} (${formatMoney(o.total_minor, o.currency)})`).join("; ")
        : listInWords(alternative.items.map((i) => `${aPiece(i.color.name, pieceNoun(i))} (${formatMoney(i.price_minor ?? 0, i.currency)})`))
      const sizes = alternative.relaxed === "size" ? [...new Set(alternative.outfits.flatMap((o) => o.items.filter((i) => i.size_kind === "letter").map((i) => i.size)))] : []
      lines.push(`Alternative: ${alternative.label}: ${pieces}${sizes.length > 0 ? `, in size ${listInWords(sizes, "or")}` : ""}.`)
    }
    if (composition.alternatives.length === 0) lines.push("Try removing one of your exclusions or asking for a different piece.")
  }

  if (constraints.budget_minor === null) follow_ups.push("What's your budget?")
  if (constraints.size === null) follow_ups.push("What size do you wear (XS to XXL)?")
  if (constraints.shoe_size === null && composition.outfits.some((o) => o.items.some((i) => i.size_kind === "shoe"))) follow_ups.push("What's your shoe size (EU 36 to 41)? The heels are shown in EU 38.")
  if (!constraints.occasion) follow_ups.push("What's the occasion?")
  if (composition.kind === "budget_below_cheapest") follow_ups.push("Could you stretch the budget a little?")
  if (composition.kind === "ok") follow_ups.push(`Show me more like look 1`, "Something in a different colour")
  return { reply: lines.join("\n"), follow_ups: follow_ups.slice(0, 4) }
}

/**
 * The reply with every sentence that names a product outside the outfits taken out.
 * `removed` lists the names found; an empty reply means nothing usable was left and
 * the caller should fall back to the offline reply.
 */
export function replyNamesOnly(reply: string, outfits: Outfit[], allTitles: string[]): { reply: string; removed: string[]; ok: boolean } {
  const own = outfits.flatMap((o) => o.items.map((i) => i.title))
  const removed = new Set<string>()
  // Sentences end at . ! ? or a line break; a product title never contains them.
  const sentences = reply.match(/[^.!?\n]+[.!?]*\s*|\n/g) ?? []
  const kept = sentences.filter((sentence) => {
    const strangers = namesOtherProducts(sentence, own, allTitles)
    strangers.forEach((title) => removed.add(title))
    return strangers.length === 0
  })
  const cleaned = kept.join("").replace(/\n{3,}/g, "\n\n").trim()
  return { reply: cleaned, removed: [...removed], ok: removed.size === 0 }
}

/** The model's suggested next questions, without any that name a product outside the outfits. */
export function followUpsNamingOnly(followUps: string[], outfits: Outfit[], allTitles: string[], max = 4): string[] {
  const own = outfits.flatMap((o) => o.items.map((i) => i.title))
  return followUps.filter((followUp) => namesOtherProducts(followUp, own, allTitles).length === 0).slice(0, max)
}
