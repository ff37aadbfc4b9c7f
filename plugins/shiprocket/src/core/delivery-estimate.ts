/**
 * What the shopper is told about a pincode: can it be delivered, can they pay cash, by
 * when, from the prepaid and COD courier choices. Pure.
 */
import type { CourierChoice, CourierOption } from "./courier-choice"

export type PaymentAvailability = { available: boolean; etd: string | null; estimated_days: number | null; reason: string | null }

export type DeliveryEstimate = {
  pincode: string
  serviceable: boolean
  prepaid: PaymentAvailability
  cod: PaymentAvailability
  /** The options checkout offers: the cheapest and, when different, the fastest courier. */
  options: { kind: "cheapest" | "fastest"; /** null when several parcels travel with different couriers */ courier_id: number | null; courier_name: string; rate: number; etd: string | null; estimated_days: number | null }[]
}

const offer = (o: CourierOption | null, reason: string): PaymentAvailability =>
  o ? { available: true, etd: o.etd, estimated_days: o.estimatedDays, reason: null } : { available: false, etd: null, estimated_days: null, reason }

export function deliveryEstimate(pincode: string, prepaid: CourierChoice | null, cod: CourierChoice | null): DeliveryEstimate {
  const fastestPrepaid = prepaid?.fastest ?? null
  const fastestCod = cod?.fastest ?? null
  const serviceable = Boolean(prepaid?.cheapest || cod?.cheapest)
  const options: DeliveryEstimate["options"] = []
  const add = (kind: "cheapest" | "fastest", o: CourierOption | null) => {
    if (o) options.push({ kind, courier_id: o.courierId, courier_name: o.courierName, rate: o.ratePaise, etd: o.etd, estimated_days: o.estimatedDays })
  }
  add("cheapest", prepaid?.cheapest ?? null)
  if (prepaid && !prepaid.sameCourier) add("fastest", prepaid.fastest)
  return {
    pincode,
    serviceable,
    prepaid: offer(fastestPrepaid, "no courier delivers to this pincode"),
    cod: offer(fastestCod, serviceable ? "couriers to this pincode do not collect cash on delivery" : "no courier delivers to this pincode"),
    options,
  }
}

const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : null)

function mergeAvailability(list: PaymentAvailability[]): PaymentAvailability {
  return list.reduce((acc, p) => ({
    available: acc.available && p.available,
    etd: later(acc.etd, p.etd),
    estimated_days: acc.estimated_days !== null && p.estimated_days !== null ? Math.max(acc.estimated_days, p.estimated_days) : null,
    reason: acc.reason ?? p.reason,
  }))
}

/**
 * Items from several suppliers travel as several parcels: the pincode is served only if
 * every parcel can reach it, by the latest date, and the shipping costs add up.
 */
export function combineEstimates(estimates: DeliveryEstimate[]): DeliveryEstimate {
  if (estimates.length === 1) return estimates[0]
  const cheapest = estimates.map((e) => e.options.find((o) => o.kind === "cheapest") ?? null)
  const all = cheapest.every((o): o is NonNullable<typeof o> => o !== null)
  return {
    pincode: estimates[0].pincode,
    serviceable: estimates.every((e) => e.serviceable),
    prepaid: mergeAvailability(estimates.map((e) => e.prepaid)),
    cod: mergeAvailability(estimates.map((e) => e.cod)),
    options: all
      ? [
          {
            kind: "cheapest",
            courier_id: null,
            courier_name: cheapest.map((o) => o!.courier_name).join(" + "),
            rate: cheapest.reduce((n, o) => n + o!.rate, 0),
            etd: cheapest.map((o) => o!.etd).reduce((a, b) => later(a, b)),
            estimated_days: null,
          },
        ]
      : [],
  }
}
