/**
 * What the shopper asked for, as hard constraints (budget, size, exclusions) and soft
 * preferences (occasion, colours, pieces), from the request's context and from her
 * message alike.
 *
 * Merge rules (constraints only ever tighten):
 * - budget: the lowest of the context's and the message's. The message can lower a
 *   budget, never raise or remove it; "ignore the budget" and the like change nothing
 *   and leave a note.
 * - size: the context's size wins over a different size in the message (a note says so).
 * - exclusions: the union of both.
 * - occasion: the context's when it names one we know, else the message's.
 *
 * Currency: an amount marked with another currency than the region's ("$50" for an
 * Indian shopper) is never converted (rates move; a guess could break her budget).
 * It is ignored with a note asking for the amount in the region's currency. Unmarked
 * amounts are read in the region's currency.
 *
 * "Under ₹2,000" allows exactly ₹2,000: all budget phrasings are read as an inclusive
 * maximum.
 */
import { Role } from "./catalog"
import { COLOUR_GROUPS, COLOUR_WORDS, familiesOfWord } from "./colours"
import { formatMoney, toMinor } from "./money"
import { singular } from "./text"
import { CATALOGUE_OCCASIONS, OCCASION_PHRASES, PieceTerm, featureTerms, patternTerms, pieceTerms } from "./vocabulary"

export type ShopperContext = {
  budget?: number | null
  size?: string | null
  occasion?: string | null
  colors?: string[] | null
  avoid?: string[] | null
}

export type Exclusion =
  | { kind: "color"; value: string; said: string }
  | { kind: "category"; value: string; role: Role; words: string[] | null; said: string }
  | { kind: "pattern"; value: string; said: string }
  | { kind: "feature"; value: string; features: string[]; said: string }
  | { kind: "word"; value: string; said: string }

export type WantedPiece = PieceTerm & { said: string }

export type NoteCode =
  | "widening_ignored"
  | "foreign_currency_budget"
  | "budget_kept"
  | "budget_range"
  | "budget_approximate"
  | "size_conflict"
  | "size_converted"
  | "size_numeric_unknown"
  | "size_several"
  | "occasion_unknown"
  | "colour_unknown"
  | "context_invalid"

export type Note = { code: NoteCode; message: string }

export type ShopperConstraints = {
  /** The region's currency, lower case ("inr", "usd"); every amount here is in it. */
  currency: string
  /** The most the whole outfit may cost, in minor units; null when she gave no budget. */
  budget_minor: number | null
  /** The low end of "between 1000 and 2000": a preference, never enforced. */
  budget_floor_minor: number | null
  /** A letter size on the store's ladder (XS-XXL; XXXL and up are read but not carried). */
  size: string | null
  /** An EU shoe size ("38"). */
  shoe_size: string | null
  /** The occasion in her words, normalised ("beach wedding"). */
  occasion: string | null
  /** The catalogue occasions that fit it, best first. */
  occasions: string[]
  /** Colour terms: families ("blue"), shades ("emerald"), groups ("pastel"). */
  colors_wanted: string[]
  avoid: Exclusion[]
  categories_wanted: WantedPiece[]
  notes: Note[]
}

// ---- reading money ---------------------------------------------------------------------

const CURRENCY_MARK = String.raw`₹|rs\.?|inr|rupees?|\$|usd|us\$|dollars?|bucks|\/-`
const NUMBER = String.raw`\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?`
const MULTIPLIER = String.raw`k|thousand|grand|lakhs?|lacs?`
/** An amount: an optional mark, a number, an optional "k", an optional mark. Groups: mark, number, multiplier, mark. */
const AMOUNT = String.raw`(?:(${CURRENCY_MARK})\s*)?(${NUMBER})(?![\d]|[.,]\d)(?:\s*(${MULTIPLIER})\b)?(?:\s*(${CURRENCY_MARK})(?![a-z]))?`
/** Counts, lengths and sizes that follow an unmarked number but are not money: "3 outfits", "5 feet". */
const NOT_MONEY = /^\s*(?:pieces?|items?|looks?|outfits?|options?|suggestions?|ideas?|days?|hours?|hrs?|weeks?|cm|mm|inch(?:es)?|in\b|ft|feet|kg|kgs|lbs?|years?|yrs?|people|guests?|eu\b|uk\b|us\b|size|shoes?|heels?|%)/
const BEFORE = String.raw`under|below|less than|lesser than|cheaper than|max(?:imum)?(?: of)?|up ?to|upto|within|at most|no more than|not more than|not over|not above|not exceeding|no higher than|no over|budget(?: of| is| at| around| under| max| limit)?|spend(?:ing)?(?: only| up to| max)?|only have|i have|i've got|i have got|afford|around|about|approx(?:imately)?|roughly|capped at|cap(?: of| at)?|limit(?: of| is)?|tops|total(?: of)?|<=?|≤`
const AFTER = String.raw`max(?:imum)?|or less|or under|or below|tops|budget|limit|total|at most|and under|or cheaper`

