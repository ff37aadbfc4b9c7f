/**
 * Standard Webhooks (standardwebhooks.com) signing and verification, both directions:
 * our deliveries to suppliers and their answers. Headers webhook-id (stable across
 * retries: the idempotency key), webhook-timestamp and webhook-signature
 * (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, several space-separated while a
 * key rotates). Verification works on the raw body bytes and refuses timestamps more
 * than 5 minutes off. Replays of an id are refused by the caller, which stores ids.
 */
import { randomBytes } from "crypto"
import { Webhook, WebhookVerificationError } from "standardwebhooks"

export type WebhookHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string }

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`
}

export function isWebhookSecret(value: unknown): value is string {
  return typeof value === "string" && /^whsec_[A-Za-z0-9+/]{20,}={0,2}$/.test(value)
}

export function signWebhook(secret: string, id: string, body: string, at: Date = new Date()): WebhookHeaders {
  const signature = new Webhook(secret).sign(id, at, body)
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature }
}

export type Verification<T> = { ok: true; id: string; timestamp: Date; payload: T } | { ok: false; error: string }

/**
 * @param rawBody the bytes as received: re-serialised JSON would not match the signature
 */
export function verifyWebhook<T = unknown>(secrets: string[], rawBody: Buffer | string, headers: Record<string, string | string[] | undefined>): Verification<T> {
  const pick = (name: string) => {
    const v = headers[name]
    return Array.isArray(v) ? v[0] : v
  }
  const id = pick("webhook-id")
  const timestamp = pick("webhook-timestamp")
  const signature = pick("webhook-signature")
  if (!id || !timestamp || !signature) return { ok: false, error: "missing webhook-id, webhook-timestamp or webhook-signature header" }
  const body = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8")
  let lastError = "no signing secret is configured for this supplier"
  // Several secrets while a supplier rotates keys: any current one may have signed.
  for (const secret of secrets) {
    try {
      const payload = new Webhook(secret).verify(body, { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature }) as T
      return { ok: true, id, timestamp: new Date(Number(timestamp) * 1000), payload }
    } catch (error) {
      lastError = error instanceof WebhookVerificationError ? describe(error.message) : `cannot verify: ${(error as Error).message}`
    }
  }
  return { ok: false, error: lastError }
}

function describe(message: string): string {
  if (/timestamp/i.test(message)) return `${message}: the webhook-timestamp must be within 5 minutes of our clock`
  if (/signature/i.test(message)) return "the webhook-signature does not match the body signed with this supplier's secret"
  return message
}
