/**
 * Email addresses, phone numbers and street addresses taken out of shopper text before it
 * leaves the store for the model. Budgets, sizes, order numbers and 6-digit pincodes must
 * survive, since the stylist needs them: only runs of ten or more digits shaped like a phone
 * number go, and only a numbered street ("12 MG Road") or what follows "my address is".
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

const PHONE_SHAPES: RegExp[] = [
  // Indian mobiles: +91 / 91 / 0, then ten digits starting 6-9, whole or grouped 5 + 5.
  /(?<![\w+])(?:\+91[\s-]?|91[\s-]?|0)?[6-9]\d{4}[\s-]?\d{5}(?!\d)/g,
  // North American: (415) 555-0132, 415-555-0132, 415.555.0132, and with +1 any separator.
  /(?:\+1[\s.-]?)?\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?!\d)/g,
  /(?<![\w+])(?:\+1[\s.-]?)?\d{3}([.-])\d{3}\1\d{4}(?!\d)/g,
  /\+1[\s.-]?\d{3}[\s.-]\d{3}[\s.-]\d{4}(?!\d)/g,
  // Anything else: a digit run with separators, judged by looksDialled. Commas are not
  // separators, so "1,50,000" is never a candidate.
  /\+?\(?\d(?:[\s().-]{0,2}\d)+/g,
]

// "Flat 4B, 12 Residency Road", "#221/3 5th Cross Lane", "1600 Amphitheatre Parkway": a house
// number, at most five words, then a word that only names a street. Words that also
// describe clothes or occasions ("block", "cross", "street style", "road trip") are left out.
const STREET_WORDS = "road|rd|street|lane|ln|avenue|ave|marg|nagar|colony|layout|boulevard|blvd|drive|parkway|terrace|residency|enclave|vihar|bagh|chowk|gali|apartments|society"
const NUMBERED_STREET = new RegExp(
  String.raw`(?:\b(?:flat|house|h\.?\s?no|plot|door|apt|apartment|unit|suite)\.?\s*(?:no\.?\s*)?(?:[\w/-]{1,8},?\s+)?(?=\d)|#\s?)?` +
    String.raw`\b\d{1,5}[a-z]?(?:[\/-]\d{1,4}[a-z]?)?,?\s+(?:(?:[a-z][\w.'&-]*|\d{1,3}(?:st|nd|rd|th)),?\s+){0,5}(?:${STREET_WORDS})\b` +
    String.raw`(?!\s+(?:trip|style|wear|look|looks|party|fashion|vibes?)\b)`,
  "gi"
)
// A number that is a price or a size ("under 1500 for my Linking Road trip") starts no address.
const AMOUNT_OR_SIZE_BEFORE = /(₹|\$|rs\.?|inr|under|below|upto|up to|budget|max|within|around|about|than|size|eu|us|uk)\s*$/i

function redactStreet(match: string, offset: number, whole: string): string {
  return AMOUNT_OR_SIZE_BEFORE.test(whole.slice(Math.max(0, offset - 12), offset)) ? match : "[address]"
}

// What a shopper gives as her address, up to the end of the sentence.
const STATED_ADDRESS = /\b(my (?:home |delivery |shipping )?address is|address\s*:)\s*[^.;\n]+/gi

const digitsIn = (text: string) => text.match(/\d+/g) ?? []

/** Ten or more digits; joined by spaces alone they must start with + or 0, as dialled numbers do, so "1500 1600 1700" stays. */
function looksDialled(run: string): boolean {
  if (digitsIn(run).join("").length < 10) return false
  if (/^\d+$/.test(run) || /[().-]/.test(run)) return true
  return /^[+0]/.test(run)
}

/** "60000-70000" is a price range, not a mobile: every group a round amount. */
function roundAmounts(run: string): boolean {
  const groups = digitsIn(run)
  return groups.length > 1 && groups.every((group) => group.length >= 3 && group.endsWith("00"))
}

function redactPhone(match: string, offset: number, whole: string, judge: (run: string) => boolean): string {
  // A run glued to a currency mark or a decimal point is an amount, never a number to call.
  const before = whole.slice(Math.max(0, offset - 4), offset)
  if (/(₹|\$|rs\.?\s?|inr\s?|[.,])$/i.test(before)) return match
  const run = match.replace(/[\s(.-]+$/, "")
  if (roundAmounts(run) || !judge(run)) return match
  return `[phone]${match.slice(run.length)}`
}

export function redactPersonalDetails(text: string): string {
  if (typeof text !== "string" || text === "") return text
  const last = PHONE_SHAPES.length - 1
  const withoutPhones = PHONE_SHAPES.reduce(
    (current, shape, i) =>
      current.replace(shape, (...args: unknown[]) => {
        const match = args[0] as string
        // Named groups are never used, so the offset and the whole text are always the last two arguments.
        const offset = args[args.length - 2] as number
        const whole = args[args.length - 1] as string
        return redactPhone(match, offset, whole, i === last ? looksDialled : () => true)
      }),
    text.replace(EMAIL, "[email]"),
  )
  return withoutPhones
    .replace(STATED_ADDRESS, (_, cue: string) => `${cue} [address]`)
    .replace(NUMBERED_STREET, (match: string, offset: number, whole: string) => redactStreet(match, offset, whole))
}
