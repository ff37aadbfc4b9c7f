import { chooseCouriers, combineEstimates, deliveryEstimate } from "../../src/core"

const courier = (id: number, name: string, rate: number, days: number, cod = 1) => ({ courier_company_id: id, courier_name: name, rate, freight_charge: rate, cod_charges: 30, estimated_delivery_days: String(days), etd: "", cod, rating: 4 })
const now = new Date("2026-11-23T06:00:00Z")

test("cheapest and fastest are offered; COD follows the COD-capable couriers", () => {
  const list = [courier(1, "DTDC", 60, 6, 0), courier(2, "Delhivery", 80, 4), courier(3, "Blue Dart", 150, 2)]
  const e = deliveryEstimate("110001", chooseCouriers(list, { cod: false, now }), chooseCouriers(list, { cod: true, now }))
  expect(e.serviceable).toBe(true)
  expect(e.options.map((o) => [o.kind, o.courier_name, o.rate])).toEqual([["cheapest", "DTDC", 6000], ["fastest", "Blue Dart", 15000]])
  expect(e.cod).toMatchObject({ available: true, estimated_days: 2, reason: null })
})

test("no COD courier: COD refused with a reason the shopper understands; nothing deliverable: both refused", () => {
  const prepaidOnly = [courier(1, "DTDC", 60, 6, 0)]
  const e = deliveryEstimate("791001", chooseCouriers(prepaidOnly, { cod: false, now }), chooseCouriers(prepaidOnly, { cod: true, now }))
  expect(e.cod).toEqual({ available: false, etd: null, estimated_days: null, reason: "couriers to this pincode do not collect cash on delivery" })
  expect(e.options).toHaveLength(1) // cheapest and fastest are the same courier
  const none = deliveryEstimate("560999", null, null)
  expect(none).toMatchObject({ serviceable: false, options: [], prepaid: { available: false, reason: "no courier delivers to this pincode" } })
})

test("two parcels: served only if both are, by the later date, with the rates added", () => {
  const a = deliveryEstimate("400001", chooseCouriers([courier(1, "DTDC", 60, 3)], { cod: false, now }), chooseCouriers([courier(1, "DTDC", 60, 3)], { cod: true, now }))
  const b = deliveryEstimate("400001", chooseCouriers([courier(2, "Xpressbees", 70, 5, 0)], { cod: false, now }), chooseCouriers([courier(2, "Xpressbees", 70, 5, 0)], { cod: true, now }))
  const both = combineEstimates([a, b])
  expect(both.serviceable).toBe(true)
  expect(both.prepaid).toMatchObject({ available: true, estimated_days: 5, etd: b.prepaid.etd })
  expect(both.cod.available).toBe(false)
  expect(both.options).toEqual([expect.objectContaining({ courier_name: "DTDC + Xpressbees", rate: 13000 })])
  expect(combineEstimates([a, deliveryEstimate("400001", null, null)]).serviceable).toBe(false)
})
