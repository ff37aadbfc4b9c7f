/** Money, dates and labels as the merchant reads them. Amounts are integers in minor units (paise, cents). */

export { formatDateTime, relativeTime } from "@fashion/plugin-kit/admin"

const LOCALE_BY_CURRENCY: Record<string, string> = { inr: "en-IN", usd: "en-US" }

export function formatMoney(minor: number | null | undefined, currencyCode = "inr"): string {
  if (minor === null || minor === undefined || Number.isNaN(minor)) return "–"
  const code = (currencyCode || "inr").toUpperCase()
  try {
    return new Intl.NumberFormat(LOCALE_BY_CURRENCY[code.toLowerCase()] ?? "en-IN", { style: "currency", currency: code }).format(minor / 100)
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`
  }
}

/** "1,299.50" or "1299.5" -> 129950; empty -> null; anything else -> NaN. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[,\s₹$]/g, "")
  if (!cleaned) return null
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN
  const [whole, fraction = ""] = cleaned.split(".")
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"))
}

/** 129950 -> "1299.50" (for an input's value). */
export function minorToInput(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return ""
  return (minor / 100).toFixed(2)
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "–"
  if (hours < 1) return `${Math.round(hours * 60)} min`
  if (hours >= 48) return `${(hours / 24).toFixed(1)} d`
  return `${hours.toFixed(1)} h`
}

export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return "–"
  return `${Math.round(rate * 1000) / 10}%`
}

export const INTEGRATION_LABEL: Record<string, string> = {
  api: "API webhook",
  email: "Email purchase order",
  whatsapp: "WhatsApp",
  manual: "Manual (admin queue)",
}

export const STATUS_LABEL: Record<string, string> = {
  pending: "Pending",
  sent: "Sent",
  accepted: "Accepted",
  rejected: "Rejected",
  shipped: "Shipped",
  failed: "Failed",
  cancelled: "Cancelled",
}

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const STATUS_COLOR: Record<string, BadgeColor> = {
  pending: "orange",
  sent: "blue",
  accepted: "purple",
  rejected: "red",
  shipped: "green",
  failed: "red",
  cancelled: "grey",
  // outbox messages
  delivered: "green",
  withdrawn: "grey",
}

/** A history event's detail, as short "key: value" text. */
export function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return ""
  if (typeof detail === "string") return detail
  if (typeof detail !== "object") return String(detail)
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k.replace(/_/g, " ")}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ")
}
