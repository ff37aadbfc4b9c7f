/**
 * Shiprocket speaks rupees (numbers or numeric strings, up to 2 decimals); Medusa stores
 * INR amounts in paise (integers). Conversions round to the nearest paisa.
 */

/** 123.45 or "123.45" -> 12345. Throws on anything that is not a finite, non-negative amount. */
export function rupeesToPaise(rupees: number | string): number {
  const n = typeof rupees === "string" && rupees.trim() !== "" ? Number(rupees.trim()) : typeof rupees === "number" ? rupees : NaN
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`not an amount in rupees: ${JSON.stringify(rupees)}`)
  // Round half away from zero on the decimal string, not on the float: 1.005 -> 101, not 100.
  return Math.round(Number((n * 100).toFixed(6)))
}

/** 12345 -> 123.45 (a number with at most 2 decimals). Paise must be an integer. */
export function paiseToRupees(paise: number): number {
  if (!Number.isInteger(paise)) throw new RangeError(`paise must be an integer, got ${paise}`)
  return paise / 100
}
