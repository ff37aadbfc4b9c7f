"use server"

import { redirect } from "next/navigation"
import { refresh } from "next/cache"
import { medusa, MedusaError } from "../medusa/client"
import type { Cart, Order } from "../medusa/types"
import { retrieveCart } from "../data/cart"
import { getAuthToken, clearCartId, rememberGuestOrder } from "../session"
import { normalisePhone, validateAddress, type AddressInput } from "../core/address"
import { failure, type ActionResult } from "./result"

const FIELDS = ["email", "first_name", "last_name", "phone", "address_1", "address_2", "city", "province", "postal_code", "country_code"] as const

function readAddress(form: FormData): AddressInput {
  const value = (key: string) => String(form.get(key) ?? "").trim()
  return Object.fromEntries(FIELDS.map((key) => [key, value(key)])) as AddressInput
}

async function openCart(): Promise<Cart> {
  const cart = await retrieveCart()
  if (!cart || !cart.items.length) throw new MedusaError(400, "Your bag is empty or has expired. Add something to check out.")
  return cart
}

export async function saveAddress(_prev: ActionResult<keyof AddressInput> | null, form: FormData): Promise<ActionResult<keyof AddressInput>> {
  const input = readAddress(form)
  const countryCode = String(form.get("country_code") ?? "")
  const token = await getAuthToken()
  const fieldErrors = validateAddress(input, { requireEmail: !token })
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors }
  let cart: Cart
  try {
    cart = await openCart()
    const address = {
      first_name: input.first_name,
      last_name: input.last_name,
      phone: normalisePhone(input.phone, countryCode),
      address_1: input.address_1,
      address_2: input.address_2 || null,
      city: input.city,
      province: input.province,
      postal_code: input.postal_code,
      country_code: countryCode,
    }
    await medusa(`/store/carts/${cart.id}`, {
      method: "POST",
      token,
      body: { ...(token ? {} : { email: input.email.toLowerCase() }), shipping_address: address, billing_address: address },
    })
    if (token && form.get("save_address") === "on") {
      await medusa("/store/customers/me/addresses", { method: "POST", token, body: { address } }).catch(() => undefined)
    }
  } catch (error) {
    return failure(error, "We could not save your address. Please try again.")
  }
  redirect(`/${countryCode}/checkout?step=delivery`)
}

export async function setShippingMethod(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const optionId = String(form.get("shipping_option_id") ?? "")
  const countryCode = String(form.get("country_code") ?? "")
  if (!optionId) return { ok: false, error: "Choose a delivery option." }
  try {
    const cart = await openCart()
    await medusa(`/store/carts/${cart.id}/shipping-methods`, { method: "POST", body: { option_id: optionId } })
    await medusa(`/store/carts/${cart.id}/payment-sessions`, { method: "POST" })
  } catch (error) {
    return failure(error, "We could not set the delivery option. Please try again.")
  }
  redirect(`/${countryCode}/checkout?step=payment`)
}

/** Creates the region's payment sessions when the cart has none yet (first visit, or after a change). */
export async function ensurePaymentSessions(cart: Cart): Promise<void> {
  if (cart.payment_sessions?.length) return
  await medusa(`/store/carts/${cart.id}/payment-sessions`, { method: "POST" })
}

export async function selectPaymentMethod(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const providerId = String(form.get("provider_id") ?? "")
  const countryCode = String(form.get("country_code") ?? "")
  if (!providerId) return { ok: false, error: "Choose how you would like to pay." }
  try {
    const cart = await openCart()
    const session = cart.payment_sessions.find((s) => s.provider_id === providerId)
    if (!session) return { ok: false, error: "That payment method is not available for this order." }
    if (session.data?.available === false) return { ok: false, error: String(session.data.reason ?? "That payment method is not available for this order.") }
    await medusa(`/store/carts/${cart.id}/payment-session`, { method: "POST", body: { provider_id: providerId } })
  } catch (error) {
    return failure(error, "We could not select that payment method. Please try again.")
  }
  redirect(`/${countryCode}/checkout?step=review`)
}

type CompleteResponse = { type: "order"; data: Order } | { type: "cart"; data: Cart } | { type: "swap"; data: unknown }

/**
 * Places the order. On any refusal (stock gone, payment declined, COD not allowed) the
 * cart stays as it is, so the shopper fixes the one thing and tries again.
 */
export async function placeOrder(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const countryCode = String(form.get("country_code") ?? "")
  let orderId: string
  const token = await getAuthToken()
  try {
    const cart = await openCart()
    if (!cart.shipping_methods.length) return { ok: false, error: "Choose a delivery option first." }
    if (!cart.payment_session) return { ok: false, error: "Choose a payment method first." }
    const result = await medusa<CompleteResponse>(`/store/carts/${cart.id}/complete`, { method: "POST", token })
    if (result.type !== "order") {
      refresh()
      return { ok: false, error: "Your payment needs one more step. Please choose your payment method again." }
    }
    orderId = result.data.id
  } catch (error) {
    refresh()
    return failure(error, "We could not place your order. Your bag is saved; please try again.")
  }
  await clearCartId()
  if (!token) await rememberGuestOrder(orderId)
  redirect(`/${countryCode}/order/confirmed/${orderId}`)
}

/**
 * After Razorpay or Stripe took the payment in the browser: completing the cart makes
 * Medusa ask the provider for the payment's real status, so the browser's word is not
 * trusted. A refusal leaves the cart as it was.
 */
export async function confirmExternalPayment(countryCode: string): Promise<ActionResult> {
  const form = new FormData()
  form.set("country_code", countryCode)
  return placeOrder(null, form)
}