type Mention = { minor: number; currency: string | null; approximate: boolean; floor_minor: number | null; said: string }

function markCurrency(mark: string | undefined): string | null {
  if (!mark) return null
  if (/^(₹|rs|inr|rupee|\/-)/.test(mark)) return "inr"
  if (/^(\$|usd|us\$|dollar|buck)/.test(mark)) return "usd"
  return null
}

function amountValue(number: string, multiplier: string | undefined): number {
  const value = Number(number.replace(/,/g, ""))
  if (!multiplier) return value
  if (/^(lakh|lac)/.test(multiplier)) return value * 100000
  return value * 1000
}

/** Every budget mention in the text, blanked out of it as read. */
function readBudgets(text: string, regionCurrency: string): { mentions: Mention[]; rest: string } {
  const mentions: Mention[] = []
  let rest = text
  const take = (pattern: RegExp, read: (m: string[]) => Mention | null) => {
    rest = rest.replace(pattern, (...args) => {
      const whole = args[args.length - 1] as string
      const offset = args[args.length - 2] as number
      const match = args.slice(0, -2) as string[]
      const marked = match.slice(1).some((group) => typeof group === "string" && markCurrency(group) !== null)
      if (!marked && NOT_MONEY.test(whole.slice(offset + match[0].length))) return match[0]
      const mention = read(match)
      if (!mention) return match[0]
      mentions.push(mention)
      return " | "
    })
  }
  const single = (m: string[], offset: number, approximate: boolean): Mention | null => {
    const [mark1, number, multiplier, mark2] = m.slice(offset, offset + 4)
    const currency = markCurrency(mark1) ?? markCurrency(mark2)
    const value = amountValue(number, multiplier)
    if (!Number.isFinite(value)) return null
    return { minor: toMinor(value, currency ?? regionCurrency), currency, approximate, floor_minor: null, said: m[0].trim() }
  }
  // "between ₹1,000 and ₹2,000", "from 1k to 2k", "₹1000-2000"
  take(new RegExp(String.raw`(?:between|from)\s+${AMOUNT}\s*(?:and|to|-|–)\s*${AMOUNT}`, "g"), (m) => range(m))
  take(new RegExp(String.raw`(?<![\w.])(?=(?:${CURRENCY_MARK})|\d[\d,.]*\s*(?:${MULTIPLIER}|${CURRENCY_MARK}))${AMOUNT}\s*(?:-|–|to)\s*${AMOUNT}`, "g"), (m) => {
    const low = m.slice(1, 5)
    const high = m.slice(5, 9)
    // A bare "36-38" is a size range, not money: one side must be marked or multiplied.
    if (![low[0], low[2], low[3], high[0], high[2], high[3]].some(Boolean)) return null
    return range(m)
  })
  function range(m: string[]): Mention | null {
    const low = single(m, 1, false)
    const high = single(m, 5, false)
    if (!low || !high) return null
    const currency = high.currency ?? low.currency
    const lowMinor = toMinor(amountValue(m[2], m[3] ?? m[7]), currency ?? regionCurrency)
    const highMinor = toMinor(amountValue(m[6], m[7]), currency ?? regionCurrency)
    return { minor: Math.max(lowMinor, highMinor), currency, approximate: false, floor_minor: Math.min(lowMinor, highMinor), said: m[0].trim() }
  }
  // "under 2000 rupees", "max Rs 1500", "budget is ₹3,000", "around 3k"
  take(new RegExp(String.raw`(?<![\w])(${BEFORE})\s*(?:of\s+|is\s+|:\s*|=\s*|-\s*)?(?:about\s+|around\s+|only\s+|just\s+)?${AMOUNT}`, "g"), (m) => {
    const approximate = /^(around|about|approx|roughly)/.test(m[1])
    return single(m, 2, approximate)
  })
  // "2000 max", "₹1500 or less"
  take(new RegExp(String.raw`(?<![\w.])${AMOUNT}\s*(?:${AFTER})\b`, "g"), (m) => single(m, 1, false))
  // any amount with a currency mark: "a $60 dress", "2000 rupees", "Rs. 999"
  take(new RegExp(String.raw`(?<![\w.])${AMOUNT}`, "g"), (m) => (m[1] || m[4] ? single(m, 1, false) : null))
  return { mentions, rest }
}

