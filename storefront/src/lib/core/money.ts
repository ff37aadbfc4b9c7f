/**
 * Money for display. Amounts arrive in minor units; rupees are shown the Indian way
 * (Rs 1,23,456) and whole amounts without decimals, as Indian and US shops do.
 */
const LOCALE: Record<string, string> = { inr: "en-IN", usd: "en-US" }

/** ISO 4217 currencies without minor units: Medusa stores their amounts as whole units (as the backend's catalog-facets does). */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "isk", "jpy", "kmf", "krw", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])

export function formatMoney(amount: number, currencyCode: string): string {
  const code = currencyCode.toLowerCase()
  const zeroDecimal = ZERO_DECIMAL.has(code)
  const major = zeroDecimal ? amount : amount / 100
  const whole = Number.isInteger(major)
  return new Intl.NumberFormat(LOCALE[code] ?? "en-US", {
    style: "currency",
    currency: code.toUpperCase(),
    minimumFractionDigits: whole || zeroDecimal ? 0 : 2,
    maximumFractionDigits: zeroDecimal ? 0 : 2,
  }).format(major)
}

/** An amount in major units (₹1,099, $49.99), as the stylist answers, in the minor units formatMoney takes. */
export function majorToMinor(amount: number, currencyCode: string): number {
  return ZERO_DECIMAL.has(currencyCode.toLowerCase()) ? Math.round(amount) : Math.round(amount * 100)
}

/**
 * Whole percent off the original price; 0 when there is no saving (or no sensible original).
 * Never claims 100% off something that still costs money.
 */
export function discountPercent(amount: number, original: number): number {
  if (!(original > 0) || !(amount < original)) return 0
  if (amount <= 0) return 100
  return Math.min(99, Math.round(((original - amount) / original) * 100))
}

export function currencySymbol(currencyCode: string): string {
  const parts = new Intl.NumberFormat(LOCALE[currencyCode.toLowerCase()] ?? "en-US", { style: "currency", currency: currencyCode.toUpperCase() }).formatToParts(0)
  return parts.find((p) => p.type === "currency")?.value ?? currencyCode.toUpperCase()
}
