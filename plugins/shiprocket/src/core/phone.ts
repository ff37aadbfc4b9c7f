/**
 * Shiprocket wants a 10-digit Indian phone number (no +91, no leading 0). Shoppers type
 * "+91 98222 33344", "098222-33344", "919822233344"...
 */
export function normalizeIndianPhone(input: unknown): string | null {
  if (typeof input === "number" && Number.isInteger(input)) input = String(input)
  if (typeof input !== "string") return null
  let digits = input.replace(/\D+/g, "")
  if (digits.length === 12 && digits.startsWith("91")) digits = digits.slice(2)
  else if (digits.length === 13 && digits.startsWith("091")) digits = digits.slice(3)
  else if (digits.length === 11 && digits.startsWith("0")) digits = digits.slice(1)
  else if (digits.length === 14 && digits.startsWith("0091")) digits = digits.slice(4)
  if (!/^[1-9]\d{9}$/.test(digits)) return null
  return digits
}
