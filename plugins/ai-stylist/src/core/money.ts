/**
 * Amounts in minor units (paise, cents), as Medusa stores them, and how a shopper
 * reads them: "₹1,23,456" with Indian digit grouping, "$39" or "$39.50".
 */
const SYMBOLS: Record<string, string> = { inr: "₹", usd: "$" }

/** Both store currencies have two decimals; a currency we do not know is assumed to as well. */
export function minorPerMajor(_currency: string): number {
  return 100
}

export function toMinor(major: number, currency: string): number {
  return Math.round(major * minorPerMajor(currency))
}

export function toMajor(minor: number, currency: string): number {
  return minor / minorPerMajor(currency)
}

function groupDigits(whole: string, currency: string): string {
  if (currency !== "inr" || whole.length <= 3) return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  // Indian grouping: the last three digits, then pairs (1,23,456).
  const head = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",")
  return `${head},${whole.slice(-3)}`
}

/** "₹1,899", "$39", "$39.50": cents only when there are some. */
export function formatMoney(minor: number, currency: string): string {
  const code = currency.toLowerCase()
  const per = minorPerMajor(code)
  const sign = minor < 0 ? "-" : ""
  const abs = Math.abs(Math.round(minor))
  const whole = Math.floor(abs / per).toString()
  const cents = abs % per
  const symbol = SYMBOLS[code] ?? `${code.toUpperCase()} `
  return `${sign}${symbol}${groupDigits(whole, code)}${cents ? `.${cents.toString().padStart(2, "0")}` : ""}`
}
