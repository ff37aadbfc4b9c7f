/**
 * Shiprocket order payloads (`POST /orders/create/adhoc`, `POST /orders/create/return`)
 * built from plain order, address and line-item shapes (Medusa's field names, amounts in
 * paise). Everything Shiprocket would refuse with a 422 that we can see coming is refused
 * here first, with the same field names, so the merchant reads one kind of message.
 *
 * Money: Shiprocket takes rupees. `sub_total` is the amount the customer pays for this
 * parcel (items after their discounts, plus shipping, minus order-level discounts): for
 * COD it is what the courier collects, and Shiprocket does not compute it. Shipping is
 * folded into `sub_total` rather than sent as `shipping_charges`, so the amount to
 * collect never depends on how Shiprocket adds the two.
 */
import { addFieldError, formatFieldErrors, type FieldErrors } from "./field-errors"
import { istDateString } from "./ist-time"
import { paiseToRupees } from "./money"
import { SHIPROCKET_ORDER_ID_MAX } from "./order-id"
import { normalizeIndianPhone } from "./phone"
import { normalizePincode } from "./pincode"
import { indianStateName } from "./indian-states"
import { DEFAULT_ITEM_GRAMS, shipmentWeightKg } from "./weight"

export type ShiprocketOrderItem = {
  name: string
  sku: string
  units: number
  /** rupees, per unit */
  selling_price: number
  discount?: number
  /** percent */
  tax?: number
  hsn?: string
}

export type ShiprocketAdhocOrderPayload = {
  order_id: string
  order_date: string
  pickup_location: string
  comment?: string
  billing_customer_name: string
  billing_last_name: string
  billing_address: string
  billing_address_2: string
  billing_city: string
  billing_pincode: string
  billing_state: string
  billing_country: string
  billing_email: string
  billing_phone: string
  shipping_is_billing: boolean
  shipping_customer_name?: string
  shipping_last_name?: string
  shipping_address?: string
  shipping_address_2?: string
  shipping_city?: string
  shipping_pincode?: string
  shipping_state?: string
  shipping_country?: string
  shipping_email?: string
  shipping_phone?: string
  order_items: ShiprocketOrderItem[]
  payment_method: "COD" | "Prepaid"
  sub_total: number
  length: number
  breadth: number
  height: number
  weight: number
  [extra: string]: unknown
}

export type ShiprocketReturnOrderPayload = {
  order_id: string
  order_date: string
  pickup_customer_name: string
  pickup_last_name: string
  pickup_address: string
  pickup_address_2: string
  pickup_city: string
  pickup_state: string
  pickup_country: string
  pickup_pincode: string
  pickup_email: string
  pickup_phone: string
  shipping_customer_name: string
  shipping_last_name: string
  shipping_address: string
  shipping_address_2: string
  shipping_city: string
  shipping_state: string
  shipping_country: string
  shipping_pincode: string
  shipping_email: string
  shipping_phone: string
  order_items: ShiprocketOrderItem[]
  payment_method: "Prepaid"
  sub_total: number
  length: number
  breadth: number
  height: number
  weight: number
  [extra: string]: unknown
}

/** Medusa's address fields. */
export type PlainAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
}

export type PlainLineItem = {
  title: string
  sku?: string | null
  variant_id?: string | null
  quantity: number
  /** paise, per unit, tax included (Indian prices are) */
  unit_price: number
  /** paise, for the whole line */
  discount_total?: number | null
  /** percent, informational */
  tax_rate?: number | null
  hsn?: string | number | null
  /** variant weight in grams */
  grams?: number | null
}

export type PackageInput = { length_cm?: number | null; breadth_cm?: number | null; height_cm?: number | null; weight_kg?: number | null }

export type PackageDefaults = { length_cm: number; breadth_cm: number; height_cm: number; default_item_grams: number; packaging_grams: number }

/** A folded kurta in a courier bag. */
export const DEFAULT_PACKAGE: PackageDefaults = { length_cm: 30, breadth_cm: 25, height_cm: 5, default_item_grams: DEFAULT_ITEM_GRAMS, packaging_grams: 0 }

/** Shiprocket wants each dimension > 0.5 cm. */
export const MIN_DIMENSION_CM = 0.5

export class ShiprocketPayloadError extends Error {
  readonly fieldErrors: FieldErrors
  constructor(fieldErrors: FieldErrors) {
    super(`cannot build the Shiprocket order: ${formatFieldErrors(fieldErrors)}`)
    this.name = "ShiprocketPayloadError"
    this.fieldErrors = fieldErrors
  }
}

