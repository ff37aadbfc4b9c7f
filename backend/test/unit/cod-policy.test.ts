import {
  CodConfigError,
  COD_REASONS,
  DEFAULT_COD_CONFIG,
  codConfigFromEnv,
  describeCodConfig,
  evaluateCod,
  formatRupees,
  normalizePincode,
  parseBlockedPincodes,
} from "../../src/core/cod-policy"
import { configuredPaymentProviders } from "../../src/seed/seed-store"

const ok = { currency_code: "inr", country_code: "in", pincode: "400001", total: 149900 }

describe("evaluateCod", () => {
  it("allows an ordinary Indian order and returns the session data shape", () => {
    expect(evaluateCod(ok)).toEqual({ available: true, reason: null, pincode: "400001", max_order_amount: 2000000 })
  })

  it("is for rupee orders only", () => {
    const d = evaluateCod({ ...ok, currency_code: "usd" })
    expect(d).toMatchObject({ available: false, reason: COD_REASONS.currency })
    expect(evaluateCod({ ...ok, currency_code: "INR" }).available).toBe(true)
  })

  it("is for deliveries within India only", () => {
    expect(evaluateCod({ ...ok, country_code: "us" })).toMatchObject({ available: false, reason: COD_REASONS.country })
  })

  it.each(["", null, undefined])("asks for an address when the pincode is missing (%p)", (pincode) => {
    expect(evaluateCod({ ...ok, pincode })).toEqual({ available: false, reason: COD_REASONS.missingPincode, pincode: null, max_order_amount: 2000000 })
  })

  it.each(["40001", "4000011", "040001", "4000a1", "ABCDEF"])("refuses the invalid pincode %p", (pincode) => {
    const d = evaluateCod({ ...ok, pincode })
    expect(d.available).toBe(false)
    expect(d.reason).toBe("Enter a valid 6-digit pincode")
  })

  it("accepts a pincode typed with a space or dash, and reports it compact", () => {
    expect(evaluateCod({ ...ok, pincode: " 400 001 " })).toMatchObject({ available: true, pincode: "400001" })
    expect(evaluateCod({ ...ok, pincode: "400-001" })).toMatchObject({ available: true, pincode: "400001" })
  })

  it.each([
    ["744101", "Andaman & Nicobar Islands"],
    ["682555", "Lakshadweep"],
    ["900056", "Army Postal Service"],
    ["999000", "Army Postal Service"],
  ])("refuses the blocked pincode %s, naming %s", (pincode, area) => {
    const d = evaluateCod({ ...ok, pincode })
    expect(d).toEqual({ available: false, reason: `Cash on delivery is not available for ${area} pincodes`, pincode, max_order_amount: 2000000 })
  })

  it("does not block neighbours of a blocked prefix", () => {
    expect(evaluateCod({ ...ok, pincode: "682001" }).available).toBe(true) // Kochi, not Lakshadweep
    expect(evaluateCod({ ...ok, pincode: "682560" }).available).toBe(true)
    expect(evaluateCod({ ...ok, pincode: "745001" }).available).toBe(true)
  })

  it("allows the maximum total exactly and refuses above it", () => {
    expect(evaluateCod({ ...ok, total: 2000000 }).available).toBe(true)
    expect(evaluateCod({ ...ok, total: 2000001 })).toMatchObject({ available: false, reason: "Cash on delivery is available for orders up to Rs 20,000" })
  })

  it("checks the pincode before the total", () => {
    expect(evaluateCod({ ...ok, pincode: "744101", total: 9999999 }).reason).toMatch(/Andaman/)
  })

  it("follows a configured maximum and blocked list", () => {
    const config = { maxOrderAmount: 500000, blocked: [{ prefix: "1100", area: null }] }
    expect(evaluateCod({ ...ok, total: 600000 }, config).reason).toBe("Cash on delivery is available for orders up to Rs 5,000")
    expect(evaluateCod({ ...ok, pincode: "110001" }, config).reason).toBe("Cash on delivery is not available for pincode 110001")
    expect(evaluateCod({ ...ok, pincode: "744101" }, config).available).toBe(true)
  })
})

