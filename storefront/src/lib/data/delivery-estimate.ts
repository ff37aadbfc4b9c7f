import "server-only"
import { medusa, MedusaError } from "../medusa/client"
import type { Serviceability } from "../medusa/types"
import { normalisePincode } from "../core/delivery-estimate"

/**
 * Delivery dates and cash on delivery for a pincode (GET /store/shiprocket/serviceability),
 * for the cart at checkout or one variant on the product page. A nicety: when the store
 * cannot answer (slow, down, an older backend without the endpoint) this is null and the
 * page goes on without dates; it never throws.
 */
export async function getDeliveryEstimate(pincode: string, scope: { cartId?: string; variantId?: string }, timeoutMs = 8000): Promise<Serviceability | null> {
  const pin = normalisePincode(pincode)
  if (!pin) return null
  try {
    return await medusa<Serviceability>("/store/shiprocket/serviceability", {
      query: { pincode: pin, cart_id: scope.cartId, variant_id: scope.cartId ? undefined : scope.variantId },
      timeoutMs,
    })
  } catch (error) {
    if (!(error instanceof MedusaError && error.status === 404)) console.warn(`Delivery estimate for ${pin} failed:`, error instanceof Error ? error.message : error)
    return null
  }
}
