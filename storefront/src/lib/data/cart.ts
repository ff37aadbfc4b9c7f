import "server-only"
import { medusa, MedusaError } from "../medusa/client"
import type { Cart, ShippingOption } from "../medusa/types"
import { getAuthToken, getCartId } from "../session"

export const CART_EXPAND = [
  "items",
  "items.variant",
  "items.variant.product",
  "items.variant.options",
  "items.variant.product.options",
  "items.variant.product.variants",
  "items.variant.product.variants.options",
  "region",
  "region.countries",
  "region.payment_providers",
  "shipping_address",
  "billing_address",
  "shipping_methods",
  "shipping_methods.shipping_option",
  "payment_sessions",
  "discounts",
  "discounts.rule",
].join(",")

/** The shopper's open cart, or null (none yet, completed, or gone). */
export async function retrieveCart(): Promise<Cart | null> {
  const id = await getCartId()
  if (!id) return null
  try {
    const { cart } = await medusa<{ cart: Cart }>(`/store/carts/${id}`, { query: { expand: CART_EXPAND }, token: await getAuthToken() })
    if (cart.completed_at) return null
    // The selected session, whichever way this Medusa version reports it.
    return { ...cart, payment_session: cart.payment_session ?? cart.payment_sessions?.find((s) => s.is_selected) ?? null }
  } catch (error) {
    if (error instanceof MedusaError && (error.status === 404 || error.status === 400)) return null
    throw error
  }
}

export async function cartItemCount(): Promise<number> {
  const cart = await retrieveCart().catch(() => null)
  return cart?.items.reduce((n, item) => n + item.quantity, 0) ?? 0
}

export async function listShippingOptions(cartId: string): Promise<ShippingOption[]> {
  const { shipping_options } = await medusa<{ shipping_options: ShippingOption[] }>(`/store/shipping-options/${cartId}`)
  return shipping_options.filter((o) => !o.is_return)
}
