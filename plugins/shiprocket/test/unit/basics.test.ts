/** Pincodes, phones, states, money, weights, IST times and our order_id scheme. */
import {
  addDaysToIstDate,
  backoffDelayMs,
  formatFieldErrors,
  formatShiprocketTimestamp,
  indianStateName,
  isValidPincode,
  istDateString,
  normalizeFieldErrors,
  normalizeIndianPhone,
  normalizePincode,
  paiseToRupees,
  parseIstDateTime,
  parseShiprocketOrderId,
  parseShiprocketTimestamp,
  rateCacheKey,
  rupeesToPaise,
  shipmentWeightKg,
  shiprocketOrderId,
  SHIPROCKET_ORDER_ID_MAX,
  weightBandKg,
} from "../../src/core"

describe("pincodes", () => {
  test.each([
    ["110001", "110001"],
    [" 560 034 ", "560034"],
    [400001, "400001"],
    ["999999", "999999"],
  ])("%p is the pincode %p", (input, expected) => {
    expect(normalizePincode(input)).toBe(expected)
    expect(isValidPincode(input)).toBe(true)
  })
  test.each([["011000"], ["12345"], ["1234567"], ["11OO01"], ["110-001"], [""], [null], [undefined], [110001.5], [{}]])("%p is not a pincode", (input) => {
    expect(normalizePincode(input)).toBeNull()
    expect(isValidPincode(input)).toBe(false)
  })
})

describe("phones", () => {
  test.each([
    ["9822233344", "9822233344"],
    ["+91 98222 33344", "9822233344"],
    ["+91-98222-33344", "9822233344"],
    ["919822233344", "9822233344"],
    ["09822233344", "9822233344"],
    ["0091 9822233344", "9822233344"],
    ["022 2612 3456", "2226123456"],
  ])("%p -> %p", (input, expected) => expect(normalizeIndianPhone(input)).toBe(expected))
  test.each([["98222 3334"], ["+1 415 555 0100 1"], ["0000000000"], [""], [null]])("%p is refused", (input) => expect(normalizeIndianPhone(input)).toBeNull())
})

describe("states", () => {
  test.each([
    ["MH", "Maharashtra"],
    ["IN-MH", "Maharashtra"],
    ["maharashtra", "Maharashtra"],
    ["  Tamil   Nadu ", "Tamil Nadu"],
    ["TS", "Telangana"],
    ["TG", "Telangana"],
    ["Orissa", "Odisha"],
    ["OR", "Odisha"],
    ["Pondicherry", "Puducherry"],
    ["New Delhi", "Delhi"],
    ["DL", "Delhi"],
    ["Jammu & Kashmir", "Jammu and Kashmir"],
    ["Daman and Diu", "Dadra and Nagar Haveli and Daman and Diu"],
    ["Uttaranchal", "Uttarakhand"],
  ])("%p -> %p", (input, expected) => expect(indianStateName(input)).toBe(expected))
  test.each([["California"], ["XX"], [""], [null]])("%p is none of ours", (input) => expect(indianStateName(input)).toBeNull())
})

describe("money", () => {
  test("rupees to paise, including numeric strings and awkward floats", () => {
    expect(rupeesToPaise(110)).toBe(11000)
    expect(rupeesToPaise("123.45")).toBe(12345)
    expect(rupeesToPaise(0.1 + 0.2)).toBe(30)
    expect(rupeesToPaise(1.005)).toBe(101)
    expect(rupeesToPaise(0)).toBe(0)
    expect(() => rupeesToPaise(-1)).toThrow(RangeError)
    expect(() => rupeesToPaise("abc")).toThrow(RangeError)
    expect(() => rupeesToPaise("")).toThrow(RangeError)
    expect(() => rupeesToPaise(NaN)).toThrow(RangeError)
  })
  test("paise to rupees", () => {
    expect(paiseToRupees(149900)).toBe(1499)
    expect(paiseToRupees(12345)).toBe(123.45)
    expect(() => paiseToRupees(1.5)).toThrow(RangeError)
  })
})

describe("weights and rate cache keys", () => {
  test("sums variant grams, with a default for missing or nonsense weights", () => {
    expect(shipmentWeightKg([{ grams: 350, quantity: 2 }])).toBe(0.7)
    expect(shipmentWeightKg([{ grams: null, quantity: 1 }, { grams: 0, quantity: 1 }, { grams: -5, quantity: 1 }])).toBe(1.5)
    expect(shipmentWeightKg([{ grams: 200, quantity: 1 }], { defaultGrams: 300, packagingGrams: 50 })).toBe(0.25)
    expect(shipmentWeightKg([{ grams: 333.3, quantity: 1 }])).toBe(0.334)
    expect(shipmentWeightKg([])).toBe(0.5)
    expect(() => shipmentWeightKg([], { defaultGrams: 0 })).toThrow(RangeError)
  })
  test("weight bands are 0.5 kg slabs, never below one slab", () => {
    expect(weightBandKg(0.1)).toBe(0.5)
    expect(weightBandKg(0.5)).toBe(0.5)
    expect(weightBandKg(0.501)).toBe(1)
    expect(weightBandKg(0.1 + 0.2 + 0.2)).toBe(0.5)
    expect(weightBandKg(1.7)).toBe(2)
    expect(weightBandKg(1.2, 1)).toBe(2)
    expect(() => weightBandKg(0)).toThrow(RangeError)
  })
  test("one cache key per (pickup, delivery, band, cod)", () => {
    const k = (weightKg: number, cod = false) => rateCacheKey({ pickupPincode: "110030", deliveryPincode: "400001", weightKg, cod })
    expect(k(0.2)).toBe(k(0.5))
    expect(k(0.2)).not.toBe(k(0.6))
    expect(k(0.2)).not.toBe(k(0.2, true))
    expect(k(0.7)).toBe("sr:rates:110030:400001:1.000:0")
  })
})

