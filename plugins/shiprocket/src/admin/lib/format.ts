/**
 * Pure helpers for the admin UI: labels and colours of states and stages, dates as the
 * merchant reads them (India), which actions apply to a shipment, the package form's
 * validation and the tracking webhook's URL. No React here, so they are easy to test.
 */
import type { PackageDefaults, Shipment, ShipmentEvent } from "./types"
import { plural, relativeTime, type BadgeColor } from "@fashion/plugin-kit/admin"

export { formatDateTime, plural, relativeTime, type BadgeColor } from "@fashion/plugin-kit/admin"

export type Tone = "green" | "orange" | "red" | "grey" | "blue"

// ---------------------------------------------------------------- dates

/**
 * An expected delivery date as Shiprocket gives it ("2025-06-12 18:00:00", an ISO time, or
 * a bare date) -> "Thu, 12 Jun 2025". Text it cannot read is shown as it is.
 */
export function formatEtd(etd: string | null | undefined): string {
  if (!etd) return "–"
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(etd.trim())
  if (!m) return etd
  // The calendar date as written (an ETD is an Indian date): noon UTC avoids a day shift in any time zone.
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12))
  if (Number.isNaN(d.getTime())) return etd
  return d.toLocaleDateString("en-IN", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
}

// ---------------------------------------------------------------- labels

export const KIND_LABEL: Record<string, string> = { forward: "Forward", return: "Return" }
export const PAYMENT_LABEL: Record<string, string> = { cod: "COD", prepaid: "Prepaid" }

export const STATE_LABEL: Record<string, string> = {
  pending: "Pending",
  booking: "Booking",
  booked: "Booked",
  failed: "Failed",
  cancelled: "Cancelled",
}

export const STATE_COLOR: Record<string, BadgeColor> = {
  pending: "orange",
  booking: "blue",
  booked: "green",
  failed: "red",
  cancelled: "grey",
}

export const STAGE_LABEL: Record<string, string> = {
  pickup_pending: "Pickup pending",
  picked_up: "Picked up",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  undelivered: "Undelivered",
  rto: "Returning to origin (RTO)",
  rto_delivered: "RTO delivered",
  cancelled: "Cancelled",
  lost: "Lost",
  exception: "Exception",
  unknown: "Unknown",
}

export const STAGE_COLOR: Record<string, BadgeColor> = {
  pickup_pending: "orange",
  picked_up: "blue",
  in_transit: "blue",
  out_for_delivery: "purple",
  delivered: "green",
  undelivered: "red",
  rto: "orange",
  rto_delivered: "grey",
  cancelled: "grey",
  lost: "red",
  exception: "red",
  unknown: "grey",
}

export const stageLabel = (stage: string | null | undefined) => (stage ? STAGE_LABEL[stage] ?? stage.replace(/_/g, " ") : "–")

export const EVENT_SOURCE_LABEL: Record<string, string> = { webhook: "webhook", poll: "tracking poll", booking: "booking" }

// ---------------------------------------------------------------- what applies to a shipment

/** Still on its way to Shiprocket: views poll while one is. */
export const isInFlight = (s: Pick<Shipment, "state">) => s.state === "pending" || s.state === "booking"
export const canRetry = (s: Pick<Shipment, "state">) => s.state === "failed"
/** Cancellable until the courier has it: the API answers 400 otherwise ("create a return instead"). */
export const canCancel = (s: Pick<Shipment, "state" | "stage">) =>
  (s.state === "pending" || s.state === "booking" || s.state === "booked") && (s.stage === "pickup_pending" || s.stage === "unknown")

/** The booking with Shiprocket, in one line. */
export function bookingSummary(
  s: Pick<Shipment, "state" | "attempts" | "next_attempt_at" | "awb" | "courier_name">,
  now = Date.now()
): { tone: Tone; label: string } {
  switch (s.state) {
    case "pending":
      if (s.attempts > 0)
        return {
          tone: "orange",
          label: `Retrying the booking: ${plural(s.attempts, "attempt")} failed, next ${relativeTime(s.next_attempt_at, now) || "soon"}`,
        }
      return { tone: "blue", label: `Waiting to be booked${s.next_attempt_at ? `, ${relativeTime(s.next_attempt_at, now)}` : ""}` }
    case "booking":
      return { tone: "blue", label: "Booking with Shiprocket…" }
    case "booked":
      return { tone: "green", label: s.awb ? `Booked: AWB ${s.awb}${s.courier_name ? ` with ${s.courier_name}` : ""}` : "Booked, waiting for an AWB" }
    case "failed":
      return { tone: "red", label: `Booking failed after ${plural(s.attempts, "attempt")}` }
    case "cancelled":
      return { tone: "grey", label: "Cancelled" }
    default:
      return { tone: "grey", label: String(s.state) }
  }
}

/** Newest first; events without a time keep their order, after the dated ones. */
export function sortEvents(events: ShipmentEvent[] | null | undefined): ShipmentEvent[] {
  const time = (e: ShipmentEvent) => {
    const t = e.at ? new Date(e.at).getTime() : Number.NaN
    return Number.isNaN(t) ? null : t
  }
  return (events ?? [])
    .map((e, i) => ({ e, i, t: time(e) }))
    .sort((a, b) => (a.t === null ? (b.t === null ? a.i - b.i : 1) : b.t === null ? -1 : b.t - a.t || b.i - a.i))
    .map((x) => x.e)
}

