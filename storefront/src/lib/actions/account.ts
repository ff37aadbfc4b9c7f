"use server"

import { redirect } from "next/navigation"
import { refresh } from "next/cache"
import { medusa, MedusaError } from "../medusa/client"
import type { Customer } from "../medusa/types"
import { getCartId, getAuthToken, setAuthToken, clearAuthToken, getWishlistToken, clearWishlistToken, getGuestOrderIds, clearGuestOrderIds } from "../session"
import { normalisePhone, validateAddress, type AddressInput } from "../core/address"
import { validateMeasurements, type MeasurementsInput } from "../core/measurements"
import { measurementsErrorText, readAdviceForm, type AdviceField } from "../core/size-advice"
import { getRegion } from "../data/regions"
import { logServerError } from "../server-log"
import { failure, type ActionResult } from "./result"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

/** Only paths inside this store: a crafted ?next= must not send the shopper elsewhere. */
function safeNext(next: FormDataEntryValue | null, fallback: string): string {
  const value = String(next ?? "")
  return value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") ? value : fallback
}

/** After logging in: the bag, the guest wishlist and the orders she placed as a guest come along with her. */
async function adoptGuestState(token: string, countryCode: string): Promise<void> {
  const orderIds = await getGuestOrderIds()
  if (orderIds.length) {
    try {
      await medusa("/store/customers/me/guest-orders", { method: "POST", body: { order_ids: orderIds }, token })
      await clearGuestOrderIds()
    } catch (error) {
      await logServerError("linking guest orders failed; they stay remembered on this device", error)
    }
  }
  const cartId = await getCartId()
  if (cartId) await medusa(`/store/carts/${cartId}`, { method: "POST", body: {}, token }).catch(() => undefined)
  const wishlistToken = await getWishlistToken()
  if (wishlistToken) {
    try {
      const region = await getRegion(countryCode)
      await medusa("/store/wishlist/merge", { method: "POST", query: { region_id: region?.id }, body: { token: wishlistToken }, token })
      await clearWishlistToken()
    } catch (error) {
      await logServerError("wishlist merge failed; the guest wishlist stays on this device", error)
    }
  }
}

async function logIn(email: string, password: string, countryCode: string): Promise<string> {
  const { access_token } = await medusa<{ access_token: string }>("/store/auth/token", { method: "POST", body: { email, password } })
  await setAuthToken(access_token)
  await adoptGuestState(access_token, countryCode)
  return access_token
}

export async function login(_prev: ActionResult<"email" | "password"> | null, form: FormData): Promise<ActionResult<"email" | "password">> {
  const email = String(form.get("email") ?? "").trim().toLowerCase()
  const password = String(form.get("password") ?? "")
  const fieldErrors: Partial<Record<"email" | "password", string>> = {}
  if (!EMAIL.test(email)) fieldErrors.email = "Enter the email address you registered with"
  if (!password) fieldErrors.password = "Enter your password"
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors }
  try {
    await logIn(email, password, String(form.get("country_code") ?? ""))
  } catch (error) {
    if (error instanceof MedusaError && error.status === 401) return { ok: false, error: "That email and password do not match an account." }
    return failure(error, "We could not log you in. Please try again.")
  }
  redirect(safeNext(form.get("next"), `/${form.get("country_code")}/account`))
}

type RegisterField = "email" | "password" | "first_name" | "last_name" | "phone"

export async function register(_prev: ActionResult<RegisterField> | null, form: FormData): Promise<ActionResult<RegisterField>> {
  const value = (k: string) => String(form.get(k) ?? "").trim()
  const input = { email: value("email").toLowerCase(), password: String(form.get("password") ?? ""), first_name: value("first_name"), last_name: value("last_name"), phone: value("phone") }
  const countryCode = value("country_code")
  const fieldErrors: Partial<Record<RegisterField, string>> = {}
  if (!EMAIL.test(input.email)) fieldErrors.email = "Enter an email address like name@example.com"
  if (input.password.length < 8) fieldErrors.password = "Use at least 8 characters"
  if (input.password.length > 128) fieldErrors.password = "Use at most 128 characters"
  if (!input.first_name) fieldErrors.first_name = "Enter your first name"
  if (!input.last_name) fieldErrors.last_name = "Enter your last name"
  if (input.phone && !/^\+?[\d\s()-]{8,20}$/.test(input.phone)) fieldErrors.phone = "Enter a phone number, or leave it empty"
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors }
  try {
    await medusa("/store/customers", { method: "POST", body: { ...input, phone: input.phone ? normalisePhone(input.phone, countryCode) : undefined } })
    await logIn(input.email, input.password, countryCode)
  } catch (error) {
    if (error instanceof MedusaError && error.status === 422) {
      return { ok: false, error: "An account with this email already exists. Log in instead.", fieldErrors: { email: "Already registered: log in instead" } }
    }
    return failure(error, "We could not create your account. Please try again.")
  }
  redirect(safeNext(form.get("next"), `/${countryCode}/account`))
}