export type AdhocOrderInput = {
  /** from shiprocketOrderId(fulfillment id, attempt) */
  order_id: string
  order_date: Date
  /** nickname of a pickup address registered at Shiprocket (the supplier's) */
  pickup_location: string
  payment: "cod" | "prepaid"
  email: string
  /** where the parcel goes */
  shipping_address: PlainAddress
  /** when absent or the same as the shipping address, shipping_is_billing is true */
  billing_address?: PlainAddress | null
  items: PlainLineItem[]
  /** shipping the customer pays for this parcel, paise */
  shipping_paise?: number | null
  /** an order-level discount not already in the lines, paise */
  discount_paise?: number | null
  package?: PackageInput | null
  comment?: string | null
}

export type ReturnOrderInput = {
  order_id: string
  order_date: Date
  /** the customer: the courier picks the parcel up here */
  customer: PlainAddress & { email: string }
  /** our or the supplier's warehouse: the parcel goes back here */
  warehouse: PlainAddress & { email: string }
  items: PlainLineItem[]
  package?: PackageInput | null
}

type Ctx = { errors: FieldErrors }

function text(v: unknown): string {
  return typeof v === "string" ? v.replace(/\s+/g, " ").trim() : typeof v === "number" ? String(v) : ""
}

function required(ctx: Ctx, field: string, value: unknown, label = field.replace(/_/g, " ")): string {
  const t = text(value)
  if (!t) addFieldError(ctx.errors, field, `The ${label} field is required.`)
  return t
}

type Party = {
  name: string
  last_name: string
  address: string
  address_2: string
  city: string
  pincode: string
  state: string
  country: string
  phone: string
}

function party(ctx: Ctx, prefix: string, a: PlainAddress | null | undefined, nameField: string): Party {
  const addr = a ?? {}
  const first = text(addr.first_name)
  const last = text(addr.last_name)
  const company = text(addr.company)
  const name = first || last || company
  if (!name) addFieldError(ctx.errors, nameField, `The ${nameField.replace(/_/g, " ")} field is required.`)
  const address = required(ctx, `${prefix}_address`, addr.address_1)
  const city = required(ctx, `${prefix}_city`, addr.city)
  if (city.length > 30) addFieldError(ctx.errors, `${prefix}_city`, `The ${prefix} city may not be greater than 30 characters.`)
  const rawPin = text(addr.postal_code)
  const pincode = normalizePincode(rawPin)
  if (!rawPin) addFieldError(ctx.errors, `${prefix}_pincode`, `The ${prefix} pincode field is required.`)
  else if (!pincode) addFieldError(ctx.errors, `${prefix}_pincode`, `The ${prefix} pincode must be 6 digits.`)
  const province = text(addr.province)
  const state = indianStateName(province) ?? province
  if (!state) addFieldError(ctx.errors, `${prefix}_state`, `The ${prefix} state field is required.`)
  const country = text(addr.country_code).toLowerCase()
  if (country && country !== "in" && country !== "ind" && country !== "india") {
    addFieldError(ctx.errors, `${prefix}_country`, `Shiprocket ships within India; the ${prefix} country is ${addr.country_code}.`)
  }
  const rawPhone = text(addr.phone)
  const phone = normalizeIndianPhone(rawPhone)
  if (!rawPhone) addFieldError(ctx.errors, `${prefix}_phone`, `The ${prefix} phone field is required.`)
  else if (!phone) addFieldError(ctx.errors, `${prefix}_phone`, `The ${prefix} phone must be a 10-digit Indian number.`)
  return {
    name: first ? first : name,
    last_name: first ? last : "",
    address,
    address_2: text(addr.address_2),
    city,
    pincode: pincode ?? rawPin,
    state,
    country: "India",
    phone: phone ?? rawPhone,
  }
}

function email(ctx: Ctx, field: string, value: unknown): string {
  const e = text(value)
  if (!e) addFieldError(ctx.errors, field, `The ${field.replace(/_/g, " ")} field is required.`)
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) addFieldError(ctx.errors, field, `The ${field.replace(/_/g, " ")} must be a valid email address.`)
  return e
}

function sameAddress(a: PlainAddress, b: PlainAddress): boolean {
  const keys: (keyof PlainAddress)[] = ["first_name", "last_name", "address_1", "address_2", "city", "province", "postal_code", "phone"]
  return keys.every((k) => text(a[k]).toLowerCase() === text(b[k]).toLowerCase())
}

