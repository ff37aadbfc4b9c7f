/**
 * Picking what to offer at checkout from `GET /courier/serviceability/`: the cheapest and
 * the fastest courier, in paise, with a delivery date. Couriers that cannot collect cash
 * are dropped when the shopper pays on delivery (Shiprocket marks them `cod: 0`, and may
 * list them even when asked with cod=1). Fields arrive as numbers or numeric strings, and
 * sometimes not at all: every one is read defensively.
 */
import { addDaysToIstDate, istDateString, parseIstDateTime } from "./ist-time"
import { rupeesToPaise } from "./money"

export type CourierOption = {
  courierId: number
  courierName: string
  /** `rate` in paise: what Shiprocket charges us for this shipment */
  ratePaise: number
  freightPaise: number | null
  codChargesPaise: number | null
  /** can collect cash on delivery */
  cod: boolean
  /** `estimated_delivery_days`, or days until etd */
  estimatedDays: number | null
  /** expected delivery date, IST calendar date "YYYY-MM-DD" */
  etd: string | null
  rating: number | null
  isSurface: boolean | null
}

export type CourierChoice = {
  /** usable options, cheapest first */
  options: CourierOption[]
  cheapest: CourierOption | null
  fastest: CourierOption | null
  /** Shiprocket's recommendation when it is among the usable options */
  recommended: CourierOption | null
  /** cheapest and fastest are the same courier: offer one option */
  sameCourier: boolean
}

function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v)
  return null
}

function paiseOrNull(v: unknown): number | null {
  const n = num(v)
  return n !== null && n >= 0 ? rupeesToPaise(n) : null
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** One `available_courier_companies[]` entry, or null when it has no id or no usable rate or is blocked. */
export function normalizeCourier(raw: unknown, now: Date = new Date()): CourierOption | null {
  if (!raw || typeof raw !== "object") return null
  const c = raw as Record<string, unknown>
  const courierId = num(c.courier_company_id)
  const ratePaise = paiseOrNull(c.rate)
  if (courierId === null || ratePaise === null) return null
  if (num(c.blocked) === 1) return null
  const today = istDateString(now)
  const etdDate = parseIstDateTime(c.etd)
  let etd = etdDate ? istDateString(etdDate) : null
  let estimatedDays = num(c.estimated_delivery_days)
  if (estimatedDays !== null && (estimatedDays < 0 || !Number.isFinite(estimatedDays))) estimatedDays = null
  if (estimatedDays === null && etd) estimatedDays = Math.max(0, daysBetween(today, etd))
  if (!etd && estimatedDays !== null) etd = addDaysToIstDate(today, Math.ceil(estimatedDays))
  const surface = num(c.is_surface)
  return {
    courierId,
    courierName: typeof c.courier_name === "string" && c.courier_name.trim() ? c.courier_name.trim() : `Courier ${courierId}`,
    ratePaise,
    freightPaise: paiseOrNull(c.freight_charge),
    codChargesPaise: paiseOrNull(c.cod_charges),
    cod: num(c.cod) === 1 || c.cod === true,
    estimatedDays,
    etd,
    rating: num(c.rating),
    isSurface: surface === null ? (typeof c.is_surface === "boolean" ? c.is_surface : null) : surface === 1,
  }
}

const byPrice = (a: CourierOption, b: CourierOption) =>
  a.ratePaise - b.ratePaise || (a.estimatedDays ?? Infinity) - (b.estimatedDays ?? Infinity) || (b.rating ?? 0) - (a.rating ?? 0) || a.courierId - b.courierId

const bySpeed = (a: CourierOption, b: CourierOption) =>
  (a.estimatedDays ?? Infinity) - (b.estimatedDays ?? Infinity) || a.ratePaise - b.ratePaise || (b.rating ?? 0) - (a.rating ?? 0) || a.courierId - b.courierId

/**
 * @param companies `data.available_courier_companies` as Shiprocket sent it
 * @param cod the shopper pays on delivery: only COD-capable couriers count
 */
export function chooseCouriers(
  companies: unknown,
  { cod, recommendedCourierId, now = new Date() }: { cod: boolean; recommendedCourierId?: unknown; now?: Date }
): CourierChoice {
  const list = Array.isArray(companies) ? companies : []
  const options = list
    .map((c) => normalizeCourier(c, now))
    .filter((c): c is CourierOption => c !== null && (!cod || c.cod))
    .sort(byPrice)
  const cheapest = options[0] ?? null
  const withDays = options.filter((o) => o.estimatedDays !== null)
  const fastest = withDays.length ? [...withDays].sort(bySpeed)[0] : cheapest
  const recId = num(recommendedCourierId)
  const recommended = recId === null ? null : (options.find((o) => o.courierId === recId) ?? null)
  return { options, cheapest, fastest, recommended, sameCourier: !!cheapest && !!fastest && cheapest.courierId === fastest.courierId }
}
