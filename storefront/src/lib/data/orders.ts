import "server-only"
import { medusaOrNull } from "../medusa/client"
import type { Order } from "../medusa/types"
import { getAuthToken } from "../session"

// Only relations Medusa allows on /store/orders (items.variant.product is refused with a 400).
const ORDER_EXPAND = "items,items.variant,fulfillments,fulfillments.tracking_links,payments,region,shipping_address,shipping_methods,shipping_methods.shipping_option"

export async function getOrder(id: string): Promise<Order | null> {
  const res = await medusaOrNull<{ order: Order }>(`/store/orders/${encodeURIComponent(id)}`, { query: { expand: ORDER_EXPAND }, token: await getAuthToken() })
  return res?.order ?? null
}
