/**
 * Shiprocket's validation answers (HTTP 422) look like Laravel's:
 * `{message, errors: {billing_pincode: ["The billing pincode must be 6 digits."]}, status_code: 422}`.
 * A merchant should read them as a sentence, not as JSON.
 */

export type FieldErrors = Record<string, string[]>

/** Keeps only string messages; accepts `{field: "msg"}` as well as `{field: ["msg", ...]}`. */
export function normalizeFieldErrors(errors: unknown): FieldErrors {
  const out: FieldErrors = {}
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return out
  for (const [field, value] of Object.entries(errors as Record<string, unknown>)) {
    const list = (Array.isArray(value) ? value : [value]).filter((m): m is string => typeof m === "string" && m.trim() !== "").map((m) => m.trim())
    if (list.length) out[field] = list
  }
  return out
}

/** {billing_pincode: ["The billing pincode must be 6 digits."]} -> "billing_pincode: The billing pincode must be 6 digits" */
export function formatFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, messages]) => `${field}: ${messages.map((m) => m.replace(/\.+$/, "")).join(", ")}`)
    .join("; ")
}

export function addFieldError(errors: FieldErrors, field: string, message: string): void {
  ;(errors[field] ??= []).push(message)
}
