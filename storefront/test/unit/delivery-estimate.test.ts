import {
  arrivalPhrase,
  codAvailability,
  DATES_UNAVAILABLE,
  datesUnavailableNote,
  formatDeliveryDate,
  normalisePincode,
  optionArrival,
  pincodeCheck,
  pincodeError,
  shiprocketKind,
  shopperMessage,
  type Availability,
  type Estimate,
  type ServiceabilityAnswer,
} from "@/lib/core/delivery-estimate"

const way = (overrides: Partial<Availability> = {}): Availability => ({ available: true, etd: "2025-12-02", estimated_days: 3, reason: null, ...overrides })

function estimate(overrides: Partial<Estimate> = {}): Estimate {
  return {
    pincode: "395003",
    serviceable: true,
    prepaid: way(),
    cod: way({ etd: "2025-12-03", estimated_days: 4 }),
    options: [
      { kind: "cheapest", courier_name: "Xpressbees Surface", rate: 6200, etd: "2025-12-04", estimated_days: 5 },
      { kind: "fastest", courier_name: "Blue Dart Air", rate: 11800, etd: "2025-12-02", estimated_days: 3 },
    ],
    ...overrides,
  }
}

const answer = (e: Estimate | null, message: string | null = null): ServiceabilityAnswer => ({ configured: true, pincode: e?.pincode ?? "395003", estimate: e, message })
const cheapest = { provider_id: "shiprocket", data: { id: "shiprocket-cheapest" } }
const fastest = { provider_id: "shiprocket", data: { id: "shiprocket-fastest" } }
const flatRate = { provider_id: "manual", data: {} }

describe("pincodes", () => {
  it.each([
    ["560001", "560001"],
    [" 560 001 ", "560001"],
    ["110999", "110999"],
  ])("%j is the pincode %s", (input, expected) => {
    expect(normalisePincode(input)).toBe(expected)
    expect(pincodeError(input)).toBeNull()
  })

  it.each([
    ["", "Enter your 6-digit pincode"],
    ["   ", "Enter your 6-digit pincode"],
    ["56000", "A pincode has 6 digits, like 560001"],
    ["5600011", "A pincode has 6 digits, like 560001"],
    ["56000a", "A pincode has digits only, like 560001"],
    ["560-001", "A pincode has digits only, like 560001"],
    ["060001", "A pincode does not start with 0"],
  ])("%j is refused: %s", (input, message) => {
    expect(normalisePincode(input)).toBeNull()
    expect(pincodeError(input)).toBe(message)
  })

  it("nothing is no pincode", () => {
    expect(normalisePincode(null)).toBeNull()
    expect(normalisePincode(undefined)).toBeNull()
  })
})

describe("delivery dates", () => {
  it.each([
    ["2025-12-02", "Tue, 2 Dec"],
    ["2026-01-01", "Thu, 1 Jan"],
    ["2024-02-29", "Thu, 29 Feb"],
  ])("%s reads %s", (etd, text) => {
    expect(formatDeliveryDate(etd)).toBe(text)
  })

  it("is a calendar day: the server's time zone never moves it", () => {
    const tz = process.env.TZ
    try {
      for (const zone of ["America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"]) {
        process.env.TZ = zone
        expect(formatDeliveryDate("2025-12-02")).toBe("Tue, 2 Dec")
      }
    } finally {
      process.env.TZ = tz
    }
  })

  it.each([null, undefined, "", "2025-02-30", "2025-13-01", "02-12-2025", "2025-12-02T10:00:00Z", "Nov 27, 2026"])("%j is no date", (etd) => {
    expect(formatDeliveryDate(etd)).toBeNull()
  })

  it("says 'by' a date, else 'in' a range of days, else nothing", () => {
    expect(arrivalPhrase({ etd: "2025-12-02", estimated_days: 3 })).toBe("by Tue, 2 Dec")
    expect(arrivalPhrase({ etd: null, estimated_days: 3 })).toBe("in 3–4 days")
    expect(arrivalPhrase({ etd: "soon", estimated_days: 2.4 })).toBe("in 2–3 days")
    expect(arrivalPhrase({ etd: null, estimated_days: 0 })).toBe("in 1–2 days")
    expect(arrivalPhrase({ etd: null, estimated_days: null })).toBeNull()
    expect(arrivalPhrase({ etd: null, estimated_days: -1 })).toBeNull()
    expect(arrivalPhrase({ etd: null, estimated_days: Number.NaN })).toBeNull()
  })
})