describe("IST times", () => {
  test("the webhook's DD MM YYYY HH:mm:ss is IST (+05:30)", () => {
    expect(parseShiprocketTimestamp("23 05 2023 11:43:52")?.toISOString()).toBe("2023-05-23T06:13:52.000Z")
    expect(parseShiprocketTimestamp("01 01 2026 00:10:00")?.toISOString()).toBe("2025-12-31T18:40:00.000Z")
    expect(parseShiprocketTimestamp("31 02 2026 10:00:00")).toBeNull()
    expect(parseShiprocketTimestamp("2023-05-23 11:43:52")).toBeNull()
    expect(parseShiprocketTimestamp("garbage")).toBeNull()
  })
  test("the other shapes Shiprocket uses", () => {
    expect(parseIstDateTime("2023-05-19 11:59:16")?.toISOString()).toBe("2023-05-19T06:29:16.000Z")
    expect(parseIstDateTime("2026-11-27")?.toISOString()).toBe("2026-11-26T18:30:00.000Z")
    expect(parseIstDateTime("Nov 27, 2026")?.toISOString()).toBe("2026-11-26T18:30:00.000Z")
    expect(parseIstDateTime("2026-11-27T10:00:00Z")?.toISOString()).toBe("2026-11-27T10:00:00.000Z")
    expect(parseIstDateTime("Foo 27, 2026")).toBeNull()
    expect(parseIstDateTime("")).toBeNull()
    expect(parseIstDateTime(42)).toBeNull()
  })
  test("formats round-trip, and IST dates cross midnight before UTC does", () => {
    const at = new Date("2026-11-23T19:00:00Z") // 00:30 on the 24th in India
    expect(formatShiprocketTimestamp(at)).toBe("24 11 2026 00:30:00")
    expect(parseShiprocketTimestamp(formatShiprocketTimestamp(at))?.getTime()).toBe(at.getTime())
    expect(istDateString(at)).toBe("2026-11-24")
    expect(addDaysToIstDate("2026-12-30", 3)).toBe("2027-01-02")
  })
})

describe("our Shiprocket order_id", () => {
  test("<fulfillment id>-<attempt>, unique per attempt", () => {
    const id = "ful_01JD3XG8W2Q5Z9N7K4M6P1R0TY"
    expect(shiprocketOrderId(id, 1)).toBe(`${id}-1`)
    expect(shiprocketOrderId(id, 2)).toBe(`${id}-2`)
    expect(parseShiprocketOrderId(`${id}-12`)).toEqual({ baseId: id, attempt: 12 })
    expect(parseShiprocketOrderId("no-attempt-x")).toBeNull()
    expect(() => shiprocketOrderId(id, 0)).toThrow(RangeError)
    expect(() => shiprocketOrderId("", 1)).toThrow(RangeError)
  })
  test("long or odd ids are shortened with a hash: <= 50 characters, still distinct", () => {
    const long = "ret_" + "x".repeat(80)
    const other = "ret_" + "x".repeat(79) + "y"
    const a = shiprocketOrderId(long, 3)
    const b = shiprocketOrderId(other, 3)
    expect(a.length).toBeLessThanOrEqual(SHIPROCKET_ORDER_ID_MAX)
    expect(a).toMatch(/^[A-Za-z0-9_-]+-3$/)
    expect(a).not.toBe(b)
    expect(shiprocketOrderId(long, 4)).not.toBe(a)
    const odd = shiprocketOrderId("order #1042/Surat", 1)
    expect(odd).toMatch(/^order-1042-Surat-[0-9a-f]{10}-1$/)
    expect(shiprocketOrderId("order #1042/Surat!", 1)).not.toBe(odd)
    const huge = shiprocketOrderId("z".repeat(200), 99999)
    expect(huge.length).toBeLessThanOrEqual(SHIPROCKET_ORDER_ID_MAX)
  })
})

describe("field errors and backoff", () => {
  test("422 errors read as a sentence", () => {
    const errors = normalizeFieldErrors({ billing_pincode: ["The billing pincode must be 6 digits."], billing_phone: "The billing phone must be 10 digits.", junk: [1, null] })
    expect(errors).toEqual({ billing_pincode: ["The billing pincode must be 6 digits."], billing_phone: ["The billing phone must be 10 digits."] })
    expect(formatFieldErrors(errors)).toBe("billing_pincode: The billing pincode must be 6 digits; billing_phone: The billing phone must be 10 digits")
    expect(normalizeFieldErrors(null)).toEqual({})
  })
  test("backoff doubles, is capped, and stays between half and all of the cap", () => {
    const policy = { baseMs: 100, maxMs: 1000 }
    expect(backoffDelayMs(1, policy, () => 0)).toBe(50)
    expect(backoffDelayMs(1, policy, () => 1)).toBe(100)
    expect(backoffDelayMs(3, policy, () => 1)).toBe(400)
    expect(backoffDelayMs(10, policy, () => 0)).toBe(500)
    expect(backoffDelayMs(10, policy, () => 1)).toBe(1000)
    expect(() => backoffDelayMs(0, policy)).toThrow(RangeError)
  })
})
