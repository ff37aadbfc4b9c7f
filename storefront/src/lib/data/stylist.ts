import "server-only"
import { backendUrl, BackendUnavailableError, medusa, MedusaError } from "../medusa/client"
import { normaliseOutfit, normaliseSession, type Outfit, type StylistSession } from "../core/stylist"
import { getAuthToken, getStylistSessionId } from "../session"
import { REQUEST_ID_HEADER } from "../core/request-id"
import { backendRequestId } from "../medusa/request-id"

/**
 * "Complete the look" for a product in a region (GET /store/products/:id/complete-the-look):
 * the same for every shopper, so cached briefly like the catalogue. An empty list when
 * the stylist has nothing; null when it cannot answer (plugin off, slow, failing), and
 * the product page goes on without it.
 */
export async function getCompleteTheLook(productId: string, regionId: string): Promise<Outfit[] | null> {
  try {
    const res = await medusa<{ outfits?: unknown }>(`/store/products/${encodeURIComponent(productId)}/complete-the-look`, {
      query: { region_id: regionId },
      revalidate: 60,
      tags: ["complete-the-look", `complete-the-look:${productId}`],
      timeoutMs: 8000,
    })
    return Array.isArray(res?.outfits) ? res.outfits.map(normaliseOutfit).filter((o): o is Outfit => o !== null) : []
  } catch (error) {
    if (!(error instanceof MedusaError && error.status === 404)) console.warn(`Complete the look for ${productId} failed:`, error instanceof Error ? error.message : error)
    return null
  }
}

/**
 * The conversation kept for this country, to show again on return; null when there is
 * none, it has ended (404: expired, deleted, or another customer's) or the stylist cannot answer.
 */
export async function getStylistSession(countryCode: string): Promise<StylistSession | null> {
  const id = await getStylistSessionId(countryCode)
  if (!id) return null
  try {
    const res = await medusa<unknown>(`/store/stylist/sessions/${encodeURIComponent(id)}`, { token: await getAuthToken(), timeoutMs: 8000 })
    return normaliseSession(res)
  } catch (error) {
    if (!(error instanceof MedusaError && (error.status === 404 || error.status === 401))) console.warn("The stylist's conversation could not be loaded:", error instanceof Error ? error.message : error)
    return null
  }
}

/** Ends a conversation on the server; one already gone counts as ended. */
export async function deleteStylistSession(id: string): Promise<void> {
  try {
    await medusa(`/store/stylist/sessions/${encodeURIComponent(id)}`, { method: "DELETE", token: await getAuthToken(), timeoutMs: 8000 })
  } catch (error) {
    if (error instanceof MedusaError && error.status === 404) return
    throw error
  }
}

/**
 * One chat request to the stylist, streamed (`/chat/stream`, text/event-stream) or plain
 * (`/chat`, JSON), answered as the backend's Response so the caller can pass the stream on
 * untouched. The shopper's address goes along, since the stylist limits requests per shopper
 * and every request reaches it from this server.
 */
export async function sendStylistChat(body: Record<string, unknown>, { stream, forwardedFor, signal }: { stream: boolean; forwardedFor: string | null; signal?: AbortSignal }): Promise<Response> {
  const url = `${backendUrl()}/store/stylist/chat${stream ? "/stream" : ""}`
  const headers: Record<string, string> = { "content-type": "application/json", accept: stream ? "text/event-stream" : "application/json" }
  const token = await getAuthToken()
  if (token) headers.authorization = `Bearer ${token}`
  const key = process.env.MEDUSA_PUBLISHABLE_KEY
  if (key) headers["x-publishable-api-key"] = key
  if (forwardedFor) headers["x-forwarded-for"] = forwardedFor
  headers[REQUEST_ID_HEADER] = await backendRequestId()
  try {
    // No timeout for the stream: a model may take a while, and the shopper can leave at any time (signal).
    const signals = [signal, stream ? null : AbortSignal.timeout(60000)].filter((s): s is AbortSignal => Boolean(s))
    return await fetch(url, { method: "POST", headers, body: JSON.stringify(body), cache: "no-store", signal: signals.length ? AbortSignal.any(signals) : undefined })
  } catch (error) {
    throw new BackendUnavailableError(backendUrl(), error)
  }
}