function itemsOf(ctx: Ctx, items: readonly PlainLineItem[]): { lines: ShiprocketOrderItem[]; netPaise: number } {
  if (!Array.isArray(items) || items.length === 0) {
    addFieldError(ctx.errors, "order_items", "The order items field is required.")
    return { lines: [], netPaise: 0 }
  }
  let netPaise = 0
  const lines = items.map((item, i) => {
    const f = (name: string) => `order_items.${i}.${name}`
    const name = text(item.title)
    if (!name) addFieldError(ctx.errors, f("name"), `The order_items.${i}.name field is required.`)
    const sku = text(item.sku) || text(item.variant_id)
    if (!sku) addFieldError(ctx.errors, f("sku"), `The order_items.${i}.sku field is required.`)
    if (!Number.isInteger(item.quantity) || item.quantity < 1) addFieldError(ctx.errors, f("units"), `The order_items.${i}.units must be a whole number of at least 1.`)
    if (!Number.isInteger(item.unit_price) || item.unit_price < 0) addFieldError(ctx.errors, f("selling_price"), `The order_items.${i}.selling_price must be an amount in paise (a whole number >= 0).`)
    const discount = item.discount_total ?? 0
    if (!Number.isInteger(discount) || discount < 0) addFieldError(ctx.errors, f("discount"), `The order_items.${i}.discount must be an amount in paise (a whole number >= 0).`)
    const qty = Number.isInteger(item.quantity) && item.quantity > 0 ? item.quantity : 1
    const lineNet = Math.max(0, (Number.isInteger(item.unit_price) ? item.unit_price : 0) * qty - (Number.isInteger(discount) ? discount : 0))
    netPaise += lineNet
    const line: ShiprocketOrderItem = { name, sku, units: qty, selling_price: Math.round(lineNet / qty) / 100 }
    if (typeof item.tax_rate === "number" && Number.isFinite(item.tax_rate) && item.tax_rate >= 0) line.tax = item.tax_rate
    const hsn = text(item.hsn)
    if (hsn) line.hsn = hsn
    return line
  })
  return { lines, netPaise }
}

function dimensionsOf(ctx: Ctx, pkg: PackageInput | null | undefined, items: readonly PlainLineItem[], defaults: PackageDefaults) {
  for (const k of ["length_cm", "breadth_cm", "height_cm"] as const) {
    if (!(defaults[k] > MIN_DIMENSION_CM)) throw new RangeError(`default ${k} must be > ${MIN_DIMENSION_CM} cm, got ${defaults[k]}`)
  }
  const dim = (v: number | null | undefined, fallback: number) => (typeof v === "number" && Number.isFinite(v) && v > MIN_DIMENSION_CM ? v : fallback)
  const p = pkg ?? {}
  const weight =
    typeof p.weight_kg === "number" && Number.isFinite(p.weight_kg) && p.weight_kg > 0
      ? Math.ceil(p.weight_kg * 1000) / 1000
      : shipmentWeightKg(
          (Array.isArray(items) ? items : []).map((i) => ({ grams: i.grams, quantity: i.quantity })),
          { defaultGrams: defaults.default_item_grams, packagingGrams: defaults.packaging_grams }
        )
  if (!(weight > 0)) addFieldError(ctx.errors, "weight", "The weight must be greater than 0.")
  return {
    length: dim(p.length_cm, defaults.length_cm),
    breadth: dim(p.breadth_cm, defaults.breadth_cm),
    height: dim(p.height_cm, defaults.height_cm),
    weight,
  }
}

function checkOrderId(ctx: Ctx, id: unknown): string {
  const orderId = required(ctx, "order_id", id, "order id")
  if (orderId.length > SHIPROCKET_ORDER_ID_MAX) addFieldError(ctx.errors, "order_id", `The order id may not be greater than ${SHIPROCKET_ORDER_ID_MAX} characters.`)
  return orderId
}

function checkDate(ctx: Ctx, d: unknown): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    addFieldError(ctx.errors, "order_date", "The order date field is required.")
    return ""
  }
  return istDateString(d)
}

