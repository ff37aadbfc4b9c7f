import "server-only"
import { medusaOrNull } from "../medusa/client"
import type { Order, OrderTracking } from "../medusa/types"
import { getAuthToken } from "../session"

// Only relations Medusa allows on /store/orders (items.variant.product is refused with a 400).
const ORDER_EXPAND = "items,items.variant,fulfillments,fulfillments.tracking_links,payments,region,shipping_address,shipping_methods,shipping_methods.shipping_option"

export async function getOrder(id: string): Promise<Order | null> {
  const res = await medusaOrNull<{ order: Order }>(`/store/orders/${encodeURIComponent(id)}`, { query: { expand: ORDER_EXPAND }, token: await getAuthToken() })
  return res?.order ?? null
}

/**
 * The order's shipments at the courier, with their scans. Tracking is extra: when the
 * store has none for this order (404), refuses (401) or fails, the page shows the order
 * without it, so this never throws.
 */
export async function getOrderTracking(id: string): Promise<OrderTracking | null> {
  try {
    const res = await medusaOrNull<OrderTracking>(`/store/orders/${encodeURIComponent(id)}/tracking`, { token: await getAuthToken(), timeoutMs: 8000 })
    return res && Array.isArray(res.shipments) ? res : null
  } catch (error) {
    console.warn(`Tracking for ${id} failed:`, error instanceof Error ? error.message : error)
    return null
  }
}
