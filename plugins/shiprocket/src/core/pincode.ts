/**
 * Indian postal index numbers (PIN codes): six digits, the first of which (1-9) names
 * the postal region (9 is the Army Postal Service). Shoppers type them with spaces
 * ("110 001") or paste them with stray characters; we accept spaces and nothing else.
 */

const PINCODE = /^[1-9][0-9]{5}$/

/** The 6-digit pincode, or null when the input is not one ("110 001" -> "110001"). */
export function normalizePincode(input: unknown): string | null {
  if (typeof input === "number") input = Number.isInteger(input) ? String(input) : ""
  if (typeof input !== "string") return null
  const compact = input.replace(/\s+/g, "")
  return PINCODE.test(compact) ? compact : null
}

export function isValidPincode(input: unknown): boolean {
  return normalizePincode(input) !== null
}