/** Only http(s) links from Shiprocket are rendered as links. */
export const safeUrl = (url: unknown): string | null => (typeof url === "string" && /^https?:\/\//i.test(url.trim()) ? url.trim() : null)

// ---------------------------------------------------------------- package defaults form

export type PackageField = keyof PackageDefaults
export type PackageForm = Record<PackageField, string>

/**
 * The form's fields with the API's limits: dimensions above 0.5 cm (Shiprocket refuses less),
 * an item's weight above 0 g; packaging may weigh 0 g (the API accepts 0).
 */
export const PACKAGE_FIELDS: { key: PackageField; label: string; unit: "cm" | "g"; hint: string; min: number; minInclusive: boolean; max: number }[] = [
  { key: "length_cm", label: "Length", unit: "cm", hint: "Longest side of the packed parcel", min: 0.5, minInclusive: false, max: 300 },
  { key: "breadth_cm", label: "Breadth", unit: "cm", hint: "", min: 0.5, minInclusive: false, max: 300 },
  { key: "height_cm", label: "Height", unit: "cm", hint: "", min: 0.5, minInclusive: false, max: 300 },
  { key: "default_item_grams", label: "Item weight", unit: "g", hint: "For an item whose variant has no weight", min: 0, minInclusive: false, max: 50_000 },
  { key: "packaging_grams", label: "Packaging weight", unit: "g", hint: "Added once per parcel", min: 0, minInclusive: true, max: 10_000 },
]

export const packageToForm = (p: Partial<PackageDefaults> | null | undefined): PackageForm => ({
  length_cm: p?.length_cm == null ? "" : String(p.length_cm),
  breadth_cm: p?.breadth_cm == null ? "" : String(p.breadth_cm),
  height_cm: p?.height_cm == null ? "" : String(p.height_cm),
  default_item_grams: p?.default_item_grams == null ? "" : String(p.default_item_grams),
  packaging_grams: p?.packaging_grams == null ? "" : String(p.packaging_grams),
})

/** "12", "12.5", " 12,5 " -> number; empty or anything else -> NaN. */
export function parseDecimal(text: string): number {
  const t = text.trim().replace(",", ".")
  if (!/^\d+(\.\d+)?$/.test(t) && !/^\.\d+$/.test(t)) return Number.NaN
  return Number(t)
}

/** Mirrors the API's validation (see PACKAGE_FIELDS for the limits). */
export function validatePackageForm(form: PackageForm): { values: PackageDefaults | null; errors: Partial<Record<PackageField, string>> } {
  const errors: Partial<Record<PackageField, string>> = {}
  const values = {} as PackageDefaults
  for (const f of PACKAGE_FIELDS) {
    const raw = form[f.key] ?? ""
    if (!raw.trim()) {
      errors[f.key] = "Required"
      continue
    }
    const n = parseDecimal(raw)
    if (Number.isNaN(n)) errors[f.key] = f.unit === "cm" ? "A number of centimetres, e.g. 30 or 2.5" : "A number of grams, e.g. 250"
    else if (f.minInclusive ? n < f.min : n <= f.min) errors[f.key] = `Must be ${f.minInclusive ? "at least" : "more than"} ${f.min} ${f.unit}`
    else if (n > f.max) errors[f.key] = `Must be at most ${f.max.toLocaleString("en-IN")} ${f.unit}`
    else values[f.key] = n
  }
  return { values: Object.keys(errors).length ? null : values, errors }
}

export const samePackage = (a: PackageDefaults | null, b: PackageDefaults | null | undefined) =>
  !!a && !!b && PACKAGE_FIELDS.every((f) => Number(a[f.key]) === Number(b[f.key]))

// ---------------------------------------------------------------- tracking webhook

/**
 * The webhook's absolute URL: the admin's backend (its base URL, resolved against the page's
 * origin, so "/" or "" means the backend serving this admin) followed by the webhook's path.
 */
export function webhookUrl(path: string, backendUrl: string | null | undefined, origin: string): string {
  let base: URL
  try {
    base = new URL(backendUrl || "/", origin)
  } catch {
    base = new URL(origin)
  }
  const prefix = `${base.origin}${base.pathname}`.replace(/\/+$/, "")
  return `${prefix}/${path.replace(/^\/+/, "")}`
}

/** Shiprocket's panel refuses a webhook URL containing any of these (case-insensitive). */
export const FORBIDDEN_WEBHOOK_WORDS = ["shiprocket", "kartrocket", "sr", "kr"]

export const forbiddenWebhookWords = (url: string): string[] => FORBIDDEN_WEBHOOK_WORDS.filter((w) => url.toLowerCase().includes(w))

/** "abcd…wxyz" for a secret shown on screen until revealed. */
export const maskSecret = (secret: string) => (secret.length <= 8 ? "•".repeat(secret.length) : `${secret.slice(0, 4)}${"•".repeat(8)}${secret.slice(-4)}`)

/** Shiprocket's pickup token already reads "Reference No: 225108837": label it once. */
export function pickupReference(token: string): string {
  const number = token.replace(/^\s*reference\s*no\.?\s*:?\s*/i, "").trim()
  return `reference ${number || token}`
}