// ---- reading sizes ----------------------------------------------------------------------

const LETTER_WORDS: Record<string, string> = {
  xxs: "XXS", "2xs": "XXS", xs: "XS", "extra small": "XS", "extra-small": "XS", s: "S", small: "S", m: "M", medium: "M",
  l: "L", large: "L", xl: "XL", "extra large": "XL", "extra-large": "XL", xxl: "XXL", "2xl": "XXL", xxxl: "XXXL", "3xl": "XXXL", "4xl": "4XL", "5xl": "5XL",
}
const LETTER = String.raw`xxs|2xs|xs|extra[- ]small|extra[- ]large|xxxl|xxl|xl|2xl|3xl|4xl|5xl|small|medium|large|s|m|l`

type SizeMention = { kind: "letter" | "shoe"; size: string; converted_from: string | null; said: string }

/** UK women's shoe sizes are EU minus 33; US women's are EU minus 31 (the usual charts, to the nearest size). */
function shoeToEu(system: string | undefined, value: number, regionCurrency: string): { eu: string; from: string | null } {
  const sys = system ?? (value < 20 ? (regionCurrency === "usd" ? "us" : "uk") : "eu")
  if (sys === "uk") return { eu: String(Math.round(value + 33)), from: `UK ${value}` }
  if (sys === "us") return { eu: String(Math.round(value + 31)), from: `US ${value}` }
  return { eu: String(Math.round(value)), from: null }
}

/**
 * "heels in UK 5", "size 38 heels": the heels are a piece she wants as well as a size, so
 * the word stays for the piece reader. "Shoe size 38" and "US 7 shoes" only give her size.
 */
function piecesNamedWithSize(said: string): string {
  return /\bheels?\b/.test(said) && !/\bheels?\s*size\b/.test(said) ? "heels" : ""
}

