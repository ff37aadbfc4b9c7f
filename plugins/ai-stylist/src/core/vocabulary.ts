/**
 * The shopper's words mapped onto the catalogue's: occasions onto metadata.occasion,
 * garments onto outfit roles, prints onto metadata.pattern, details onto features.
 * Longer phrases come first in every table so "beach wedding" wins over "beach".
 */
import { Role } from "./catalog"

/** The catalogue's occasion vocabulary (data/catalog/validate.js). */
export const CATALOGUE_OCCASIONS = [
  "casual", "party", "date-night", "wedding-guest", "festive", "beach", "vacation", "brunch", "office", "cocktail", "night-out", "college",
] as const

export type OccasionPhrase = { phrase: RegExp; occasion: string; occasions: string[] }

/** What she says, what we call it, and the catalogue occasions that fit, best first. */
export const OCCASION_PHRASES: OccasionPhrase[] = [
  { phrase: /\b(beach|destination|goa|seaside) wedding\b/, occasion: "beach wedding", occasions: ["wedding-guest", "beach", "vacation", "cocktail"] },
  { phrase: /\b(black[- ]tie|gala|formal dinner)\b/, occasion: "black-tie event", occasions: ["cocktail", "wedding-guest", "party"] },
  { phrase: /\b(mehe?ndi|sangeet|haldi)\b/, occasion: "wedding function", occasions: ["festive", "wedding-guest"] },
  { phrase: /\b(wedding|shaadi|reception|engagement|bridal shower|roka)\b/, occasion: "wedding", occasions: ["wedding-guest", "festive", "cocktail"] },
  { phrase: /\b(diwali|navratri|garba|eid|pooja|puja|karva chauth|rakhi|raksha bandhan|holi|onam|pongal|durga puja|festive|festival|christmas)\b/, occasion: "festive", occasions: ["festive", "party"] },
  { phrase: /\b(date night|date-night|dinner date|first date|a date|on a date|anniversary|valentine'?s?)\b/, occasion: "date night", occasions: ["date-night", "cocktail"] },
  { phrase: /\b(cocktails?|cocktail party|evening do|soiree)\b/, occasion: "cocktail", occasions: ["cocktail", "party"] },
  { phrase: /\b(night out|nights out|clubbing|club|concert|gig|new year'?s?( eve)?|nye|bachelorette|hen do)\b/, occasion: "night out", occasions: ["night-out", "party"] },
  { phrase: /\b(pool ?side|pool party|beach party)\b/, occasion: "beach", occasions: ["beach", "vacation", "party"] },
  { phrase: /\b(birthday|party|parties|celebration)\b/, occasion: "party", occasions: ["party", "night-out", "cocktail"] },
  { phrase: /\b(office|work|workwear|meeting|interview|presentation|conference|business casual|client)\b/, occasion: "office", occasions: ["office"] },
  { phrase: /\b(brunch|lunch|coffee|cafe|tea party|baby shower)\b/, occasion: "brunch", occasions: ["brunch", "casual"] },
  { phrase: /\b(beach|pool ?side|pool party|seaside)\b/, occasion: "beach", occasions: ["beach", "vacation"] },
  { phrase: /\b(vacation|holiday|holidays|trip|travel|travelling|traveling|resort|getaway|goa|bali|maldives)\b/, occasion: "vacation", occasions: ["vacation", "beach", "brunch"] },
  { phrase: /\b(college|campus|class|classes|uni|university|school)\b/, occasion: "college", occasions: ["college", "casual"] },
  { phrase: /\b(casual|everyday|every day|weekend|errands|day out|shopping|movie|movies|hangout|hang out)\b/, occasion: "casual", occasions: ["casual", "brunch"] },
]

/** A garment word and the role it asks for; `words` narrows the role ("jeans" is a bottom that says jeans). */
export type PieceTerm = { term: string; role: Role; words: string[] | null }

const PIECE_PHRASES: [RegExp, PieceTerm][] = [
  [/\b(co-?ords?|co ords?|coord sets?|co-ord sets?|matching sets?|two[- ]piece( sets?)?)\b/, { term: "co-ord", role: "coord", words: null }],
  [/\b(crop ?tops?|cropped tops?)\b/, { term: "crop top", role: "top", words: ["crop"] }],
  [/\b(corsets?|bustiers?)\b/, { term: "corset", role: "top", words: ["corset"] }],
  [/\b(shirts?|blouses?)\b/, { term: "shirt", role: "top", words: ["shirt"] }],
  [/\b(tees?|t-?shirts?)\b/, { term: "tee", role: "top", words: ["tee"] }],
  [/\b(tops?|camis?|tube tops?|bandeaus?)\b/, { term: "top", role: "top", words: null }],
  [/\b(dress|dresses|gowns?|frocks?)\b/, { term: "dress", role: "dress", words: null }],
  [/\b(jeans|denims)\b/, { term: "jeans", role: "bottom", words: ["jean"] }],
  [/\b(skirts?)\b/, { term: "skirt", role: "bottom", words: ["skirt"] }],
  [/\b(shorts)\b/, { term: "shorts", role: "bottom", words: ["short"] }],
  [/\b(trousers?|pants|palazzos?|cargos?|slacks)\b/, { term: "trousers", role: "bottom", words: ["trouser", "pant", "palazzo", "cargo"] }],
  [/\b(bottoms?)\b/, { term: "bottoms", role: "bottom", words: null }],
  [/\b(heels?|stilettos?|pumps|shoes?|footwear|sandals?)\b/, { term: "heels", role: "shoes", words: null }],
  [/\b(clutch(es)?|bags?|purses?|handbags?)\b/, { term: "clutch", role: "bag", words: null }],
  [/\b(earrings?|jhumkas?|jewellery|jewelry|accessories)\b/, { term: "earrings", role: "jewellery", words: null }],
]

export function pieceTerms(text: string): { piece: PieceTerm; index: number; length: number }[] {
  const found: { piece: PieceTerm; index: number; length: number }[] = []
  let rest = text
  for (const [phrase, piece] of PIECE_PHRASES) {
    const global = new RegExp(phrase.source, "g")
    let match: RegExpExecArray | null
    while ((match = global.exec(rest))) {
      found.push({ piece, index: match.index, length: match[0].length })
      // Blank what matched so "crop tops" is not also read as "tops".
      rest = rest.slice(0, match.index) + " ".repeat(match[0].length) + rest.slice(match.index + match[0].length)
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/** Prints as metadata.pattern names them; "prints" alone means any pattern that is not solid. */
const PATTERN_PHRASES: [RegExp, string][] = [
  [/\b(animal[- ]?prints?|leopard|snake[- ]?prints?|snakeskin|croc|zebra|cheetah)\b/, "animal"],
  [/\b(florals?|flowers?|flowery|floral prints?)\b/, "floral"],
  [/\b(stripes?|striped|stripy|pinstripes?)\b/, "striped"],
  [/\b(polka( dots?)?|dots|dotted|spotty|spots)\b/, "polka"],
  [/\b(checks?|checked|checkered|plaid|gingham|tartan)\b/, "checked"],
  [/\b(sequins?|sequinned|sequined|sparkles?|sparkly|glitter|glittery|shimmer|shimmery|bling|embellished|embellishments?)\b/, "sequin"],
  [/\b(embroidery|embroidered|mirror[- ]work|thread[- ]work)\b/, "embroidered"],
  [/\b(abstract)\b/, "abstract"],
  [/\b(prints?|printed|patterns?|patterned|busy prints?)\b/, "any-print"],
]

export function patternTerms(text: string): { pattern: string; index: number; length: number }[] {
  return findAll(PATTERN_PHRASES, text).map(({ value, index, length }) => ({ pattern: value, index, length }))
}

/** Details she may rule out; each is a set of feature words any one of which rules an item out. */
const FEATURE_PHRASES: [RegExp, string[]][] = [
  [/\b(sleeveless|no sleeves|bare arms?|strappy)\b/, ["sleeveless", "strapless"]],
  [/\b(strapless|off[- ]shoulder|tube)\b/, ["strapless", "tube-top", "bandeau"]],
  [/\b(revealing|skimpy|too short|too much skin|cut-?outs?)\b/, ["cut-out", "strapless", "bandeau", "mini"]],
  [/\b(crop(ped)?|midriff|showing (my )?(belly|stomach|tummy))\b/, ["crop", "cropped"]],
  [/\b(mini|minis|short dress(es)?|short skirts?)\b/, ["mini"]],
  [/\b(midis?)\b/, ["midi"]],
  [/\b(bodycon|tight|figure[- ]hugging|clingy)\b/, ["bodycon", "slinky"]],
  [/\b(satin|silky)\b/, ["satin"]],
  [/\b(velvet)\b/, ["velvet"]],
  [/\b(linen)\b/, ["linen"]],
  [/\b(denim)\b/, ["denim"]],
  [/\b(sheer|mesh|see[- ]through)\b/, ["mesh", "organza", "sheer"]],
  [/\b(corset)\b/, ["corset"]],
  [/\b(puff(ed|y)? sleeves?)\b/, ["puff"]],
]

export function featureTerms(text: string): { features: string[]; said: string; index: number; length: number }[] {
  return findAll(FEATURE_PHRASES, text).map(({ value, index, length, said }) => ({ features: value, said, index, length }))
}

function findAll<T>(table: [RegExp, T][], text: string): { value: T; index: number; length: number; said: string }[] {
  const found: { value: T; index: number; length: number; said: string }[] = []
  let rest = text
  for (const [phrase, value] of table) {
    const global = new RegExp(phrase.source, "g")
    let match: RegExpExecArray | null
    while ((match = global.exec(rest))) {
      found.push({ value, index: match.index, length: match[0].length, said: match[0] })
      rest = rest.slice(0, match.index) + " ".repeat(match[0].length) + rest.slice(match.index + match[0].length)
    }
  }
  return found.sort((a, b) => a.index - b.index)
}
