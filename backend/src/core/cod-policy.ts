/**
 * Cash on delivery rules for India: where and up to which order total a shopper may pay
 * in cash when the parcel arrives. Pure: no Medusa, TypeORM or HTTP imports, unit tested.
 *
 * The payment processor (src/services/cod.ts) feeds it the cart's currency, delivery
 * pincode and total; the decision it returns is exactly the COD payment session's data.
 */

/** A pincode prefix where COD is refused, and the area it covers (shown to the shopper). */
export type BlockedPrefix = { prefix: string; area: string | null }

export type CodConfig = {
  /** Highest order total (incl. tax and shipping) payable in cash, in paise. */
  maxOrderAmount: number
  blocked: BlockedPrefix[]
}

/** The COD payment session's data (see notes/storefront-api.md, "Cash on delivery"). */
export type CodDecision = {
  available: boolean
  reason: string | null
  pincode: string | null
  max_order_amount: number
}

export type CodInput = {
  currency_code: string | null | undefined
  /** The delivery address's country (ISO 2); COD is for deliveries within India only. */
  country_code?: string | null
  pincode: string | null | undefined
  /** Order total in minor units, tax and shipping included. */
  total: number
}

export const DEFAULT_MAX_ORDER_INR = 20000

/** Areas where couriers do not collect cash. Also used to name the area of a configured prefix. */
export const KNOWN_AREAS: BlockedPrefix[] = [
  { prefix: "9", area: "Army Postal Service" },
  { prefix: "744", area: "Andaman & Nicobar Islands" },
  { prefix: "68255", area: "Lakshadweep" },
]

export const DEFAULT_COD_CONFIG: CodConfig = {
  maxOrderAmount: DEFAULT_MAX_ORDER_INR * 100,
  blocked: KNOWN_AREAS.map((a) => ({ ...a })),
}

export const PINCODE_PATTERN = /^[1-9][0-9]{5}$/

export const COD_REASONS = {
  currency: "Cash on delivery is only available for orders in Indian rupees",
  country: "Cash on delivery is only available for delivery within India",
  missingPincode: "Add your delivery address to check cash on delivery",
  invalidPincode: "Enter a valid 6-digit pincode",
} as const

/** "400 001" and " 400001 " are what people type; the pincode itself is the six digits. */
export function normalizePincode(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  const compact = String(raw).replace(/[\s-]+/g, "")
  return compact === "" ? null : compact
}

export function isValidPincode(pincode: string | null | undefined): boolean {
  return typeof pincode === "string" && PINCODE_PATTERN.test(pincode)
}

/** Rupees with Indian digit grouping: 2000000 paise -> "Rs 20,000", 10000000 -> "Rs 1,00,000". */
export function formatRupees(paise: number): string {
  const rupees = paise / 100
  const whole = Math.floor(rupees)
  const fraction = Math.round((rupees - whole) * 100)
  const digits = String(whole)
  const last3 = digits.slice(-3)
  const rest = digits.slice(0, -3)
  const grouped = rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ",")},${last3}` : last3
  return `Rs ${grouped}${fraction ? `.${String(fraction).padStart(2, "0")}` : ""}`
}

/** The most specific blocked prefix the pincode starts with, if any. */
export function blockedPrefixFor(pincode: string, blocked: BlockedPrefix[]): BlockedPrefix | null {
  let match: BlockedPrefix | null = null
  for (const b of blocked) {
    if (pincode.startsWith(b.prefix) && (!match || b.prefix.length > match.prefix.length)) match = b
  }
  return match
}

export function blockedReason(pincode: string, block: BlockedPrefix): string {
  return block.area ? `Cash on delivery is not available for ${block.area} pincodes` : `Cash on delivery is not available for pincode ${pincode}`
}

export function maxOrderReason(maxOrderAmount: number): string {
  return `Cash on delivery is available for orders up to ${formatRupees(maxOrderAmount)}`
}

/**
 * Whether this order may be paid in cash on delivery. The first rule that fails gives the
 * reason: currency, country, pincode, blocked area, then the order total.
 */
export function evaluateCod(input: CodInput, config: CodConfig = DEFAULT_COD_CONFIG): CodDecision {
  const pincode = normalizePincode(input.pincode)
  const decide = (reason: string | null): CodDecision => ({ available: reason === null, reason, pincode, max_order_amount: config.maxOrderAmount })

  if ((input.currency_code ?? "").toLowerCase() !== "inr") return decide(COD_REASONS.currency)
  if (input.country_code && input.country_code.toLowerCase() !== "in") return decide(COD_REASONS.country)
  if (pincode === null) return decide(COD_REASONS.missingPincode)
  if (!isValidPincode(pincode)) return decide(COD_REASONS.invalidPincode)
  const block = blockedPrefixFor(pincode, config.blocked)
  if (block) return decide(blockedReason(pincode, block))
  if (!Number.isFinite(input.total) || input.total > config.maxOrderAmount) return decide(maxOrderReason(config.maxOrderAmount))
  return decide(null)
}

export class CodConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`)
    this.name = "CodConfigError"
  }
}