function readSizes(text: string, original: string, regionCurrency: string): { sizes: SizeMention[]; rest: string; numericUnknown: string[] } {
  const sizes: SizeMention[] = []
  const numericUnknown: string[] = []
  let rest = text
  const take = (pattern: RegExp, read: (m: string[]) => SizeMention | null) => {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as string[]
      const size = read(match)
      if (!size) return match[0]
      sizes.push(size)
      return ` | ${piecesNamedWithSize(match[0])} | `
    })
  }
  const shoe = (system: string | undefined, value: string, said: string): SizeMention | null => {
    const { eu, from } = shoeToEu(system?.toLowerCase(), Number(value), regionCurrency)
    return Number(eu) >= 33 && Number(eu) <= 46 ? { kind: "shoe", size: eu, converted_from: from, said } : null
  }
  // Shoes first, so "size 38 heels" is not read as a dress size.
  take(/\b(?:shoe|shoes|heels?|footwear|feet|foot)\s*(?:size)?\s*(?:is|:|of|in)?\s*(?:a\s+)?(?:size\s+)?(eu|uk|us)?\s*(\d{1,2}(?:\.5)?)\b(?!\s*(?:cm|mm|inch))/g, (m) => shoe(m[1], m[2], m[0]))
  take(/\b(?:size\s*)?(eu|uk|us)\s*(?:size\s*)?(\d{1,2}(?:\.5)?)\s*(?:in\s+)?(?:shoes?|heels?|footwear|feet)\b/g, (m) => shoe(m[1], m[2], m[0]))
  take(/\b(?:size\s*)?(\d{1,2}(?:\.5)?)\s*(?:in\s+)?(?:shoes?|heels?|footwear)\b/g, (m) => shoe(undefined, m[1], m[0]))
  take(/\b(eu|euro)\s*(?:size\s*)?(\d{2})\b/g, (m) => shoe("eu", m[2], m[0]))
  take(/\bsize\s*:?\s*(3[3-9]|4[0-6])\b/g, (m) => shoe("eu", m[1], m[0]))
  // Letter sizes with words around them: "size M", "I'm a medium", "wear an XL", "medium size".
  const lead = String.raw`size|sized|sizes|wear|wearing|i am|i'm|im|am|usually|normally|mostly|take|in`
  take(new RegExp(String.raw`\b(?:${lead})\s*(?::\s*)?(?:(?:an?|the|size|usually|normally|mostly|always)\s+){0,2}(${LETTER})\b(?![-'])`, "g"), (m) => ({ kind: "letter", size: LETTER_WORDS[m[1].replace("-", " ")] ?? m[1].toUpperCase(), converted_from: null, said: m[0] }))
  take(new RegExp(String.raw`\b(${LETTER})\s+size\b`, "g"), (m) => ({ kind: "letter", size: LETTER_WORDS[m[1].replace("-", " ")] ?? m[1].toUpperCase(), converted_from: null, said: m[0] }))
  // A size word standing alone between commas: "wedding guest outfit, medium, US 7 shoes".
  take(/(?:^|[,;(])\s*(extra[- ]small|extra[- ]large|small|medium|large)\s*(?=[,;.)!?]|$)/g, (m) => ({ kind: "letter", size: LETTER_WORDS[m[1].replace("-", " ")], converted_from: null, said: m[1] }))
  // Unambiguous letter sizes on their own: "XL", "2XL" (never a lone s/m/l in lower case: "it's", "I'm").
  take(/(?<![\w'])(xxs|xs|xxxl|xxl|xl|2xl|3xl|4xl|5xl)(?![\w'])/g, (m) => ({ kind: "letter", size: LETTER_WORDS[m[1]], converted_from: null, said: m[0] }))
  // A lone capital S, M or L in what she typed ("party dress, M, under 2k").
  const capital = /(?:^|[\s,(/])([SML])(?=$|[\s,.)/!?])/g
  let match: RegExpExecArray | null
  while ((match = capital.exec(original)) && sizes.every((s) => s.kind !== "letter")) {
    sizes.push({ kind: "letter", size: match[1], converted_from: null, said: match[1] })
  }
  // Numeric dress sizes are not how this store sizes clothes: note them, never guess.
  rest = rest.replace(/\b(?:(?:uk|us)\s*size|size\s*(?:uk|us)?)\s*(\d{1,2})\b/g, (whole) => {
    numericUnknown.push(whole.trim())
    return " | "
  })
  return { sizes, rest, numericUnknown }
}

/** A size from the request's context: "M", "medium", "38", "EU 38", "UK 5 shoes". */
export function readSizeValue(value: string, regionCurrency: string): SizeMention | null {
  const text = value.trim().toLowerCase()
  const letter = LETTER_WORDS[text.replace(/\s+/g, " ").replace("-", " ")]
  if (letter) return { kind: "letter", size: letter, converted_from: null, said: value }
  const shoe = /^(?:(eu|uk|us)\s*)?(\d{1,2}(?:\.5)?)(?:\s*(?:shoes?|heels?))?$/.exec(text)
  if (shoe) {
    const system = shoe[1] ?? (Number(shoe[2]) >= 30 ? "eu" : undefined)
    if (!system) return null
    const { eu, from } = shoeToEu(system, Number(shoe[2]), regionCurrency)
    return Number(eu) >= 33 && Number(eu) <= 46 ? { kind: "shoe", size: eu, converted_from: from, said: value } : null
  }
  const inSentence = readSizes(text, value, regionCurrency).sizes
  return inSentence[0] ?? null
}