describe("checkout's delivery options", () => {
  it("knows the Shiprocket options by data.id", () => {
    expect(shiprocketKind(cheapest)).toBe("cheapest")
    expect(shiprocketKind(fastest)).toBe("fastest")
    expect(shiprocketKind({ data: { id: "shiprocket-fastest" } })).toBe("fastest")
    expect(shiprocketKind(flatRate)).toBeNull()
    expect(shiprocketKind({ provider_id: "shiprocket", data: { id: "shiprocket-other" } })).toBeNull()
    expect(shiprocketKind({ provider_id: "manual", data: { id: "shiprocket-cheapest" } })).toBeNull()
    expect(shiprocketKind({})).toBeNull()
  })

  it("shows each Shiprocket option's own date: cheapest to cheapest, fastest to fastest", () => {
    expect(optionArrival(cheapest, answer(estimate()))).toBe("Arrives by Thu, 4 Dec")
    expect(optionArrival(fastest, answer(estimate()))).toBe("Arrives by Tue, 2 Dec")
  })

  it("falls back to a number of days, and shows nothing it does not know", () => {
    const days = estimate({ options: [{ kind: "cheapest", courier_name: "DTDC Surface", rate: 5000, etd: null, estimated_days: 3 }] })
    expect(optionArrival(cheapest, answer(days))).toBe("Arrives in 3–4 days")
    // One courier is both cheapest and fastest: there is no fastest entry.
    expect(optionArrival(fastest, answer(days))).toBeNull()
    expect(optionArrival(flatRate, answer(estimate()))).toBeNull()
    expect(optionArrival(cheapest, answer(null, DATES_UNAVAILABLE))).toBeNull()
    expect(optionArrival(cheapest, null)).toBeNull()
    expect(optionArrival(cheapest, answer(estimate({ serviceable: false })))).toBeNull()
  })

  it("says discreetly when dates are unavailable, in the shopper's words", () => {
    expect(datesUnavailableNote(answer(null, "Delivery dates are unavailable right now"))).toBe("Delivery dates are unavailable right now")
    expect(datesUnavailableNote({ configured: false, pincode: "395003", estimate: null, message: "Delivery dates are unavailable: Shiprocket is not configured" })).toBe("Delivery dates are unavailable")
    expect(datesUnavailableNote(answer(null))).toBe(DATES_UNAVAILABLE)
    // The store did not answer at all.
    expect(datesUnavailableNote(null)).toBe(DATES_UNAVAILABLE)
    expect(datesUnavailableNote(answer(estimate()))).toBeNull()
    expect(datesUnavailableNote(answer(estimate({ serviceable: false, options: [] })))).toBeNull()
  })

  it("keeps the store's message, without the merchant's part or a full stop", () => {
    expect(shopperMessage("Delivery dates are unavailable: no pickup pincode is known for these items")).toBe("Delivery dates are unavailable")
    expect(shopperMessage("Delivery dates are unavailable right now.")).toBe("Delivery dates are unavailable right now")
    expect(shopperMessage("  ")).toBe(DATES_UNAVAILABLE)
    expect(shopperMessage(null)).toBe(DATES_UNAVAILABLE)
  })
})

describe("cash on delivery at the payment step", () => {
  it("is available for the pincode", () => {
    expect(codAvailability(answer(estimate()))).toEqual({ available: true, text: "Available for pincode 395003" })
  })

  it("is not, with the couriers' reason", () => {
    const prepaidOnly = estimate({ pincode: "791001", cod: way({ available: false, etd: null, estimated_days: null, reason: "couriers to this pincode do not collect cash on delivery" }) })
    expect(codAvailability(answer(prepaidOnly))).toEqual({ available: false, text: "Couriers to this pincode do not collect cash on delivery (791001)" })
    const noReason = estimate({ cod: way({ available: false, reason: null }) })
    expect(codAvailability(answer(noReason))).toEqual({ available: false, text: "Not available for pincode 395003" })
  })

  it("is unknown when Shiprocket is off or down, so the payment step keeps its own rules", () => {
    expect(codAvailability(answer(null, DATES_UNAVAILABLE))).toBeNull()
    expect(codAvailability(null)).toBeNull()
  })
})

describe("the product page's delivery check", () => {
  it("gives the earliest date and says cash on delivery is available", () => {
    expect(pincodeCheck(answer(estimate()))).toEqual({
      status: "serviceable",
      pincode: "395003",
      delivery: "Delivery by Tue, 2 Dec",
      cod: true,
      codText: "Cash on delivery available",
    })
    const codSooner = estimate({ prepaid: way({ etd: "2025-12-05" }), cod: way({ etd: "2025-12-03" }) })
    expect(pincodeCheck(answer(codSooner))).toMatchObject({ delivery: "Delivery by Wed, 3 Dec" })
  })

  it("says when cash on delivery is not available, with the prepaid date", () => {
    const prepaidOnly = estimate({ pincode: "791001", cod: way({ available: false, etd: null, estimated_days: null, reason: "couriers to this pincode do not collect cash on delivery" }) })
    expect(pincodeCheck(answer(prepaidOnly))).toEqual({
      status: "serviceable",
      pincode: "791001",
      delivery: "Delivery by Tue, 2 Dec",
      cod: false,
      codText: "Cash on delivery not available",
    })
  })

  it("counts days when there is no date, and still says it delivers when there is neither", () => {
    const days = estimate({ prepaid: way({ etd: null, estimated_days: 5 }), cod: way({ etd: null, estimated_days: 4 }) })
    expect(pincodeCheck(answer(days))).toMatchObject({ delivery: "Delivery in 4–5 days" })
    const vague = estimate({ prepaid: way({ etd: null, estimated_days: null }), cod: way({ etd: null, estimated_days: null }) })
    expect(pincodeCheck(answer(vague))).toMatchObject({ status: "serviceable", delivery: "We deliver to 395003" })
  })

  it("a pincode no courier reaches is not delivered to yet", () => {
    const nowhere = estimate({
      pincode: "560999",
      serviceable: false,
      prepaid: way({ available: false, etd: null, estimated_days: null, reason: "no courier delivers to this pincode" }),
      cod: way({ available: false, etd: null, estimated_days: null, reason: "no courier delivers to this pincode" }),
      options: [],
    })
    expect(pincodeCheck(answer(nowhere))).toEqual({ status: "unserviceable", pincode: "560999", delivery: "We do not deliver to 560999 yet" })
  })

  it("passes on 'dates unavailable' when Shiprocket is off or down", () => {
    expect(pincodeCheck({ configured: true, pincode: "395003", estimate: null, message: "Delivery dates are unavailable right now" })).toEqual({
      status: "unknown",
      pincode: "395003",
      delivery: "Delivery dates are unavailable right now",
    })
    expect(pincodeCheck({ configured: false, pincode: "395003", estimate: null, message: "Delivery dates are unavailable: Shiprocket is not configured" })).toMatchObject({
      status: "unknown",
      delivery: "Delivery dates are unavailable",
    })
  })
})