/** The `POST /orders/create/adhoc` body. Throws ShiprocketPayloadError listing every problem found. */
export function buildAdhocOrderPayload(input: AdhocOrderInput, defaults: PackageDefaults = DEFAULT_PACKAGE): ShiprocketAdhocOrderPayload {
  const ctx: Ctx = { errors: {} }
  const order_id = checkOrderId(ctx, input.order_id)
  const order_date = checkDate(ctx, input.order_date)
  const pickup_location = required(ctx, "pickup_location", input.pickup_location, "pickup location")
  const payment = input.payment === "cod" ? "COD" : input.payment === "prepaid" ? "Prepaid" : null
  if (!payment) addFieldError(ctx.errors, "payment_method", "The payment method must be cod or prepaid.")

  const ship = input.shipping_address ?? {}
  const bill = input.billing_address ?? null
  const separateBilling = !!bill && !sameAddress(bill, ship)
  // Billing is the buyer; when there is no separate billing address it is the delivery address.
  const billing = party(ctx, "billing", separateBilling ? bill : ship, "billing_customer_name")
  const billing_email = email(ctx, "billing_email", input.email)
  const shipping = separateBilling ? party(ctx, "shipping", ship, "shipping_customer_name") : null

  const { lines, netPaise } = itemsOf(ctx, input.items)
  const shippingPaise = input.shipping_paise ?? 0
  const discountPaise = input.discount_paise ?? 0
  if (!Number.isInteger(shippingPaise) || shippingPaise < 0) addFieldError(ctx.errors, "shipping_charges", "Shipping must be an amount in paise (a whole number >= 0).")
  if (!Number.isInteger(discountPaise) || discountPaise < 0) addFieldError(ctx.errors, "total_discount", "The discount must be an amount in paise (a whole number >= 0).")
  const subTotalPaise = netPaise + (Number.isInteger(shippingPaise) ? shippingPaise : 0) - (Number.isInteger(discountPaise) ? discountPaise : 0)
  if (subTotalPaise < 0) addFieldError(ctx.errors, "sub_total", "The discount is larger than the order.")
  const dims = dimensionsOf(ctx, input.package, input.items, defaults)

  if (Object.keys(ctx.errors).length) throw new ShiprocketPayloadError(ctx.errors)

  const payload: ShiprocketAdhocOrderPayload = {
    order_id,
    order_date,
    pickup_location,
    billing_customer_name: billing.name,
    billing_last_name: billing.last_name,
    billing_address: billing.address,
    billing_address_2: billing.address_2,
    billing_city: billing.city,
    billing_pincode: billing.pincode,
    billing_state: billing.state,
    billing_country: billing.country,
    billing_email,
    billing_phone: billing.phone,
    shipping_is_billing: !shipping,
    order_items: lines,
    payment_method: payment!,
    sub_total: paiseToRupees(subTotalPaise),
    ...dims,
  }
  if (shipping) {
    Object.assign(payload, {
      shipping_customer_name: shipping.name,
      shipping_last_name: shipping.last_name,
      shipping_address: shipping.address,
      shipping_address_2: shipping.address_2,
      shipping_city: shipping.city,
      shipping_pincode: shipping.pincode,
      shipping_state: shipping.state,
      shipping_country: shipping.country,
      shipping_email: billing_email,
      shipping_phone: shipping.phone,
    })
  }
  const comment = text(input.comment)
  if (comment) payload.comment = comment
  return payload
}

/** The `POST /orders/create/return` body: pickup_* is the customer, shipping_* the warehouse. */
export function buildReturnOrderPayload(input: ReturnOrderInput, defaults: PackageDefaults = DEFAULT_PACKAGE): ShiprocketReturnOrderPayload {
  const ctx: Ctx = { errors: {} }
  const order_id = checkOrderId(ctx, input.order_id)
  const order_date = checkDate(ctx, input.order_date)
  const pickup = party(ctx, "pickup", input.customer, "pickup_customer_name")
  const pickup_email = email(ctx, "pickup_email", input.customer?.email)
  const dest = party(ctx, "shipping", input.warehouse, "shipping_customer_name")
  const shipping_email = email(ctx, "shipping_email", input.warehouse?.email)
  const { lines, netPaise } = itemsOf(ctx, input.items)
  const dims = dimensionsOf(ctx, input.package, input.items, defaults)
  if (Object.keys(ctx.errors).length) throw new ShiprocketPayloadError(ctx.errors)
  return {
    order_id,
    order_date,
    pickup_customer_name: pickup.name,
    pickup_last_name: pickup.last_name,
    pickup_address: pickup.address,
    pickup_address_2: pickup.address_2,
    pickup_city: pickup.city,
    pickup_state: pickup.state,
    pickup_country: pickup.country,
    pickup_pincode: pickup.pincode,
    pickup_email,
    pickup_phone: pickup.phone,
    shipping_customer_name: dest.name,
    shipping_last_name: dest.last_name,
    shipping_address: dest.address,
    shipping_address_2: dest.address_2,
    shipping_city: dest.city,
    shipping_state: dest.state,
    shipping_country: dest.country,
    shipping_pincode: dest.pincode,
    shipping_email,
    shipping_phone: dest.phone,
    order_items: lines,
    payment_method: "Prepaid",
    sub_total: paiseToRupees(netPaise),
    ...dims,
  }
}