// ---- reading exclusions -----------------------------------------------------------------

/** Phrases that try to widen what she is shown. They are read and then do nothing. */
const WIDENING: [RegExp, "budget" | "size" | "exclusions" | "rules"][] = [
  [/\b(ignore|forget|disregard|drop|remove|skip|bypass|override|lift|raise|increase|double)\s+(about\s+)?(the\s+|my\s+|your\s+|any\s+|that\s+)?(budget|price|spending|cost)( limit| cap| constraint| filter)?s?\b/g, "budget"],
  [/\b(no|without( a)?|unlimited|infinite|any|whatever the)\s+(budget|price)( limit| cap| constraint| filter)?s?\b/g, "budget"],
  [/\b(budget|price|money|cost)\s+(is\s+)?(no (object|issue|bar|problem|limit)|doesn'?t matter|does not matter|not an issue|no concern)\b/g, "budget"],
  [/\b(don'?t|do not|dont)\s+(care|worry)\s+about\s+(the\s+)?(price|budget|cost|money)\b/g, "budget"],
  [/\b(ignore|forget|disregard|override)\s+(the\s+|my\s+|your\s+)?(size|sizes|sizing)\b/g, "size"],
  [/\b(any|all|every|whatever)\s+sizes?\b/g, "size"],
  [/\b(ignore|forget|disregard|override|drop|remove)\s+(the\s+|my\s+|your\s+|all\s+)?(exclusions?|restrictions?|filters?|constraints?|limits?|rules?|guard ?rails?)\b/g, "exclusions"],
  [/\b(ignore|forget|disregard|override)\s+(all\s+)?(the\s+)?(previous|prior|above|earlier|your|system)\s+(instructions?|prompts?|rules?|messages?)\b/g, "rules"],
  [/\b(show|include|add|give)\s+(me\s+)?(even\s+)?(sold[- ]out|out[- ]of[- ]stock|unavailable|unpublished|hidden|draft)\b/g, "rules"],
  [/\b(sold[- ]out|out[- ]of[- ]stock)\s+(is|are)\s+(fine|ok|okay)\b/g, "rules"],
  [/\b(system prompt|developer mode|jailbreak|you are now|act as|pretend (that |you )|new instructions?)\b/g, "rules"],
]

const NEGATION = /\b(no|not|avoid|avoiding|without|nothing|none|don'?t want|do not want|dont want|don'?t like|do not like|dont like|hate|except|anything but|skip|never|excluding|exclude|not into|allergic to|stay away from|rather not|no more|minus)\b/g
/** Where a negation's reach ends: punctuation, "but", or a word that starts a new request. */
const SCOPE_END = /[.,;:!?|]|\b(but|with|for|i|i'm|im|please|want|need|looking|show|give|size|that|which|so|because|under|below|also|just|only|in my|to wear|would|should|can|could)\b/
const FILLER = new Set([
  "a", "an", "the", "any", "too", "very", "much", "more", "less", "of", "in", "on", "and", "or", "nor", "either", "colour", "color", "colours", "colors",
  "shade", "shades", "thing", "things", "stuff", "anything", "something", "it", "them", "those", "these", "that", "this", "please", "at", "all", "really",
  "sure", "problem", "idea", "rush", "worries", "worry", "matter", "clue", "preference", "preferences", "particular", "occasion", "expensive", "pricey",
  "costly", "cheap", "fancy", "over", "than", "big", "deal", "way", "plan", "one", "ones", "like", "liking", "fan", "keen", "mood", "likes", "wearing", "wear",
  "outfit", "outfits", "look", "looks", "my", "me", "is", "are", "be", "just", "so", "what", "when", "where", "how", "dress", "up", "down", "too", "loud", "many",
  "allowed", "needed", "necessary", "required", "other", "else", "top",
])

function colourTerm(word: string): string | null {
  const w = word.toLowerCase().trim()
  if (w === "gray") return "grey"
  if (w === "golden") return "gold"
  const plural = /^(pastels?|neutrals?|brights?|darks?|dark colou?rs?|metallics?)$/.exec(w)
  if (plural) return (COLOUR_GROUPS as readonly string[]).find((g) => w.startsWith(g)) ?? null
  if (familiesOfWord(w).length > 0) return w
  const single = singular(w)
  if (single !== w && familiesOfWord(single).length > 0) return single
  return null
}

/** Colour words a shopper writes: the catalogue's shades, minus words that mean something else in a sentence ("powder", "stone", "coffee"). */
const SHOPPER_COLOUR_WORDS = COLOUR_WORDS.filter((w) => !["jet", "onyx", "sky", "powder", "butter", "heather", "midnight", "slate", "coffee", "lemon", "stone", "sand", "rose", "tan", "cherry", "denim", "metallic"].includes(w))
const COLOUR_PATTERN = new RegExp(String.raw`\b(${[...SHOPPER_COLOUR_WORDS.map((w) => w.replace(/ /g, "[- ]")), "pastels?", "neutrals?", "brights?", "dark colou?rs?", "metallics?", "reds", "blues", "greens", "pinks", "yellows", "oranges", "purples", "browns", "greys", "grays", "whites", "blacks"].join("|")})\b`, "g")

function colourMentions(text: string): { term: string; said: string; index: number }[] {
  const found: { term: string; said: string; index: number }[] = []
  let match: RegExpExecArray | null
  const pattern = new RegExp(COLOUR_PATTERN.source, "g")
  while ((match = pattern.exec(text))) {
    const term = colourTerm(match[1].replace("-", " ")) ?? colourTerm(match[1])
    if (term) found.push({ term, said: match[1], index: match.index })
  }
  return found
}

/** What a stretch of text rules out: garments, prints, details, colours, and failing those its first real word. */
export function exclusionsIn(scope: string): Exclusion[] {
  const out: Exclusion[] = []
  let rest = ` ${scope.toLowerCase()} `
  const blank = (index: number, length: number) => {
    rest = rest.slice(0, index) + " ".repeat(length) + rest.slice(index + length)
  }
  if (/\baccessor(y|ies)\b/.test(rest)) {
    for (const role of ["shoes", "bag", "jewellery"] as Role[]) out.push({ kind: "category", value: role, role, words: null, said: "accessories" })
    rest = rest.replace(/\baccessor(y|ies)\b/g, " ")
  }
  for (const { piece, index, length } of pieceTerms(rest)) {
    out.push({ kind: "category", value: piece.term, role: piece.role, words: piece.words, said: rest.slice(index, index + length).trim() })
    blank(index, length)
  }
  for (const { pattern, index, length } of patternTerms(rest)) {
    out.push({ kind: "pattern", value: pattern, said: rest.slice(index, index + length).trim() })
    blank(index, length)
  }
  for (const { features, said, index, length } of featureTerms(rest)) {
    out.push({ kind: "feature", value: said.trim(), features, said: said.trim() })
    blank(index, length)
  }
  for (const { term, said, index } of colourMentions(rest)) {
    out.push({ kind: "color", value: term, said })
    blank(index, said.length)
  }
  if (out.length === 0) {
    const word = rest.split(/[^a-z-]+/).find((w) => w.length >= 3 && !FILLER.has(w))
    if (word) out.push({ kind: "word", value: singular(word), said: word })
  }
  return out
}

function readExclusions(text: string): { avoid: Exclusion[]; rest: string } {
  const avoid: Exclusion[] = []
  let rest = text
  // An idiom, not a garment: "nothing over the top".
  rest = rest.replace(/\bover[- ]the[- ]top\b/g, "flashy")
  const negation = new RegExp(NEGATION.source, "g")
  let match: RegExpExecArray | null
  while ((match = negation.exec(rest))) {
    const start = match.index + match[0].length
    const tail = rest.slice(start)
    const end = SCOPE_END.exec(tail)
    let scope = end ? tail.slice(0, end.index) : tail
    // At most six words: a negation does not reach across a whole sentence.
    scope = scope.split(/\s+/).filter(Boolean).slice(0, 6).join(" ")
    const found = exclusionsIn(scope)
    avoid.push(...found)
    const consumed = end ? end.index : tail.length
    rest = rest.slice(0, match.index) + " | " + " ".repeat(Math.max(consumed - 3 + match[0].length, 0)) + rest.slice(start + consumed)
    negation.lastIndex = match.index + 1
  }
  return { avoid, rest }
}

// ---- putting it together ----------------------------------------------------------------

export function readOccasion(text: string): { occasion: string; occasions: string[]; said: string; index: number } | null {
  let best: { occasion: string; occasions: string[]; said: string; index: number } | null = null
  for (const entry of OCCASION_PHRASES) {
    const match = entry.phrase.exec(text)
    if (match) {
      best = { occasion: entry.occasion, occasions: entry.occasions, said: match[0], index: match.index }
      break
    }
  }
  if (!best) {
    const direct = CATALOGUE_OCCASIONS.find((o) => new RegExp(`\\b${o.replace("-", "[- ]")}\\b`).test(text))
    if (direct) best = { occasion: direct.replace("-", " "), occasions: [direct], said: direct, index: text.indexOf(direct) }
  }
  return best
}

function exclusionKey(e: Exclusion): string {
  return `${e.kind}:${e.value}`
}

function normalizeMessage(message: string): string {
  return ` ${message}`
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, " – ")
    .toLowerCase()
    .replace(/\brs\.\s*/g, "rs ")
    .replace(/\s+/g, " ")
}

export function parseShopperRequest(message: string, context: ShopperContext | null | undefined, currency: string): ShopperConstraints {
  const region = currency.toLowerCase()
  const notes: Note[] = []
  const note = (code: NoteCode, text: string) => {
    if (!notes.some((n) => n.code === code && n.message === text)) notes.push({ code, message: text })
  }
  const ctx = context ?? {}
  let text = normalizeMessage(message ?? "")

  // 1. Attempts to widen the filters are taken out first, so "no budget" is never read as an exclusion.
  const widening = new Set<string>()
  for (const [pattern, target] of WIDENING) {
    text = text.replace(pattern, () => {
      widening.add(target)
      return " | "
    })
  }

  // 2. Budgets.
  const budgets = readBudgets(text, region)
  text = budgets.rest
  let messageBudget: number | null = null
  let floor: number | null = null
  for (const mention of budgets.mentions) {
    if (mention.currency && mention.currency !== region) {
      note("foreign_currency_budget", `You mentioned ${mention.said}, but prices here are in ${region.toUpperCase()}; I don't convert currencies, so tell me your budget in ${region.toUpperCase()} and I'll keep to it.`)
      continue
    }
    if (mention.approximate) note("budget_approximate", `I read "${mention.said}" as a maximum of ${formatMoney(mention.minor, region)}.`)
    if (mention.floor_minor !== null) {
      floor = mention.floor_minor
      note("budget_range", `For ${mention.said} I keep the total at or under ${formatMoney(mention.minor, region)}.`)
    }
    messageBudget = messageBudget === null ? mention.minor : Math.min(messageBudget, mention.minor)
  }
  let contextBudget: number | null = null
  if (ctx.budget !== undefined && ctx.budget !== null) {
    if (typeof ctx.budget === "number" && Number.isFinite(ctx.budget) && ctx.budget >= 0) contextBudget = toMinor(ctx.budget, region)
    else note("context_invalid", "The budget in the request's context is not a number; I ignored it.")
  }
  if (contextBudget !== null && messageBudget !== null && messageBudget > contextBudget) {
    note("budget_kept", `Your budget is set to ${formatMoney(contextBudget, region)}, so I kept to that rather than ${formatMoney(messageBudget, region)}.`)
  }
  const budget = contextBudget === null ? messageBudget : messageBudget === null ? contextBudget : Math.min(contextBudget, messageBudget)

  // 3. Sizes.
  const originalText = ` ${message ?? ""}`
  const sized = readSizes(text, originalText.replace(/\b(I|I'm|I'd|I've|I'll)\b/g, ""), region)
  text = sized.rest
  for (const said of sized.numericUnknown) {
    note("size_numeric_unknown", `Clothes here come in XS to XXL, so I can't use "${said}"; tell me your letter size and I'll match it.`)
  }
  const pickSize = (kind: "letter" | "shoe") => {
    const fromMessage = sized.sizes.filter((s) => s.kind === kind)
    const distinct = [...new Set(fromMessage.map((s) => s.size))]
    if (distinct.length > 1) note("size_several", `You mentioned ${distinct.join(" and ")}; I used ${distinct[0]}.`)
    let fromContext: SizeMention | null = null
    if (ctx.size) {
      const read = readSizeValue(ctx.size, region)
      if (read && read.kind === kind) fromContext = read
    }
    const mine = fromMessage[0] ?? null
    if (fromContext && mine && fromContext.size !== mine.size) {
      note("size_conflict", `Your saved size is ${fromContext.size} but you wrote ${mine.size}; I used ${fromContext.size}. Update your size if it has changed.`)
    }
    const chosen = fromContext ?? mine
    if (chosen?.converted_from) note("size_converted", `I read ${chosen.converted_from} as EU ${chosen.size}.`)
    return chosen?.size ?? null
  }
  if (ctx.size && !readSizeValue(ctx.size, region)) note("context_invalid", `"${ctx.size}" is not a size I know; I ignored it.`)
  const size = pickSize("letter")
  const shoeSize = pickSize("shoe")

  // 4. Exclusions, from the message and the context's list.
  const excluded = readExclusions(text)
  text = excluded.rest
  const avoid: Exclusion[] = []
  for (const e of [...excluded.avoid, ...(ctx.avoid ?? []).flatMap((entry) => (typeof entry === "string" ? exclusionsIn(entry) : []))]) {
    if (!avoid.some((a) => exclusionKey(a) === exclusionKey(e))) avoid.push(e)
  }

  // 5. Occasion: the context's when we know it, else the message's.
  let occasion: string | null = null
  let occasions: string[] = []
  const fromMessage = readOccasion(text)
  if (fromMessage) text = text.replace(fromMessage.said, " | ")
  if (ctx.occasion) {
    const fromContext = readOccasion(` ${ctx.occasion.toLowerCase()} `)
    if (fromContext) ({ occasion, occasions } = fromContext)
    else note("occasion_unknown", `I don't know the occasion "${ctx.occasion}", so I styled for it from your message.`)
  }
  if (!occasion && fromMessage) ({ occasion, occasions } = fromMessage)

  // 6. Pieces she wants.
  const wanted: WantedPiece[] = []
  for (const { piece, index, length } of pieceTerms(text)) {
    if (!wanted.some((w) => w.term === piece.term)) wanted.push({ ...piece, said: text.slice(index, index + length).trim() })
  }

  // 7. Colours she wants: the message's and the context's, minus any she excluded.
  const colours: string[] = []
  for (const { term } of colourMentions(text)) if (!colours.includes(term)) colours.push(term)
  for (const entry of ctx.colors ?? []) {
    const term = typeof entry === "string" ? colourTerm(entry) : null
    if (term) {
      if (!colours.includes(term)) colours.push(term)
    } else note("colour_unknown", `I don't know the colour "${entry}".`)
  }
  const avoidedColours = new Set(avoid.filter((e) => e.kind === "color").map((e) => e.value))

  // Widening attempts leave a note only where there was something to widen.
  if (widening.has("budget") && budget !== null) note("widening_ignored", `I keep to your budget of ${formatMoney(budget, region)}; I can't set it aside.`)
  if (widening.has("size") && (size !== null || shoeSize !== null)) note("widening_ignored", "I only show what's in stock in your size.")
  if (widening.has("exclusions") && avoid.length > 0) note("widening_ignored", "I keep to the things you asked me to avoid.")
  if (widening.has("rules")) note("widening_ignored", "I only ever show real pieces that are in stock here, in your size and budget.")

  return {
    currency: region,
    budget_minor: budget,
    budget_floor_minor: floor !== null && budget !== null && floor < budget ? floor : null,
    size,
    shoe_size: shoeSize,
    occasion,
    occasions,
    colors_wanted: colours.filter((c) => !avoidedColours.has(c)),
    avoid,
    categories_wanted: wanted,
    notes,
  }
}