export async function logout(countryCode: string): Promise<void> {
  await clearAuthToken()
  redirect(`/${countryCode}`)
}

type ProfileField = "first_name" | "last_name" | "phone"

export async function updateProfile(_prev: ActionResult<ProfileField> | null, form: FormData): Promise<ActionResult<ProfileField>> {
  const token = await getAuthToken()
  if (!token) return { ok: false, error: "Please log in again." }
  const value = (k: string) => String(form.get(k) ?? "").trim()
  const fieldErrors: Partial<Record<ProfileField, string>> = {}
  if (!value("first_name")) fieldErrors.first_name = "Enter your first name"
  if (!value("last_name")) fieldErrors.last_name = "Enter your last name"
  if (value("phone") && !/^\+?[\d\s()-]{8,20}$/.test(value("phone"))) fieldErrors.phone = "Enter a phone number, or leave it empty"
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors }
  try {
    await medusa<{ customer: Customer }>("/store/customers/me", {
      method: "POST",
      token,
      body: { first_name: value("first_name"), last_name: value("last_name"), phone: value("phone") || null },
    })
    refresh()
    return { ok: true, message: "Profile saved" }
  } catch (error) {
    return failure(error, "We could not save your profile.")
  }
}

export async function saveAccountAddress(_prev: ActionResult<keyof AddressInput> | null, form: FormData): Promise<ActionResult<keyof AddressInput>> {
  const token = await getAuthToken()
  if (!token) return { ok: false, error: "Please log in again." }
  const value = (k: string) => String(form.get(k) ?? "").trim()
  const input = Object.fromEntries(
    ["email", "first_name", "last_name", "phone", "address_1", "address_2", "city", "province", "postal_code", "country_code"].map((k) => [k, value(k)])
  ) as AddressInput
  const fieldErrors = validateAddress(input, { requireEmail: false })
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors }
  const address = { ...input, phone: normalisePhone(input.phone, input.country_code), address_2: input.address_2 || null }
  delete (address as Partial<AddressInput>).email
  const id = value("address_id")
  try {
    if (id) await medusa(`/store/customers/me/addresses/${encodeURIComponent(id)}`, { method: "POST", token, body: address })
    else await medusa("/store/customers/me/addresses", { method: "POST", token, body: { address } })
    refresh()
    return { ok: true, message: id ? "Address updated" : "Address added" }
  } catch (error) {
    return failure(error, "We could not save that address.")
  }
}

export async function deleteAccountAddress(addressId: string): Promise<ActionResult> {
  const token = await getAuthToken()
  if (!token) return { ok: false, error: "Please log in again." }
  try {
    await medusa(`/store/customers/me/addresses/${encodeURIComponent(addressId)}`, { method: "DELETE", token })
    refresh()
    return { ok: true, message: "Address removed" }
  } catch (error) {
    return failure(error, "We could not remove that address.")
  }
}

export async function saveMeasurements(_prev: ActionResult<keyof MeasurementsInput> | null, form: FormData): Promise<ActionResult<keyof MeasurementsInput>> {
  const token = await getAuthToken()
  if (!token) return { ok: false, error: "Please log in again." }
  const { values, fieldErrors } = validateMeasurements(form)
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors }
  try {
    await medusa("/store/customers/me/measurements", { method: "POST", token, body: values })
    refresh()
    return { ok: true, message: "Measurements saved." }
  } catch (error) {
    return failure(error, "We could not save your measurements.")
  }
}

/**
 * "Save to my measurements" from the product page's size advice: only the fields that form
 * shows (bust, waist, hips, height, preferred fit), so her weight, bra size and body type stay.
 */
export async function saveAdviceMeasurements(form: FormData): Promise<ActionResult<AdviceField>> {
  const token = await getAuthToken()
  if (!token) return { ok: false, error: "Log in to save your measurements." }
  const { values, fieldErrors } = readAdviceForm(form)
  if (Object.keys(fieldErrors).length) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors }
  try {
    await medusa("/store/customers/me/measurements", { method: "POST", token, body: values })
    return { ok: true, message: "Saved to your measurements." }
  } catch (error) {
    if (error instanceof MedusaError && error.status === 401) return { ok: false, error: "Log in again to save your measurements." }
    if (error instanceof MedusaError && error.status === 400) return { ok: false, error: measurementsErrorText(error.message) }
    return failure(error, "We could not save your measurements.")
  }
}
