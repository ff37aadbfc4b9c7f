import { createHmac } from "crypto"
import { generateWebhookSecret, isWebhookSecret, signWebhook, verifyWebhook } from "../../src/core/webhook-signature"

const secret = generateWebhookSecret()
const body = JSON.stringify({ type: "supplier_order.accepted", timestamp: "2026-11-22T10:00:00Z", data: { supplier_order_id: "so_1" } })

describe("Standard Webhooks signatures", () => {
  it("generates whsec_ secrets", () => {
    expect(isWebhookSecret(secret)).toBe(true)
    expect(generateWebhookSecret()).not.toBe(secret)
    expect(isWebhookSecret("whsec_")).toBe(false)
    expect(isWebhookSecret("sk_live_x")).toBe(false)
  })

  it("signs exactly as the spec says: base64 HMAC-SHA256 of id.timestamp.body with the decoded key", () => {
    const at = new Date("2026-11-22T10:00:00Z")
    const headers = signWebhook(secret, "msg_1", body, at)
    const key = Buffer.from(secret.slice("whsec_".length), "base64")
    const expected = createHmac("sha256", key).update(`msg_1.${Math.floor(at.getTime() / 1000)}.${body}`).digest("base64")
    expect(headers).toEqual({ "webhook-id": "msg_1", "webhook-timestamp": String(at.getTime() / 1000), "webhook-signature": `v1,${expected}` })
  })

  it("verifies a fresh signature on the raw bytes and returns the payload", () => {
    const headers = signWebhook(secret, "msg_2", body)
    const result = verifyWebhook(["whsec_b2xkb2xkb2xkb2xkb2xkb2xkb2xk", secret], Buffer.from(body), headers)
    expect(result).toMatchObject({ ok: true, id: "msg_2", payload: JSON.parse(body) })
  })

  it("refuses a body changed after signing, even only re-serialised", () => {
    const headers = signWebhook(secret, "msg_3", body)
    const reserialised = JSON.stringify(JSON.parse(body), null, 2)
    const result = verifyWebhook([secret], reserialised, headers)
    expect(result).toEqual({ ok: false, error: "the webhook-signature does not match the body signed with this supplier's secret" })
  })

  it("refuses a stale timestamp", () => {
    const headers = signWebhook(secret, "msg_4", body, new Date(Date.now() - 10 * 60_000))
    const result = verifyWebhook([secret], body, headers)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/within 5 minutes/)
  })

  it("refuses missing headers and an unknown secret", () => {
    expect(verifyWebhook([secret], body, {})).toEqual({ ok: false, error: "missing webhook-id, webhook-timestamp or webhook-signature header" })
    const headers = signWebhook(generateWebhookSecret(), "msg_5", body)
    expect(verifyWebhook([secret], body, headers).ok).toBe(false)
  })
})
