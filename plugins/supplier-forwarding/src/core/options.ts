/**
 * The plugin's options (medusa-config.js) with their defaults, checked once at startup so
 * a typo fails loudly instead of silently falling back.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy"

export type RawForwardingOptions = {
  secret_encryption_key?: string
  dispatcher?: boolean | string
  dispatch_interval_ms?: number | string
  delivery_timeout_ms?: number | string
  sweep_interval_ms?: number | string
  retry?: { base_delay_ms?: number | string; max_delay_ms?: number | string; max_attempts?: number | string }
  email?: { smtp_url?: string; from?: string }
  whatsapp?: { api_url?: string; phone_number_id?: string; token?: string; order_template?: string; cancel_template?: string; language?: string }
}

export type WhatsAppOptions = { apiUrl: string; phoneNumberId: string; token: string; orderTemplate: string; cancelTemplate: string; language: string }

export type ForwardingOptions = {
  dispatcher: boolean
  dispatchIntervalMs: number
  deliveryTimeoutMs: number
  /** How often orders whose order event was lost are looked for (and forwarded). */
  sweepIntervalMs: number
  retry: RetryPolicy
  email: { smtpUrl: string | null; from: string }
  /** null: WhatsApp suppliers cannot be reached automatically (their deliveries fail with a clear error). */
  whatsapp: WhatsAppOptions | null
}

/**
 * How old an order must be before the sweep takes it as missed. Medusa hands an order's
 * event out only after its staged-job poll (every 3 s) picks it up, and a busy server is
 * later still: a younger order may simply not have reached its subscriber yet. So at least
 * 15 s, a sweep interval when that is longer, and never more than 30 s.
 */
export function missedOrderGraceMs(sweepIntervalMs: number): number {
  return Math.min(Math.max(sweepIntervalMs, 15_000), 30_000)
}

function positiveInt(name: string, value: number | string | undefined, fallback: number, min = 1): number {
  if (value === undefined || value === "") return fallback
  const n = typeof value === "number" ? value : Number(value)
  if (!Number.isInteger(n) || n < min) throw new Error(`supplier-forwarding option ${name}: expected an integer >= ${min}, got ${JSON.stringify(value)}`)
  return n
}

const KNOWN = ["secret_encryption_key", "dispatcher", "dispatch_interval_ms", "delivery_timeout_ms", "sweep_interval_ms", "retry", "email", "whatsapp", "enableUI"]

export function resolveForwardingOptions(raw: RawForwardingOptions = {}): ForwardingOptions {
  // A misspelt option would silently fall back to its default.
  const unknown = Object.keys(raw).filter((k) => !KNOWN.includes(k))
  if (unknown.length) throw new Error(`supplier-forwarding: unknown option(s) ${unknown.join(", ")}; known: ${KNOWN.join(", ")}`)
  const retry: RetryPolicy = {
    baseDelayMs: positiveInt("retry.base_delay_ms", raw.retry?.base_delay_ms, DEFAULT_RETRY_POLICY.baseDelayMs),
    maxDelayMs: positiveInt("retry.max_delay_ms", raw.retry?.max_delay_ms, DEFAULT_RETRY_POLICY.maxDelayMs),
    maxAttempts: positiveInt("retry.max_attempts", raw.retry?.max_attempts, DEFAULT_RETRY_POLICY.maxAttempts),
  }
  if (retry.maxDelayMs < retry.baseDelayMs) throw new Error("supplier-forwarding option retry.max_delay_ms must not be below retry.base_delay_ms")
  const wa = raw.whatsapp ?? {}
  const whatsappConfigured = Boolean(wa.phone_number_id && wa.token)
  if (Boolean(wa.phone_number_id) !== Boolean(wa.token)) {
    throw new Error("supplier-forwarding option whatsapp: phone_number_id and token must be set together (WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_TOKEN)")
  }
  return {
    // From env as text too: "off", "false" or "0" turn it off.
    dispatcher: !(raw.dispatcher === false || (typeof raw.dispatcher === "string" && ["off", "false", "0", "no"].includes(raw.dispatcher.trim().toLowerCase()))),
    dispatchIntervalMs: positiveInt("dispatch_interval_ms", raw.dispatch_interval_ms, 2_000, 50),
    deliveryTimeoutMs: positiveInt("delivery_timeout_ms", raw.delivery_timeout_ms, 10_000, 100),
    sweepIntervalMs: positiveInt("sweep_interval_ms", raw.sweep_interval_ms, 60_000, 1_000),
    retry,
    email: { smtpUrl: raw.email?.smtp_url || null, from: raw.email?.from || "Zari orders <orders@zari.example>" },
    whatsapp: whatsappConfigured
      ? {
          apiUrl: (wa.api_url || "https://graph.facebook.com/v21.0").replace(/\/+$/, ""),
          phoneNumberId: wa.phone_number_id!,
          token: wa.token!,
          orderTemplate: wa.order_template || "supplier_new_order",
          cancelTemplate: wa.cancel_template || "supplier_order_cancelled",
          language: wa.language || "en",
        }
      : null,
  }
}