function read(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]
  if (value === undefined) return undefined
  const trimmed = String(value).trim()
  return trimmed === "" ? undefined : trimmed
}

/** COD_MAX_ORDER_INR: rupees, e.g. "20000" or "20000.50". */
export function parseMaxOrderInr(raw: string): number {
  if (!/^\d+(\.\d{1,2})?$/.test(raw) || Number(raw) <= 0) {
    throw new CodConfigError("COD_MAX_ORDER_INR", `"${raw}" must be a positive amount in rupees, e.g. 20000`)
  }
  return Math.round(Number(raw) * 100)
}

/**
 * COD_BLOCKED_PINCODES: comma-separated pincode prefixes, each optionally named
 * (`744,68255,110099:Delhi Cantonment`); "none" blocks nothing. A prefix without a name
 * takes the name of the known area it lies in (744 -> Andaman & Nicobar Islands).
 */
export function parseBlockedPincodes(raw: string): BlockedPrefix[] {
  if (raw.toLowerCase() === "none") return []
  const seen = new Set<string>()
  const out: BlockedPrefix[] = []
  for (const part of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(":")
    const prefix = (colon === -1 ? part : part.slice(0, colon)).trim()
    const name = colon === -1 ? null : part.slice(colon + 1).trim()
    if (!/^[1-9][0-9]{0,5}$/.test(prefix)) {
      throw new CodConfigError("COD_BLOCKED_PINCODES", `"${prefix}" is not a pincode prefix (1 to 6 digits, not starting with 0), e.g. 744,68255`)
    }
    if (name !== null && (name === "" || name.length > 60)) {
      throw new CodConfigError("COD_BLOCKED_PINCODES", `the area name after "${prefix}:" must be 1-60 characters`)
    }
    if (seen.has(prefix)) continue
    seen.add(prefix)
    out.push({ prefix, area: name ?? knownAreaOf(prefix) })
  }
  if (!out.length) throw new CodConfigError("COD_BLOCKED_PINCODES", `"${raw}" lists no prefix; unset it for the defaults or write none`)
  return out
}

function knownAreaOf(prefix: string): string | null {
  const known = blockedPrefixFor(prefix, KNOWN_AREAS)
  return known ? known.area : null
}

/** The COD rules from the environment; unset or blank variables mean the defaults. */
export function codConfigFromEnv(env: Record<string, string | undefined>): CodConfig {
  const max = read(env, "COD_MAX_ORDER_INR")
  const blocked = read(env, "COD_BLOCKED_PINCODES")
  return {
    maxOrderAmount: max === undefined ? DEFAULT_COD_CONFIG.maxOrderAmount : parseMaxOrderInr(max),
    blocked: blocked === undefined ? DEFAULT_COD_CONFIG.blocked.map((b) => ({ ...b })) : parseBlockedPincodes(blocked),
  }
}

/** One line for the startup log. */
export function describeCodConfig(config: CodConfig): string {
  const blocked = config.blocked.length ? `not for pincodes ${config.blocked.map((b) => `${b.prefix}*`).join(", ")}` : "all pincodes"
  return `cash on delivery up to ${formatRupees(config.maxOrderAmount)}, ${blocked}`
}
