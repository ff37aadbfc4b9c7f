"use server"

import { refresh } from "next/cache"
import { medusa, MedusaError } from "../medusa/client"
import type { Cart } from "../medusa/types"
import { getRegion } from "../data/regions"
import { retrieveCart } from "../data/cart"
import { getAuthToken, setCartId } from "../session"
import type { AddLookResult } from "../core/stylist"
import { failure, type ActionResult } from "./result"

/** The shopper's cart in the region of the country she is shopping in, created or moved as needed. */
async function cartForCountry(countryCode: string): Promise<Cart> {
  const region = await getRegion(countryCode)
  if (!region) throw new Error(`No region ships to ${countryCode}`)
  const token = await getAuthToken()
  const existing = await retrieveCart()
  if (existing && existing.region_id === region.id) return existing
  if (existing) {
    const { cart } = await medusa<{ cart: Cart }>(`/store/carts/${existing.id}`, { method: "POST", body: { region_id: region.id, country_code: countryCode }, token })
    return cart
  }
  const { cart } = await medusa<{ cart: Cart }>("/store/carts", { method: "POST", body: { region_id: region.id, country_code: countryCode }, token })
  await setCartId(cart.id)
  return cart
}

export async function addToCart(countryCode: string, variantId: string, quantity = 1): Promise<ActionResult> {
  if (!variantId) return { ok: false, error: "Choose a size first" }
  try {
    const cart = await cartForCountry(countryCode)
    await medusa(`/store/carts/${cart.id}/line-items`, { method: "POST", body: { variant_id: variantId, quantity: Math.max(1, Math.min(10, quantity)) } })
    refresh()
    return { ok: true, message: "Added to your bag" }
  } catch (error) {
    return failure(error, "We could not add this to your bag. Please try again.")
  }
}

/**
 * Adds several variants at once ("add the look", "move wishlist to bag"), one of each.
 * Every item is tried, so one piece selling out does not keep the rest of a look from her
 * bag; the answer names each that could not go in and why.
 */
export async function addManyToCart(countryCode: string, variantIds: string[]): Promise<AddLookResult> {
  const ids = Array.from(new Set(variantIds.filter((id) => typeof id === "string" && /^variant_[A-Za-z0-9]{1,60}$/.test(id)))).slice(0, 10)
  if (!ids.length) return { ok: false, added: [], failed: [], error: "There is nothing to add." }
  let cart: Cart
  try {
    cart = await cartForCountry(countryCode)
  } catch (error) {
    const { error: text } = failure(error, "We could not add these to your bag. Please try again.")
    return { ok: false, added: [], failed: ids.map((variant_id) => ({ variant_id, error: text })), error: text }
  }
  const added: string[] = []
  const failed: AddLookResult["failed"] = []
  for (const variantId of ids) {
    try {
      await medusa(`/store/carts/${cart.id}/line-items`, { method: "POST", body: { variant_id: variantId, quantity: 1 } })
      added.push(variantId)
    } catch (error) {
      const soldOut = error instanceof MedusaError && /inventory|stock/i.test(error.message)
      failed.push({ variant_id: variantId, error: soldOut ? "It has just sold out in this size." : failure(error, "We could not add it to your bag.").error })
    }
  }
  if (added.length) refresh()
  const noun = `${added.length} ${added.length === 1 ? "item" : "items"}`
  return failed.length
    ? { ok: false, added, failed, error: added.length ? `Added ${noun}; ${failed.length} could not be added.` : "We could not add these to your bag." }
    : { ok: true, added, failed, message: `Added ${noun} to your bag` }
}

export async function updateLineItem(lineId: string, quantity: number): Promise<ActionResult> {
  const cart = await retrieveCart()
  if (!cart) return { ok: false, error: "Your bag has expired. Please add the item again." }
  try {
    if (quantity <= 0) await medusa(`/store/carts/${cart.id}/line-items/${lineId}`, { method: "DELETE" })
    else await medusa(`/store/carts/${cart.id}/line-items/${lineId}`, { method: "POST", body: { quantity: Math.min(10, quantity) } })
    refresh()
    return { ok: true }
  } catch (error) {
    return failure(error, "We could not update your bag. Please try again.")
  }
}

export async function removeLineItem(lineId: string): Promise<ActionResult> {
  return updateLineItem(lineId, 0)
}

/** A different size of the same item: the new variant goes in before the old one comes out, so nothing is lost. */
export async function changeLineItemVariant(lineId: string, variantId: string): Promise<ActionResult> {
  const cart = await retrieveCart()
  const line = cart?.items.find((i) => i.id === lineId)
  if (!cart || !line) return { ok: false, error: "That item is no longer in your bag." }
  if (line.variant_id === variantId) return { ok: true }
  try {
    await medusa(`/store/carts/${cart.id}/line-items`, { method: "POST", body: { variant_id: variantId, quantity: line.quantity } })
    await medusa(`/store/carts/${cart.id}/line-items/${lineId}`, { method: "DELETE" })
    refresh()
    return { ok: true, message: "Size changed" }
  } catch (error) {
    return failure(error, "We could not change the size. Please try again.")
  }
}

export async function applyDiscount(_prev: ActionResult | null, form: FormData): Promise<ActionResult<"code">> {
  const code = String(form.get("code") ?? "").trim().toUpperCase()
  if (!code) return { ok: false, error: "Enter a code", fieldErrors: { code: "Enter a code" } }
  if (code.length > 50) return { ok: false, error: "That code is too long", fieldErrors: { code: "That code is too long" } }
  const cart = await retrieveCart()
  if (!cart) return { ok: false, error: "Your bag is empty." }
  try {
    await medusa(`/store/carts/${cart.id}`, { method: "POST", body: { discounts: [...cart.discounts.map((d) => ({ code: d.code })), { code }] }, token: await getAuthToken() })
    refresh()
    return { ok: true, message: `Code ${code} applied` }
  } catch (error) {
    const result = failure(error, "We could not apply that code.")
    return { ...result, fieldErrors: { code: result.error } }
  }
}

export async function removeDiscount(code: string): Promise<ActionResult> {
  const cart = await retrieveCart()
  if (!cart) return { ok: false, error: "Your bag is empty." }
  try {
    await medusa(`/store/carts/${cart.id}/discounts/${encodeURIComponent(code)}`, { method: "DELETE" })
    refresh()
    return { ok: true }
  } catch (error) {
    return failure(error, "We could not remove that code.")
  }
}

/** Re-prices the bag for another country (its region's currency, tax and payment methods). */
export async function moveCartToCountry(countryCode: string): Promise<ActionResult> {
  try {
    await cartForCountry(countryCode)
    refresh()
    return { ok: true }
  } catch (error) {
    return failure(error, "We could not update your bag for this country.")
  }
}
