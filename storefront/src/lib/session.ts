import "server-only"
import { cookies } from "next/headers"
import { siteUrl } from "./config/site"
import { readSessionId, sessionCookieName, SESSION_COOKIE_MAX_AGE } from "./core/stylist"

/**
 * The shopper's state kept in httpOnly cookies: her cart id, her customer token (JWT
 * from /store/auth/token) and a guest wishlist token. Never readable by page scripts.
 */
const CART = "zari_cart"
const TOKEN = "zari_jwt"
const WISHLIST = "zari_wishlist"

// Secure whenever the store is served over HTTPS; a store on http://localhost (npm start)
// must still keep a cart, and browsers drop Secure cookies set over plain HTTP.
const base = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: siteUrl().startsWith("https://"),
  path: "/",
})

export async function getCartId(): Promise<string | null> {
  return (await cookies()).get(CART)?.value ?? null
}
export async function setCartId(id: string): Promise<void> {
  ;(await cookies()).set(CART, id, { ...base(), maxAge: 60 * 60 * 24 * 30 })
}
export async function clearCartId(): Promise<void> {
  ;(await cookies()).delete(CART)
}

export async function getAuthToken(): Promise<string | null> {
  return (await cookies()).get(TOKEN)?.value ?? null
}
export async function setAuthToken(token: string): Promise<void> {
  ;(await cookies()).set(TOKEN, token, { ...base(), maxAge: 60 * 60 * 24 * 7 })
}
export async function clearAuthToken(): Promise<void> {
  ;(await cookies()).delete(TOKEN)
}

export async function getWishlistToken(): Promise<string | null> {
  return (await cookies()).get(WISHLIST)?.value ?? null
}
export async function setWishlistToken(token: string): Promise<void> {
  ;(await cookies()).set(WISHLIST, token, { ...base(), maxAge: 60 * 60 * 24 * 180 })
}
export async function clearWishlistToken(): Promise<void> {
  ;(await cookies()).delete(WISHLIST)
}

// Orders this browser placed as a guest: shown in the account once she registers or logs in
// with the same email (the backend links them; an id alone is not enough).
const GUEST_ORDERS = "zari_guest_orders"
const MAX_GUEST_ORDERS = 20

export async function getGuestOrderIds(): Promise<string[]> {
  const raw = (await cookies()).get(GUEST_ORDERS)?.value ?? ""
  return raw.split(",").filter((id) => /^order_[0-9A-Z]{26}$/.test(id))
}
export async function rememberGuestOrder(id: string): Promise<void> {
  const ids = [id, ...(await getGuestOrderIds()).filter((o) => o !== id)].slice(0, MAX_GUEST_ORDERS)
  ;(await cookies()).set(GUEST_ORDERS, ids.join(","), { ...base(), maxAge: 60 * 60 * 24 * 90 })
}
export async function clearGuestOrderIds(): Promise<void> {
  ;(await cookies()).delete(GUEST_ORDERS)
}

// The stylist's conversation in this country (see core/stylist.ts for why a cookie).
export async function getStylistSessionId(countryCode: string): Promise<string | null> {
  return readSessionId((await cookies()).get(sessionCookieName(countryCode))?.value)
}
export async function setStylistSessionId(countryCode: string, id: string): Promise<void> {
  ;(await cookies()).set(sessionCookieName(countryCode), id, { ...base(), maxAge: SESSION_COOKIE_MAX_AGE })
}
export async function clearStylistSessionId(countryCode: string): Promise<void> {
  ;(await cookies()).delete(sessionCookieName(countryCode))
}