describe("formatRupees and normalizePincode", () => {
  it("groups digits the Indian way", () => {
    expect(formatRupees(2000000)).toBe("Rs 20,000")
    expect(formatRupees(10000000)).toBe("Rs 1,00,000")
    expect(formatRupees(123456789)).toBe("Rs 12,34,567.89")
    expect(formatRupees(99900)).toBe("Rs 999")
  })
  it("removes spaces and dashes", () => {
    expect(normalizePincode(" 560 034")).toBe("560034")
    expect(normalizePincode("   ")).toBeNull()
  })
})

describe("codConfigFromEnv", () => {
  it("uses the defaults when unset or blank", () => {
    expect(codConfigFromEnv({})).toEqual(DEFAULT_COD_CONFIG)
    expect(codConfigFromEnv({ COD_MAX_ORDER_INR: " ", COD_BLOCKED_PINCODES: "" })).toEqual(DEFAULT_COD_CONFIG)
    expect(describeCodConfig(DEFAULT_COD_CONFIG)).toBe("cash on delivery up to Rs 20,000, not for pincodes 9*, 744*, 68255*")
  })

  it("reads a maximum in rupees", () => {
    expect(codConfigFromEnv({ COD_MAX_ORDER_INR: "15000" }).maxOrderAmount).toBe(1500000)
    expect(codConfigFromEnv({ COD_MAX_ORDER_INR: "15000.50" }).maxOrderAmount).toBe(1500050)
  })

  it("reads blocked prefixes, naming known areas and taking given names", () => {
    expect(parseBlockedPincodes("7441, 68255 ,110099:Delhi Cantonment,7441")).toEqual([
      { prefix: "7441", area: "Andaman & Nicobar Islands" },
      { prefix: "68255", area: "Lakshadweep" },
      { prefix: "110099", area: "Delhi Cantonment" },
    ])
    expect(parseBlockedPincodes("12")).toEqual([{ prefix: "12", area: null }])
    expect(parseBlockedPincodes("none")).toEqual([])
  })

  it.each([
    [{ COD_MAX_ORDER_INR: "abc" }, "COD_MAX_ORDER_INR"],
    [{ COD_MAX_ORDER_INR: "-5" }, "COD_MAX_ORDER_INR"],
    [{ COD_MAX_ORDER_INR: "0" }, "COD_MAX_ORDER_INR"],
    [{ COD_BLOCKED_PINCODES: "07" }, "COD_BLOCKED_PINCODES"],
    [{ COD_BLOCKED_PINCODES: "1234567" }, "COD_BLOCKED_PINCODES"],
    [{ COD_BLOCKED_PINCODES: "744:" }, "COD_BLOCKED_PINCODES"],
    [{ COD_BLOCKED_PINCODES: ",," }, "COD_BLOCKED_PINCODES"],
  ])("refuses %j naming %s", (env, variable) => {
    let error: unknown
    try {
      codConfigFromEnv(env)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CodConfigError)
    expect((error as CodConfigError).variable).toBe(variable)
    expect((error as Error).message.startsWith(`${variable}: `)).toBe(true)
  })
})

describe("configuredPaymentProviders", () => {
  it("offers cash on delivery in India and manual payment in the US by default", () => {
    expect(configuredPaymentProviders({})).toEqual({ india: ["cod"], us: ["manual"] })
  })
  it("adds Razorpay and Stripe when their keys are set", () => {
    expect(configuredPaymentProviders({ RAZORPAY_KEY_ID: "rzp_test_x", STRIPE_API_KEY: "sk_test_x" })).toEqual({ india: ["cod", "razorpay"], us: ["manual", "stripe"] })
  })
})
