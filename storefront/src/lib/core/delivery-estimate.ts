/**
 * Delivery dates and cash on delivery by pincode in India, in words for the shopper:
 * under checkout's Shiprocket delivery options, on the payment step's cash-on-delivery
 * choice and in the product page's "Check delivery". The answer comes from the store's
 * GET /store/shiprocket/serviceability (dates are Indian calendar days, "YYYY-MM-DD").
 * Pure, so the pages and the tests agree on the words.
 */
export type Availability = { available: boolean; etd: string | null; estimated_days: number | null; reason: string | null }

export type EstimateOption = { kind: "cheapest" | "fastest"; courier_name: string; rate: number; etd: string | null; estimated_days: number | null }

export type Estimate = { pincode: string; serviceable: boolean; prepaid: Availability; cod: Availability; options: EstimateOption[] }

export type ServiceabilityAnswer = { configured: boolean; pincode: string; estimate: Estimate | null; message: string | null }

/** Shiprocket delivers in India only: the one country with pincodes, dates and these checks. */
export const DELIVERY_ESTIMATE_COUNTRY = "in"

export const DATES_UNAVAILABLE = "Delivery dates are unavailable right now"

const PINCODE = /^[1-9]\d{5}$/

/** "560 001" → "560001"; null unless six digits, the first from 1 to 9 (as the store checks). */
export function normalisePincode(input: string | null | undefined): string | null {
  const value = (input ?? "").replace(/\s+/g, "")
  return PINCODE.test(value) ? value : null
}

/** What is wrong with a typed pincode, in words; null when it is a pincode. */
export function pincodeError(input: string | null | undefined): string | null {
  const value = (input ?? "").replace(/\s+/g, "")
  if (!value) return "Enter your 6-digit pincode"
  if (!/^\d+$/.test(value)) return "A pincode has digits only, like 560001"
  if (value.length !== 6) return "A pincode has 6 digits, like 560001"
  if (value.startsWith("0")) return "A pincode does not start with 0"
  return null
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

/**
 * "2025-12-02" → "Tue, 2 Dec". A calendar day, not an instant: no time zone can move it
 * to the day before. Null for anything that is not a real date.
 */
export function formatDeliveryDate(etd: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(etd ?? "")
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${WEEKDAYS[date.getUTCDay()]}, ${day} ${MONTHS[month - 1]}`
}

/**
 * When it arrives: "by Tue, 2 Dec" from a date, else "in 3–4 days" from a number of days
 * (couriers count whole days and often take one more), else null.
 */
export function arrivalPhrase(when: { etd: string | null; estimated_days: number | null }): string | null {
  const date = formatDeliveryDate(when.etd)
  if (date) return `by ${date}`
  const days = when.estimated_days
  if (typeof days !== "number" || !Number.isFinite(days) || days < 0) return null
  const n = Math.max(1, Math.round(days))
  return `in ${n}–${n + 1} days`
}

export type ShippingOptionLike = { provider_id?: string | null; data?: Record<string, unknown> | null }

const SHIPROCKET_KINDS: Record<string, EstimateOption["kind"]> = { "shiprocket-cheapest": "cheapest", "shiprocket-fastest": "fastest" }

/** "cheapest" or "fastest" for the Shiprocket option whose data.id says so; null for any other option. */
export function shiprocketKind(option: ShippingOptionLike): EstimateOption["kind"] | null {
  if (option.provider_id && option.provider_id !== "shiprocket") return null
  const id = option.data?.id
  return typeof id === "string" ? SHIPROCKET_KINDS[id] ?? null : null
}

/** "Arrives by Tue, 2 Dec" under a Shiprocket delivery option; null when the answer has no date for it. */
export function optionArrival(option: ShippingOptionLike, answer: ServiceabilityAnswer | null): string | null {
  const kind = shiprocketKind(option)
  const estimate = answer?.estimate
  if (!kind || !estimate?.serviceable) return null
  const match = estimate.options.find((o) => o.kind === kind)
  const phrase = match ? arrivalPhrase(match) : null
  return phrase ? `Arrives ${phrase}` : null
}

/**
 * The store's message for the shopper. Its messages are "<what>: <why>", the why being
 * for the merchant ("Delivery dates are unavailable: Shiprocket is not configured"), so
 * the shopper reads the what.
 */
export function shopperMessage(message: string | null | undefined): string {
  const what = (message ?? "").split(": ")[0].trim().replace(/\.$/, "")
  return what || DATES_UNAVAILABLE
}

/** The discreet note above the delivery options when dates cannot be shown; null when they can (or the pincode is simply not served). */
export function datesUnavailableNote(answer: ServiceabilityAnswer | null): string | null {
  if (answer?.estimate) return null
  return shopperMessage(answer?.message)
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Cash on delivery for the pincode, as the couriers see it: null when unknown (no
 * answer, or Shiprocket off or down), so the payment step falls back to its own rules.
 */
export function codAvailability(answer: ServiceabilityAnswer | null): { available: boolean; text: string } | null {
  const estimate = answer?.estimate
  if (!estimate) return null
  if (estimate.cod.available) return { available: true, text: `Available for pincode ${estimate.pincode}` }
  const reason = estimate.cod.reason?.trim().replace(/\.$/, "")
  return { available: false, text: reason ? `${capitalise(reason)} (${estimate.pincode})` : `Not available for pincode ${estimate.pincode}` }
}

export type PincodeCheck =
  | { status: "serviceable"; pincode: string; delivery: string; cod: boolean; codText: string }
  | { status: "unserviceable"; pincode: string; delivery: string }
  | { status: "unknown"; pincode: string; delivery: string }

/** The earliest arrival among the ways to pay that are available: dates first, then days. */
function earliest(ways: Availability[]): { etd: string | null; estimated_days: number | null } | null {
  const open = ways.filter((w) => w.available)
  const dated = open.filter((w) => formatDeliveryDate(w.etd)).sort((a, b) => (a.etd! < b.etd! ? -1 : a.etd! > b.etd! ? 1 : 0))
  if (dated[0]) return dated[0]
  const counted = open.filter((w) => typeof w.estimated_days === "number").sort((a, b) => a.estimated_days! - b.estimated_days!)
  return counted[0] ?? null
}

/** The product page's answer to "Check delivery" for a pincode. */
export function pincodeCheck(answer: ServiceabilityAnswer): PincodeCheck {
  const estimate = answer.estimate
  const pincode = estimate?.pincode ?? answer.pincode
  if (!estimate) return { status: "unknown", pincode, delivery: shopperMessage(answer.message) }
  if (!estimate.serviceable) return { status: "unserviceable", pincode, delivery: `We do not deliver to ${pincode} yet` }
  const when = earliest([estimate.prepaid, estimate.cod])
  const phrase = when ? arrivalPhrase(when) : null
  return {
    status: "serviceable",
    pincode,
    delivery: phrase ? `Delivery ${phrase}` : `We deliver to ${pincode}`,
    cod: estimate.cod.available,
    codText: estimate.cod.available ? "Cash on delivery available" : "Cash on delivery not available",
  }
}
