/** Cheapest and fastest couriers from serviceability, COD-aware, in paise with a delivery date. */
import { chooseCouriers, normalizeCourier } from "../../src/core"

const NOW = new Date("2026-11-23T06:00:00Z") // 11:30 IST

const company = (over: Record<string, unknown>) => ({
  courier_company_id: 1,
  courier_name: "X",
  rate: 100,
  freight_charge: 70,
  cod_charges: 30,
  cod: 1,
  etd: "Nov 27, 2026",
  estimated_delivery_days: "4",
  rating: 4,
  is_surface: true,
  blocked: 0,
  ...over,
})

const LIST = [
  company({ courier_company_id: 51, courier_name: "Xpressbees Surface", rate: 110, estimated_delivery_days: "4", etd: "Nov 27, 2026" }),
  company({ courier_company_id: 6, courier_name: "DTDC Surface", rate: "95.50", cod: 0, estimated_delivery_days: "5", etd: "Nov 28, 2026" }),
  company({ courier_company_id: 1, courier_name: "Blue Dart Air", rate: 190, estimated_delivery_days: "2", etd: "Nov 25, 2026", rating: 4.7, is_surface: false }),
  company({ courier_company_id: 10, courier_name: "Delhivery Air", rate: 150, estimated_delivery_days: "2", etd: "Nov 25, 2026", rating: 4.4 }),
]

test("prepaid: the cheapest may be a courier without COD; the fastest ties go to the cheaper", () => {
  const c = chooseCouriers(LIST, { cod: false, recommendedCourierId: 51, now: NOW })
  expect(c.cheapest).toMatchObject({ courierId: 6, ratePaise: 9550, cod: false, estimatedDays: 5, etd: "2026-11-28" })
  expect(c.fastest).toMatchObject({ courierId: 10, ratePaise: 15000, estimatedDays: 2, etd: "2026-11-25" })
  expect(c.recommended?.courierId).toBe(51)
  expect(c.sameCourier).toBe(false)
  expect(c.options.map((o) => o.courierId)).toEqual([6, 51, 10, 1])
})

test("COD: couriers that cannot collect cash are ignored", () => {
  const c = chooseCouriers(LIST, { cod: true, recommendedCourierId: 6, now: NOW })
  expect(c.cheapest?.courierId).toBe(51)
  expect(c.options.some((o) => o.courierId === 6)).toBe(false)
  expect(c.recommended).toBeNull()
})

test("COD to a prepaid-only pincode: nothing to offer", () => {
  const c = chooseCouriers(LIST.map((x) => ({ ...x, cod: 0 })), { cod: true, now: NOW })
  expect(c).toEqual({ options: [], cheapest: null, fastest: null, recommended: null, sameCourier: false })
})

test("one courier is both cheapest and fastest", () => {
  const c = chooseCouriers([company({ courier_company_id: 7, rate: 50, estimated_delivery_days: 1 }), company({ courier_company_id: 8, rate: 60, estimated_delivery_days: 3 })], { cod: false, now: NOW })
  expect(c.sameCourier).toBe(true)
  expect(c.fastest?.courierId).toBe(7)
})

test("fills etd from days and days from etd; drops blocked and unpriced entries; survives junk", () => {
  expect(normalizeCourier(company({ etd: undefined, estimated_delivery_days: 3 }), NOW)).toMatchObject({ etd: "2026-11-26", estimatedDays: 3 })
  expect(normalizeCourier(company({ estimated_delivery_days: undefined, etd: "2026-11-29 18:00:00" }), NOW)).toMatchObject({ etd: "2026-11-29", estimatedDays: 6 })
  expect(normalizeCourier(company({ estimated_delivery_days: undefined, etd: "soon" }), NOW)).toMatchObject({ etd: null, estimatedDays: null })
  expect(normalizeCourier(company({ blocked: 1 }), NOW)).toBeNull()
  expect(normalizeCourier(company({ rate: "free" }), NOW)).toBeNull()
  expect(normalizeCourier(company({ courier_company_id: undefined }), NOW)).toBeNull()
  expect(normalizeCourier(company({ courier_name: "" }), NOW)?.courierName).toBe("Courier 1")
  expect(chooseCouriers("nope", { cod: false }).options).toEqual([])
  expect(chooseCouriers([null, 1, "x", company({})], { cod: false, now: NOW }).options).toHaveLength(1)
  // Unknown speeds: the fastest falls back to the cheapest.
  const c = chooseCouriers([company({ estimated_delivery_days: undefined, etd: undefined })], { cod: false, now: NOW })
  expect(c.fastest).toBe(c.cheapest)
})
