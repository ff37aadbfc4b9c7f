import { missedOrderGraceMs, resolveForwardingOptions } from "../../src/core/options"
import { DEFAULT_RETRY_POLICY } from "../../src/core/retry-policy"

describe("resolveForwardingOptions", () => {
  it("falls back to working defaults when nothing is configured", () => {
    expect(resolveForwardingOptions()).toEqual({
      dispatcher: true,
      dispatchIntervalMs: 2_000,
      deliveryTimeoutMs: 10_000,
      sweepIntervalMs: 60_000,
      retry: DEFAULT_RETRY_POLICY,
      email: { smtpUrl: null, from: "Zari orders <orders@zari.example>" },
      whatsapp: null,
    })
  })

  it("accepts numbers given as strings (environment variables) and empty strings as unset", () => {
    const o = resolveForwardingOptions({ dispatch_interval_ms: "500", delivery_timeout_ms: "", retry: { max_attempts: "3" }, dispatcher: false })
    expect(o).toMatchObject({ dispatcher: false, dispatchIntervalMs: 500, deliveryTimeoutMs: 10_000, retry: { maxAttempts: 3 } })
  })

  it.each([
    [{ dispatch_interval_ms: "2s" }, /option dispatch_interval_ms: expected an integer >= 50, got "2s"/],
    [{ delivery_timeout_ms: 1500.5 }, /option delivery_timeout_ms: expected an integer >= 100, got 1500.5/],
    [{ delivery_timeout_ms: 10 }, /option delivery_timeout_ms: expected an integer >= 100/],
    [{ retry: { max_attempts: "0" } }, /option retry\.max_attempts: expected an integer >= 1, got "0"/],
    [{ retry: { base_delay_ms: "five" } }, /option retry\.base_delay_ms/],
    [{ retry: { base_delay_ms: 10_000, max_delay_ms: 5_000 } }, /retry\.max_delay_ms must not be below retry\.base_delay_ms/],
  ])("refuses %j with a message naming the option", (raw, message) => {
    expect(() => resolveForwardingOptions(raw)).toThrow(message)
  })

  it("requires the WhatsApp phone number id and token together", () => {
    expect(() => resolveForwardingOptions({ whatsapp: { phone_number_id: "1234" } })).toThrow(/phone_number_id and token must be set together/)
    expect(() => resolveForwardingOptions({ whatsapp: { token: "EAAG" } })).toThrow(/phone_number_id and token must be set together/)
    expect(resolveForwardingOptions({ whatsapp: { api_url: "https://graph.example/v1" } }).whatsapp).toBeNull()
  })

  it("configures WhatsApp with template defaults and no trailing slash on the API url", () => {
    const o = resolveForwardingOptions({ whatsapp: { phone_number_id: "1234", token: "EAAG", api_url: "https://graph.example/v22.0//" } })
    expect(o.whatsapp).toEqual({
      apiUrl: "https://graph.example/v22.0",
      phoneNumberId: "1234",
      token: "EAAG",
      orderTemplate: "supplier_new_order",
      cancelTemplate: "supplier_order_cancelled",
      language: "en",
    })
  })
})

test("a misspelt option is refused instead of silently using the default, and the dispatcher switch reads env text", () => {
  expect(() => resolveForwardingOptions({ dispatch_intervall_ms: 100 } as never)).toThrow(/unknown option\(s\) dispatch_intervall_ms/)
  expect(resolveForwardingOptions({ dispatcher: "off" }).dispatcher).toBe(false)
  expect(resolveForwardingOptions({ dispatcher: "false" }).dispatcher).toBe(false)
  expect(resolveForwardingOptions({ dispatcher: true }).dispatcher).toBe(true)
})

describe("missedOrderGraceMs", () => {
  it("leaves an order to its own subscriber for at least 15 s, however often the sweep runs", () => {
    expect(missedOrderGraceMs(1_000)).toBe(15_000)
    expect(missedOrderGraceMs(2_000)).toBe(15_000)
  })

  it("waits a sweep interval when that is longer, up to 30 s", () => {
    expect(missedOrderGraceMs(20_000)).toBe(20_000)
    expect(missedOrderGraceMs(60_000)).toBe(30_000)
  })
})
