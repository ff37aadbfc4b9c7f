import "server-only"
import { medusa, MedusaError } from "../medusa/client"
import type { SizeAdvice } from "../medusa/types"
import { getAuthToken } from "../session"

export type SizeAdviceAnswer =
  | { ok: true; advice: SizeAdvice }
  /** 400: a measurement the store refused, in its words. */
  | { ok: false; status: number; message: string }

/**
 * Size advice for a product (GET /store/products/:id/size-recommendation). The logged-in
 * shopper's token goes along, so her saved measurements and reviews count; `measurements`
 * (in cm, as the store takes them) override saved ones for this answer and are never stored.
 * Never throws: no plugin (404), a slow or failing store answer `ok: false`.
 */
export async function getSizeAdvice(productId: string, measurements: Record<string, string> = {}, timeoutMs = 8000): Promise<SizeAdviceAnswer> {
  try {
    const advice = await medusa<SizeAdvice>(`/store/products/${encodeURIComponent(productId)}/size-recommendation`, {
      query: measurements,
      token: await getAuthToken(),
      timeoutMs,
    })
    return { ok: true, advice }
  } catch (error) {
    if (error instanceof MedusaError) {
      if (error.status >= 500) console.warn(`Size advice for ${productId} failed:`, error.message)
      return { ok: false, status: error.status, message: error.message }
    }
    console.warn(`Size advice for ${productId} failed:`, error instanceof Error ? error.message : error)
    return { ok: false, status: 503, message: "Size advice is unavailable right now" }
  }
}
