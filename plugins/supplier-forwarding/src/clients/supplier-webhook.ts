/**
 * Delivers one signed message to a supplier's endpoint (Standard Webhooks). The signature
 * is made at send time, so every retry carries a fresh timestamp and the same webhook-id.
 */
import { outcomeOfHttpAnswer, outcomeOfNetworkError, signWebhook, type DeliveryOutcome } from "../core"

export type SignedDelivery = { endpoint: string; secret: string; webhookId: string; body: string; timeoutMs: number }

export async function deliverSignedWebhook({ endpoint, secret, webhookId, body, timeoutMs }: SignedDelivery): Promise<DeliveryOutcome> {
  const headers = signWebhook(secret, webhookId, body)
  try {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "user-agent": "zari-supplier-forwarding/1" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual", // a redirect would re-send an order to an address nobody configured
    })
    const text = await res.text().catch(() => "")
    return outcomeOfHttpAnswer(res.status, text)
  } catch (error) {
    return outcomeOfNetworkError(error as Error & { cause?: { code?: string } })
  }
}
