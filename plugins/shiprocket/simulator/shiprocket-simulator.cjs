/**
 * A local Shiprocket (API v1 "external") for tests, benchmarks and trying the plugin by
 * hand. It follows ../../../../shared/CONTRACTS.md ("Shiprocket") and is written
 * independently of the plugin's code: it never imports the plugin's src, so a
 * misreading of the contract in our client cannot hide behind the same misreading here.
 *
 * Endpoints, under `/v1/external`: POST /auth/login, GET /courier/serviceability/,
 * POST /orders/create/adhoc, GET /orders?search=, GET /orders/processing/return?search=,
 * GET /orders/show/:id, POST /courier/assign/awb, POST /courier/generate/pickup,
 * GET /courier/track/awb/:awb, POST /orders/cancel, POST /orders/create/return,
 * GET /settings/company/pickup. Every call but login needs `Authorization: Bearer <token>`.
 *
 * Faults on demand: expired tokens, 429 bursts, 5xx, cut connections, slow answers, and
 * "store then time out" (the order is stored, the answer never comes). It counts requests
 * per endpoint, keeps a request log, and sends tracking webhooks like Shiprocket's.
 * Types and the pincode rules: shiprocket-simulator.d.ts.
 */
"use strict"

const http = require("node:http")
const crypto = require("node:crypto")

const BASE_PATH = "/v1/external"
const DAY_MS = 24 * 60 * 60 * 1000
const IST_MS = 330 * 60 * 1000
const MAX_BODY_BYTES = 2 * 1024 * 1024
const RATE_LIMIT_MESSAGE = "You have exceeded the API call rate limit."

/** Shipment status table (CONTRACTS.md), labels as Shiprocket prints them. */
const STATUS_LABELS = {
  1: "AWB ASSIGNED",
  2: "LABEL GENERATED",
  3: "PICKUP GENERATED",
  4: "PICKUP QUEUED",
  5: "MANIFEST GENERATED",
  6: "SHIPPED",
  7: "DELIVERED",
  8: "CANCELED",
  9: "RTO INITIATED",
  10: "RTO DELIVERED",
  12: "LOST",
  13: "PICKUP ERROR",
  15: "PICKUP RESCHEDULED",
  17: "OUT FOR DELIVERY",
  18: "IN TRANSIT",
  19: "OUT FOR PICKUP",
  20: "PICKUP EXCEPTION",
  21: "UNDELIVERED",
  22: "DELAYED",
  38: "REACHED AT DESTINATION HUB",
  42: "PICKED UP",
}
/** A few shipment ids as the *order* table numbers them (the webhook's current_status_id). */
const ORDER_TABLE_ID = { 9: 15, 17: 19, 18: 20, 21: 36, 42: 51 }
/** Once one of these is reached the order can no longer be cancelled. */
const PICKED_UP_OR_LATER = new Set([6, 7, 9, 10, 12, 17, 18, 21, 22, 38, 42])

/**
 * Couriers and their tariffs (rupees): first 0.5 kg and each further 0.5 kg, per zone
 * A (same city), B (same region), C (metro to metro), D (rest of India), E (North East, J&K).
 */
const COURIERS = [
  { id: 51, name: "Xpressbees Surface", cod: 1, surface: 1, rating: 3.9, base: [30, 35, 42, 48, 60], add: [28, 32, 38, 44, 55], days: [2, 3, 4, 5, 7] },
  { id: 6, name: "DTDC Surface", cod: 0, surface: 1, rating: 3.5, base: [28, 33, 40, 46, 58], add: [26, 30, 36, 42, 52], days: [3, 4, 5, 6, 8] },
  { id: 43, name: "Delhivery Surface", cod: 1, surface: 1, rating: 4.2, base: [32, 38, 45, 52, 64], add: [30, 34, 40, 46, 58], days: [2, 3, 4, 5, 6] },
  { id: 10, name: "Delhivery Air", cod: 1, surface: 0, rating: 4.4, base: [45, 55, 70, 80, 95], add: [40, 50, 62, 72, 88], days: [1, 2, 2, 3, 4] },
  { id: 1, name: "Blue Dart Air", cod: 1, surface: 0, rating: 4.7, base: [60, 72, 90, 100, 120], add: [55, 65, 80, 90, 110], days: [1, 1, 2, 2, 3] },
]
const RECOMMENDED_COURIER_ID = 43
const METRO_PREFIXES = new Set(["11", "40", "56", "60", "70", "50", "41"])
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

const ENDPOINTS = [
  ["POST", /^\/auth\/login\/?$/, "login"],
  ["GET", /^\/courier\/serviceability\/?$/, "serviceability"],
  ["POST", /^\/orders\/create\/adhoc\/?$/, "create_adhoc"],
  ["GET", /^\/orders\/?$/, "orders_search"],
  ["GET", /^\/orders\/processing\/return\/?$/, "returns_search"],
  ["GET", /^\/orders\/show\/([^/]+)\/?$/, "order_show"],
  ["POST", /^\/courier\/assign\/awb\/?$/, "assign_awb"],
  ["POST", /^\/courier\/generate\/pickup\/?$/, "generate_pickup"],
  ["GET", /^\/courier\/track\/awb\/([^/]+)\/?$/, "track_awb"],
  ["POST", /^\/orders\/cancel\/?$/, "cancel"],
  ["POST", /^\/orders\/create\/return\/?$/, "create_return"],
  ["GET", /^\/settings\/company\/pickup\/?$/, "pickup_locations"],
]
const ENDPOINT_NAMES = ENDPOINTS.map((e) => e[2])

// ---------------------------------------------------------------------------------------
// small helpers

const pad = (n, w = 2) => String(n).padStart(w, "0")

function istParts(date) {
  const d = new Date(date.getTime() + IST_MS)
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() }
}
/** "2026-11-23 10:15:00" (IST) */
function istDateTime(date) {
  const p = istParts(date)
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
}
/** "23 11 2026 10:15:00" (IST): the webhook's current_timestamp */
function webhookTimestamp(date) {
  const p = istParts(date)
  return `${pad(p.d)} ${pad(p.mo)} ${p.y} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
}
/** "Nov 27, 2026": serviceability's etd */
function etdText(date) {
  const p = istParts(date)
  return `${MONTHS[p.mo - 1]} ${pad(p.d)}, ${p.y}`
}
/** "23 Nov 2026, 10:15 AM": the order list's created_at */
function listDate(date) {
  const p = istParts(date)
  const h12 = p.h % 12 === 0 ? 12 : p.h % 12
  return `${p.d} ${MONTHS[p.mo - 1]} ${p.y}, ${pad(h12)}:${pad(p.mi)} ${p.h < 12 ? "AM" : "PM"}`
}

function isPincode(v) {
  return typeof v === "string" ? /^[1-9][0-9]{5}$/.test(v.trim()) : Number.isInteger(v) && v >= 100000 && v <= 999999
}
function isBlank(v) {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0)
}
function numeric(v) {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN
  if (typeof v === "string" && v.trim() !== "") return Number(v)
  return NaN
}
function human(field) {
  return field.replace(/_/g, " ")
}

function json(res, status, body) {
  if (res.headersSent || res.destroyed || res.writableEnded) return false
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
  res.end(text)
  return true
}

class Invalid {
  constructor() {
    this.errors = {}
  }
  add(field, message) {
    ;(this.errors[field] ??= []).push(message)
  }
  get any() {
    return Object.keys(this.errors).length > 0
  }
  body(message = "The given data was invalid.") {
    return { message, errors: this.errors, status_code: 422 }
  }
}

// ---------------------------------------------------------------------------------------

/**
 * @param {import("./shiprocket-simulator").ShiprocketSimulatorOptions} options
 * @returns {Promise<import("./shiprocket-simulator").ShiprocketSimulator>}
 */
async function startShiprocketSimulator(options = {}) {
  const host = options.host ?? "127.0.0.1"
  let port = options.port ?? 0
  const log = options.log ?? (() => {})
  const now = options.now ?? (() => new Date())
  const account = {
    email: options.email ?? "api@example.com",
    password: options.password ?? "secret",
    mfa: options.mfa ?? false,
  }
  let tokenTtlMs = options.tokenTtlMs ?? 10 * DAY_MS
  const maxLogins = options.maxLogins ?? Infinity
  const nonServiceableStyle = options.nonServiceableStyle ?? "body404"
  /** @type {Map<string, object>} */
  const pincodeRules = new Map(Object.entries(options.pincodes ?? {}))
  /** null: any pickup_location nickname is accepted */
  let pickupLocations = options.pickupLocations ? options.pickupLocations.map(normalizePickupLocation) : null
  const defaultPickupPincode = options.defaultPickupPincode ?? "110030"

  /** token -> { expiresAt (ms) } */
  const tokens = new Map()
  const stats = { loginAttempts: 0, logins: 0, failedLogins: 0, mfaChallenges: 0, unauthorized: 0, rateLimited: 0, serverErrors: 0, resets: 0, held: 0 }
  const counts = Object.fromEntries(ENDPOINT_NAMES.map((n) => [n, 0]))
  counts.unknown = 0
  /** @type {import("./shiprocket-simulator").SimRequestLogEntry[]} */
  const requests = []
  /** @type {import("./shiprocket-simulator").SimOrder[]} */
  const orders = []
  const webhooksSent = []
  /** one-shot faults, consumed in order */
  let faults = []
  /** endpoint (or "*") -> delay ms */
  const delays = new Map()
  let nextOrderId = 700000001
  let nextShipmentId = 600000001
  let nextAwb = 190000000001
  let seq = 0
  const listeners = new Set()
  const notify = () => {
    for (const fn of [...listeners]) fn()
  }

  let server = null
  const sockets = new Set()
  const held = new Set()
  const timers = new Set()

  function later(ms, fn) {
    const t = setTimeout(() => {
      timers.delete(t)
      fn()
    }, ms)
    timers.add(t)
  }

  function normalizePickupLocation(p) {
    if (typeof p === "string") return { pickup_location: p, pin_code: defaultPickupPincode }
    return { pickup_location: p.pickup_location, pin_code: String(p.pin_code ?? defaultPickupPincode) }
  }

  // -------------------------------------------------------------------- pincode rules

  function ruleFor(pincode) {
    const pin = String(pincode).trim()
    const explicit = pincodeRules.get(pin) ?? {}
    const serviceable = explicit.serviceable ?? !pin.endsWith("999")
    const prepaidOnly = explicit.cod === false || (explicit.cod === undefined && (pin.startsWith("79") || pin.startsWith("194")))
    return { serviceable, cod: !prepaidOnly, extraDays: explicit.extraDays ?? 0 }
  }

  function zoneOf(pickup, delivery) {
    const remote = (p) => p.startsWith("79") || p.startsWith("18") || p.startsWith("19")
    if (remote(pickup) || remote(delivery)) return 4
    if (pickup.slice(0, 3) === delivery.slice(0, 3)) return 0
    if (pickup.slice(0, 2) === delivery.slice(0, 2)) return 1
    if (METRO_PREFIXES.has(pickup.slice(0, 2)) && METRO_PREFIXES.has(delivery.slice(0, 2))) return 2
    return 3
  }

  /** The couriers for a route, or null when it is not serviceable. */
  function quote(pickup, delivery, weightKg, cod, declaredValue) {
    const from = ruleFor(pickup)
    const to = ruleFor(delivery)
    if (!from.serviceable || !to.serviceable) return null
    const zone = zoneOf(pickup, delivery)
    const slabs = Math.max(1, Math.ceil(Math.round(weightKg * 1000) / 500))
    const today = now()
    return COURIERS.map((c) => {
      const freight = c.base[zone] + c.add[zone] * (slabs - 1)
      const courierCod = to.cod ? c.cod : 0
      const codCharges = cod && courierCod ? Math.max(30, Math.round(0.02 * (declaredValue || 0) * 100) / 100) : 0
      const days = c.days[zone] + to.extraDays
      return {
        courier_company_id: c.id,
        courier_name: c.name,
        rate: Math.round((freight + codCharges) * 100) / 100,
        freight_charge: freight,
        cod_charges: codCharges,
        cod: courierCod,
        etd: etdText(new Date(today.getTime() + days * DAY_MS)),
        etd_hours: days * 24,
        estimated_delivery_days: String(days),
        rating: c.rating,
        is_surface: c.surface === 1,
        zone: `z_${"abcde"[zone]}`,
        min_weight: 0.5,
        charge_weight: slabs * 0.5,
        blocked: 0,
      }
    })
  }

  // -------------------------------------------------------------------- auth

  function bearer(req) {
    const h = req.headers.authorization
    const m = typeof h === "string" ? /^Bearer\s+(.+)$/i.exec(h.trim()) : null
    return m ? m[1] : null
  }

  /** null when the request may go on, else the 401 body */
  function checkToken(req) {
    const token = bearer(req)
    const t = token ? tokens.get(token) : undefined
    if (!t) return { message: "Unauthenticated.", status_code: 401 }
    if (t.expiresAt <= Date.now()) return { message: "Token has expired", status_code: 401 }
    return null
  }

  function issueToken() {
    const token = `sim.${crypto.randomBytes(24).toString("hex")}`
    tokens.set(token, { expiresAt: Date.now() + tokenTtlMs, issuedAt: Date.now() })
    return token
  }

  // -------------------------------------------------------------------- orders

  function findByChannelId(channelOrderId) {
    return orders.filter((o) => o.channel_order_id === channelOrderId)
  }
  function findById(id) {
    const n = Number(id)
    return orders.find((o) => o.order_id === n)
  }
  function findByShipmentId(id) {
    const n = Number(id)
    return orders.find((o) => o.shipment_id === n)
  }
  function findByAwb(awb) {
    return orders.find((o) => o.awb_code !== null && String(o.awb_code) === String(awb))
  }

  function currentStatusId(order) {
    return order.history.length ? order.history[order.history.length - 1].statusId : null
  }

  function addHistory(order, statusId, opts = {}) {
    const entry = {
      statusId,
      label: opts.label ?? STATUS_LABELS[statusId] ?? `STATUS ${statusId}`,
      at: opts.at ?? now(),
      location: opts.location ?? (order.is_return ? "Customer address" : "Origin hub"),
      activity: opts.activity ?? (STATUS_LABELS[statusId] ? STATUS_LABELS[statusId].toLowerCase().replace(/^./, (c) => c.toUpperCase()) : `Status ${statusId}`),
      courierStatus: opts.courierStatus ?? `SIM-${statusId}`,
    }
    order.history.push(entry)
    if (statusId === 8) {
      order.status = "CANCELED"
      order.status_code = 5
    } else if (statusId === 7) {
      order.status = "DELIVERED"
      order.status_code = 7
    }
    return entry
  }

  function validateAdhoc(b) {
    const v = new Invalid()
    const required = [
      "order_id",
      "order_date",
      "pickup_location",
      "billing_customer_name",
      "billing_address",
      "billing_city",
      "billing_pincode",
      "billing_state",
      "billing_country",
      "billing_email",
      "billing_phone",
      "order_items",
      "payment_method",
      "sub_total",
      "length",
      "breadth",
      "height",
      "weight",
    ]
    for (const f of required) if (isBlank(b[f])) v.add(f, `The ${human(f)} field is required.`)
    if (b.shipping_is_billing === undefined || b.shipping_is_billing === null || b.shipping_is_billing === "") {
      v.add("shipping_is_billing", "The shipping is billing field is required.")
    }
    const shippingIsBilling = b.shipping_is_billing === true || b.shipping_is_billing === 1 || b.shipping_is_billing === "1" || b.shipping_is_billing === "true"
    if (!shippingIsBilling && b.shipping_is_billing !== undefined) {
      for (const f of ["shipping_customer_name", "shipping_address", "shipping_city", "shipping_pincode", "shipping_state", "shipping_country", "shipping_phone"]) {
        if (isBlank(b[f])) v.add(f, `The ${human(f)} field is required when shipping is billing is false.`)
      }
    }
    commonChecks(v, b, ["billing", ...(shippingIsBilling ? [] : ["shipping"])])
    if (!isBlank(b.billing_email) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(b.billing_email))) v.add("billing_email", "The billing email must be a valid email address.")
    if (!isBlank(b.payment_method) && !["cod", "prepaid"].includes(String(b.payment_method).toLowerCase())) v.add("payment_method", "The selected payment method is invalid.")
    if (!isBlank(b.pickup_location) && pickupLocations && !pickupLocations.some((p) => p.pickup_location === b.pickup_location)) {
      v.add("pickup_location", `Wrong Pickup location entered. Please choose one of: ${pickupLocations.map((p) => p.pickup_location).join(", ")}.`)
    }
    return v
  }

  function validateReturn(b) {
    const v = new Invalid()
    const required = [
      "order_id",
      "order_date",
      "pickup_customer_name",
      "pickup_address",
      "pickup_city",
      "pickup_state",
      "pickup_country",
      "pickup_pincode",
      "pickup_email",
      "pickup_phone",
      "shipping_customer_name",
      "shipping_address",
      "shipping_city",
      "shipping_country",
      "shipping_pincode",
      "shipping_state",
      "shipping_phone",
      "order_items",
      "payment_method",
      "sub_total",
      "length",
      "breadth",
      "height",
      "weight",
    ]
    for (const f of required) if (isBlank(b[f])) v.add(f, `The ${human(f)} field is required.`)
    commonChecks(v, b, ["pickup", "shipping"])
    return v
  }

  function commonChecks(v, b, parties) {
    if (!isBlank(b.order_id) && String(b.order_id).length > 50) v.add("order_id", "The order id may not be greater than 50 characters.")
    if (!isBlank(b.order_date) && !/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(String(b.order_date))) v.add("order_date", "The order date does not match the format Y-m-d.")
    for (const p of parties) {
      const pin = b[`${p}_pincode`]
      if (!isBlank(pin) && !isPincode(pin)) v.add(`${p}_pincode`, `The ${p} pincode must be 6 digits.`)
      const phone = b[`${p}_phone`]
      if (!isBlank(phone) && !/^[1-9][0-9]{9}$/.test(String(phone).trim())) v.add(`${p}_phone`, `The ${p} phone must be 10 digits.`)
    }
    for (const d of ["length", "breadth", "height"]) {
      if (!isBlank(b[d]) && !(numeric(b[d]) > 0.5)) v.add(d, `The ${d} must be greater than 0.5.`)
    }
    if (!isBlank(b.weight) && !(numeric(b.weight) > 0)) v.add("weight", "The weight must be greater than 0.")
    if (!isBlank(b.sub_total) && !(numeric(b.sub_total) >= 0)) v.add("sub_total", "The sub total must be a number.")
    if (!isBlank(b.order_items)) {
      if (!Array.isArray(b.order_items)) v.add("order_items", "The order items must be an array.")
      else
        b.order_items.forEach((item, i) => {
          for (const f of ["name", "sku", "units", "selling_price"]) {
            if (!item || isBlank(item[f])) v.add(`order_items.${i}.${f}`, `The order_items.${i}.${f} field is required.`)
          }
          if (item && !isBlank(item.units) && !(Number.isInteger(numeric(item.units)) && numeric(item.units) >= 1)) v.add(`order_items.${i}.units`, `The order_items.${i}.units must be at least 1.`)
        })
    }
  }

  function createOrder(b, isReturn) {
    const v = isReturn ? validateReturn(b) : validateAdhoc(b)
    if (v.any) return { status: 422, body: v.body() }
    const channelOrderId = String(b.order_id)
    if (findByChannelId(channelOrderId).length) {
      const dup = new Invalid()
      dup.add("order_id", "The order id has already been taken.")
      return { status: 422, body: dup.body("Order Id already exists") }
    }
    const shippingIsBilling = !isReturn && (b.shipping_is_billing === true || b.shipping_is_billing === 1 || b.shipping_is_billing === "1" || b.shipping_is_billing === "true")
    const deliveryPincode = String(isReturn ? b.shipping_pincode : shippingIsBilling ? b.billing_pincode : b.shipping_pincode).trim()
    const pickupPincode = isReturn
      ? String(b.pickup_pincode).trim()
      : (pickupLocations?.find((p) => p.pickup_location === b.pickup_location)?.pin_code ?? defaultPickupPincode)
    const order = {
      order_id: nextOrderId++,
      shipment_id: nextShipmentId++,
      channel_order_id: channelOrderId,
      is_return: isReturn,
      status: isReturn ? "RETURN PENDING" : "NEW",
      status_code: isReturn ? 21 : 1,
      payment_method: String(b.payment_method).toLowerCase() === "cod" ? "cod" : "prepaid",
      pickup_pincode: pickupPincode,
      delivery_pincode: deliveryPincode,
      weight: numeric(b.weight),
      awb_code: null,
      courier_company_id: null,
      courier_name: null,
      pickup_scheduled_date: null,
      pickup_token_number: null,
      created_at: now(),
      payload: b,
      history: [],
    }
    orders.push(order)
    log(`stored ${isReturn ? "return" : "order"} ${channelOrderId} as ${order.order_id} / shipment ${order.shipment_id}`)
    const body = { order_id: order.order_id, shipment_id: order.shipment_id, status: order.status, status_code: order.status_code }
    if (isReturn) body.company_name = "Simulated Shiprocket"
    else Object.assign(body, { onboarding_completed_now: 0, awb_code: null, courier_company_id: null, courier_name: null })
    return { status: 200, body }
  }

  function listItem(o) {
    const b = o.payload
    const name = o.is_return ? b.pickup_customer_name : (b.billing_customer_name ?? "")
    return {
      id: o.order_id,
      channel_id: 1000001,
      channel_name: "CUSTOM",
      base_channel_code: "CS",
      channel_order_id: o.channel_order_id,
      customer_name: `${name ?? ""} ${(o.is_return ? b.pickup_last_name : b.billing_last_name) ?? ""}`.trim(),
      customer_email: o.is_return ? b.pickup_email : b.billing_email,
      customer_phone: String(o.is_return ? b.pickup_phone : b.billing_phone),
      customer_pincode: o.delivery_pincode,
      pickup_location: o.is_return ? "" : b.pickup_location,
      payment_method: o.payment_method,
      total: String(b.sub_total),
      status: o.status,
      status_code: o.status_code,
      created_at: listDate(o.created_at),
      products: (Array.isArray(b.order_items) ? b.order_items : []).map((i, n) => ({ id: o.order_id * 10 + n, name: i.name, channel_sku: i.sku, sku: i.sku, quantity: Number(i.units), price: Number(i.selling_price) })),
      shipment_id: o.shipment_id,
      shipments: [
        {
          id: o.shipment_id,
          isd_code: "+91",
          courier: o.courier_name ?? "",
          sr_courier_id: o.courier_company_id ?? "",
          weight: String(o.weight),
          dimensions: `${b.length}x${b.breadth}x${b.height}`,
          awb: o.awb_code ?? "",
          pickup_scheduled_date: o.pickup_scheduled_date,
          pickup_token_number: o.pickup_token_number,
          status: currentStatusId(o),
        },
      ],
    }
  }

  function search(query, isReturn) {
    const q = String(query.get("search") ?? "").trim()
    const perPage = Math.min(100, Math.max(1, Number(query.get("per_page")) || 15))
    const page = Math.max(1, Number(query.get("page")) || 1)
    // Shiprocket's search is fuzzy (order id, channel order id, AWB, phone...): callers filter exact matches.
    const matches = orders
      .filter((o) => o.is_return === isReturn)
      .filter((o) => !q || o.channel_order_id.includes(q) || String(o.order_id) === q || (o.awb_code && String(o.awb_code) === q))
      .sort((a, b) => b.order_id - a.order_id)
    const slice = matches.slice((page - 1) * perPage, page * perPage)
    return {
      data: slice.map(listItem),
      meta: { pagination: { total: matches.length, count: slice.length, per_page: perPage, current_page: page, total_pages: Math.max(1, Math.ceil(matches.length / perPage)), links: {} } },
    }
  }

  function assignAwb(b) {
    if (isBlank(b.shipment_id)) {
      const v = new Invalid()
      v.add("shipment_id", "The shipment id field is required.")
      return { status: 422, body: v.body() }
    }
    const order = findByShipmentId(b.shipment_id)
    if (!order) return { status: 404, body: { message: `Shipment ${b.shipment_id} not found`, status_code: 404 } }
    const noCourier = (why) => ({ status: 200, body: { awb_assign_status: 0, response: { data: { awb_assign_error: why } } } })
    if (order.status === "CANCELED") return { status: 400, body: { message: "Cannot assign AWB: the order is cancelled", status_code: 400 } }
    if (order.awb_code) return noCourier(`AWB is already assigned to shipment ${order.shipment_id}`)
    const declared = numeric(order.payload.sub_total) || 0
    const cod = order.payment_method === "cod"
    const list = quote(order.pickup_pincode, order.delivery_pincode, order.weight || 0.5, cod, declared)
    if (!list) return noCourier(`No courier serviceable for ${order.pickup_pincode} -> ${order.delivery_pincode}`)
    const usable = list.filter((c) => !cod || c.cod === 1)
    let courier
    if (!isBlank(b.courier_id)) {
      courier = usable.find((c) => c.courier_company_id === Number(b.courier_id))
      if (!courier) return noCourier(`Courier ${b.courier_id} cannot take this shipment`)
    } else {
      courier = usable.find((c) => c.courier_company_id === RECOMMENDED_COURIER_ID) ?? usable[0]
      if (!courier) return noCourier("No courier can collect cash on delivery for this pincode")
    }
    order.awb_code = String(nextAwb++)
    order.courier_company_id = courier.courier_company_id
    order.courier_name = courier.courier_name
    order.status = order.is_return ? order.status : "READY TO SHIP"
    order.status_code = order.is_return ? order.status_code : 3
    addHistory(order, 1)
    return {
      status: 200,
      body: {
        awb_assign_status: 1,
        response: {
          data: {
            courier_company_id: courier.courier_company_id,
            awb_code: order.awb_code,
            cod: cod ? 1 : 0,
            order_id: order.order_id,
            shipment_id: order.shipment_id,
            awb_code_status: 1,
            assigned_date_time: { date: `${istDateTime(now())}.000000`, timezone_type: 3, timezone: "Asia/Kolkata" },
            applied_weight: order.weight,
            courier_name: courier.courier_name,
            child_courier_name: null,
            pickup_scheduled_date: null,
            routing_code: "",
            rto_routing_code: "",
            invoice_no: `SIM${order.order_id}`,
            transporter_id: "",
            transporter_name: "",
          },
        },
      },
    }
  }

  function generatePickup(b) {
    const ids = Array.isArray(b.shipment_id) ? b.shipment_id : isBlank(b.shipment_id) ? [] : [b.shipment_id]
    if (ids.length === 0) {
      const v = new Invalid()
      v.add("shipment_id", "The shipment id field is required.")
      return { status: 422, body: v.body() }
    }
    const order = findByShipmentId(ids[0])
    if (!order) return { status: 404, body: { message: `Shipment ${ids[0]} not found`, status_code: 404 } }
    if (order.status === "CANCELED") return { status: 400, body: { message: "Cannot schedule a pickup for a cancelled order", status_code: 400 } }
    if (!order.awb_code) return { status: 400, body: { message: "Please assign AWB first", status_code: 400 } }
    if (order.pickup_token_number) return { status: 400, body: { message: "Already in Pickup Queue.", status_code: 400 } }
    const p = istParts(new Date(now().getTime() + DAY_MS))
    order.pickup_scheduled_date = `${p.y}-${pad(p.mo)}-${pad(p.d)} 10:00:00`
    order.pickup_token_number = `Reference No: ${crypto.randomInt(100000000, 999999999)}`
    addHistory(order, 3)
    return {
      status: 200,
      body: {
        pickup_status: 1,
        response: {
          pickup_scheduled_date: order.pickup_scheduled_date,
          pickup_token_number: order.pickup_token_number,
          status: 3,
          others: "",
          pickup_generated_date: { date: `${istDateTime(now())}.000000`, timezone_type: 3, timezone: "Asia/Kolkata" },
          data: `Pickup is scheduled for ${order.pickup_scheduled_date}`,
        },
      },
    }
  }

  function track(awb) {
    const order = findByAwb(awb)
    if (!order || order.history.length === 0) {
      return {
        status: 200,
        body: {
          tracking_data: {
            track_status: 0,
            shipment_status: 0,
            shipment_track: [],
            shipment_track_activities: null,
            error: "Aahh! There is no activities found in our DB. Please have some patience it will be updated soon.",
          },
        },
      }
    }
    const last = order.history[order.history.length - 1]
    const delivered = order.history.find((h) => h.statusId === 7)
    const etd = etdFor(order)
    return {
      status: 200,
      body: {
        tracking_data: {
          track_status: 1,
          shipment_status: last.statusId,
          shipment_track: [
            {
              id: order.shipment_id * 3,
              awb_code: order.awb_code,
              courier_company_id: order.courier_company_id,
              shipment_id: order.shipment_id,
              order_id: order.order_id,
              pickup_date: order.history.find((h) => h.statusId === 42) ? istDateTime(order.history.find((h) => h.statusId === 42).at) : null,
              delivered_date: delivered ? istDateTime(delivered.at) : null,
              weight: String(order.weight),
              packages: 1,
              current_status: last.label.replace(/\w\S*/g, (w) => w[0] + w.slice(1).toLowerCase()),
              delivered_to: delivered ? order.payload.billing_city ?? "" : "",
              destination: order.payload.billing_city ?? order.payload.shipping_city ?? "",
              consignee_name: order.payload.billing_customer_name ?? order.payload.shipping_customer_name ?? "",
              origin: "Origin hub",
              courier_agent_details: null,
              edd: etd,
            },
          ],
          shipment_track_activities: [...order.history].reverse().map(scanOf),
          track_url: `https://shiprocket.co/tracking/${order.awb_code}`,
          etd,
        },
      },
    }
  }

  function etdFor(order) {
    const days = COURIERS.find((c) => c.id === order.courier_company_id)?.days[zoneOf(order.pickup_pincode, order.delivery_pincode)] ?? 4
    return istDateTime(new Date(order.created_at.getTime() + (days + ruleFor(order.delivery_pincode).extraDays) * DAY_MS))
  }

  function scanOf(h) {
    return { date: istDateTime(h.at), status: h.courierStatus, activity: h.activity, location: h.location, "sr-status": String(h.statusId), "sr-status-label": h.label }
  }

  function cancel(b) {
    const ids = Array.isArray(b.ids) ? b.ids : []
    if (ids.length === 0) {
      const v = new Invalid()
      v.add("ids", "The ids field is required.")
      return { status: 422, body: v.body() }
    }
    const found = ids.map((id) => [id, findById(id)])
    const unknown = found.filter(([, o]) => !o).map(([id]) => id)
    if (unknown.length) return { status: 400, body: { message: `Invalid order id(s): ${unknown.join(", ")}`, status_code: 400 } }
    const late = found.filter(([, o]) => o.history.some((h) => PICKED_UP_OR_LATER.has(h.statusId))).map(([id]) => id)
    if (late.length) return { status: 400, body: { message: `Order(s) ${late.join(", ")} cannot be cancelled after pickup`, status_code: 400 } }
    for (const [, o] of found) if (o.status !== "CANCELED") addHistory(o, 8)
    return { status: 200, body: { status_code: 200, message: "Order cancelled successfully." } }
  }

  // -------------------------------------------------------------------- faults

  function takeFault(kinds, endpoint) {
    const i = faults.findIndex((f) => kinds.includes(f.kind) && f.remaining > 0 && (f.endpoint === null || f.endpoint === endpoint))
    if (i < 0) return null
    const f = faults[i]
    f.remaining--
    if (f.remaining <= 0) faults.splice(i, 1)
    return f
  }

  function addFault(kind, n, extra) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`shiprocket simulator: count must be a whole number, got ${n}`)
    if (extra.endpoint != null && !ENDPOINT_NAMES.includes(extra.endpoint)) throw new Error(`shiprocket simulator: unknown endpoint ${extra.endpoint} (one of ${ENDPOINT_NAMES.join(", ")})`)
    if (n > 0) faults.push({ ...extra, kind, remaining: n, endpoint: extra.endpoint ?? null })
  }

  // -------------------------------------------------------------------- request handling

  function route(method, path) {
    for (const [m, re, name] of ENDPOINTS) {
      const match = re.exec(path)
      if (match && m === method) return { name, param: match[1] ? decodeURIComponent(match[1]) : undefined }
    }
    return null
  }

  function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://simulator")
    if (req.method === "GET" && url.pathname === "/health") {
      req.resume()
      return json(res, 200, { ok: true })
    }
    const chunks = []
    let size = 0
    req.on("data", (c) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        json(res, 413, { message: "body too large", status_code: 413 })
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on("error", () => {})
    req.on("end", () => {
      if (res.headersSent) return
      const raw = Buffer.concat(chunks).toString("utf8")
      const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) || "/" : null
      const r = path === null ? null : route(req.method, path)
      const entry = {
        seq: ++seq,
        at: new Date(),
        method: req.method,
        path: path ?? url.pathname,
        query: Object.fromEntries(url.searchParams),
        endpoint: r ? r.name : "unknown",
        status: null,
        fault: null,
        body: undefined,
        handled: false,
      }
      requests.push(entry)
      const answer = (status, body) => {
        if (json(res, status, body)) entry.status = status
        entry.handled = true
        notify()
      }
      if (!r) {
        counts.unknown++
        return answer(404, { message: `No route for ${req.method} ${url.pathname} (the API lives under ${BASE_PATH})`, status_code: 404 })
      }
      counts[r.name]++
      let body = {}
      if (req.method === "POST") {
        try {
          body = raw.trim() ? JSON.parse(raw) : {}
        } catch {
          return answer(400, { message: "The request body is not valid JSON.", status_code: 400 })
        }
        if (!body || typeof body !== "object" || Array.isArray(body)) return answer(400, { message: "The request body must be a JSON object.", status_code: 400 })
        entry.body = body
      }
      if (r.name === "login") stats.loginAttempts++

      // Faults that stop a request before it is processed.
      const pre = takeFault(["rate_limit", "fail", "reset"], r.name)
      const oneShotDelay = takeFault(["delay"], r.name)
      const delay = oneShotDelay ? oneShotDelay.ms : (delays.get(r.name) ?? delays.get("*") ?? 0)
      if (delay > 0) entry.fault = "delayed"
      const go = () => {
        try {
          processRequest()
        } finally {
          entry.handled = true
          notify()
        }
      }
      const processRequest = () => {
        if (pre?.kind === "rate_limit") {
          stats.rateLimited++
          entry.fault = "rate_limited"
          return answer(429, { message: RATE_LIMIT_MESSAGE, status_code: 429 })
        }
        if (pre?.kind === "fail") {
          stats.serverErrors++
          entry.fault = "server_error"
          return answer(pre.status, pre.body ?? { message: "Internal Server Error (simulated)", status_code: pre.status })
        }
        if (pre?.kind === "reset") {
          stats.resets++
          entry.fault = "reset"
          req.socket.destroy()
          return notify()
        }
        if (r.name !== "login") {
          const refused = checkToken(req)
          if (refused) {
            stats.unauthorized++
            return answer(401, refused)
          }
        }
        const result = dispatch(r, body, url.searchParams)
        // Faults that hit after the work is done: the caller cannot know it succeeded.
        if ((r.name === "create_adhoc" || r.name === "create_return") && result.status === 200) {
          const post = takeFault(["store_then_timeout", "store_then_fail"], r.name)
          if (post?.kind === "store_then_timeout") {
            stats.held++
            entry.fault = "store_then_timeout"
            held.add(res)
            res.on("close", () => held.delete(res))
            log(`holding the answer to ${r.name} ${body.order_id} (stored, never answered)`)
            return notify()
          }
          if (post?.kind === "store_then_fail") {
            stats.serverErrors++
            entry.fault = "store_then_fail"
            return answer(post.status, { message: "Gateway Timeout (simulated, after storing)", status_code: post.status })
          }
        }
        answer(result.status, result.body)
      }
      if (delay > 0) later(delay, go)
      else go()
    })
  }

  function dispatch(r, body, query) {
    switch (r.name) {
      case "login":
        return login(body)
      case "serviceability":
        return serviceability(query)
      case "create_adhoc":
        return createOrder(body, false)
      case "create_return":
        return createOrder(body, true)
      case "orders_search":
        return { status: 200, body: search(query, false) }
      case "returns_search":
        return { status: 200, body: search(query, true) }
      case "order_show": {
        const o = findById(r.param)
        return o ? { status: 200, body: { data: listItem(o) } } : { status: 404, body: { message: "Order not found", status_code: 404 } }
      }
      case "assign_awb":
        return assignAwb(body)
      case "generate_pickup":
        return generatePickup(body)
      case "track_awb":
        return track(r.param)
      case "cancel":
        return cancel(body)
      case "pickup_locations":
        return {
          status: 200,
          body: {
            data: {
              shipping_address: (pickupLocations ?? [{ pickup_location: "Primary", pin_code: defaultPickupPincode }]).map((p, i) => ({
                id: 9000 + i,
                pickup_location: p.pickup_location,
                address: "Simulated warehouse",
                city: "New Delhi",
                state: "Delhi",
                country: "India",
                pin_code: p.pin_code,
                phone: "9999999999",
                status: 2,
              })),
            },
          },
        }
      default:
        return { status: 404, body: { message: "not implemented", status_code: 404 } }
    }
  }

  function login(body) {
    const v = new Invalid()
    if (isBlank(body.email)) v.add("email", "The email field is required.")
    if (isBlank(body.password)) v.add("password", "The password field is required.")
    if (v.any) return { status: 422, body: v.body() }
    if (stats.logins + stats.mfaChallenges >= maxLogins) {
      stats.failedLogins++
      return { status: 403, body: { message: "Too many login attempts: this account is blocked for a while.", status_code: 403 } }
    }
    if (body.email !== account.email || body.password !== account.password) {
      stats.failedLogins++
      return { status: 401, body: { message: "Invalid email and password combination", status_code: 401 } }
    }
    if (account.mfa) {
      stats.mfaChallenges++
      return { status: 200, body: { is_mfa_enabled: true, user_id: 4242, message: "OTP sent to your registered mobile number" } }
    }
    stats.logins++
    const token = issueToken()
    return {
      status: 200,
      body: { id: 4242, first_name: "API", last_name: "User", email: account.email, company_id: 777, created_at: istDateTime(now()), token },
    }
  }

  function serviceability(q) {
    const v = new Invalid()
    const pickup = (q.get("pickup_postcode") ?? "").trim()
    const delivery = (q.get("delivery_postcode") ?? "").trim()
    for (const [f, val] of [["pickup_postcode", pickup], ["delivery_postcode", delivery]]) {
      if (!val) v.add(f, `The ${human(f)} field is required.`)
      else if (!isPincode(val)) v.add(f, `The ${human(f)} must be 6 digits.`)
    }
    const hasOrderId = !!(q.get("order_id") ?? "").trim()
    const codRaw = q.get("cod")
    if (!hasOrderId) {
      if (codRaw === null || codRaw === "") v.add("cod", "The cod field is required when order id is not present.")
      else if (codRaw !== "0" && codRaw !== "1") v.add("cod", "The cod must be 0 or 1.")
      const w = q.get("weight")
      if (w === null || w === "") v.add("weight", "The weight field is required when order id is not present.")
      else if (!(numeric(w) > 0)) v.add("weight", "The weight must be greater than 0.")
    }
    const declared = q.get("declared_value")
    if (declared !== null && declared !== "" && !(numeric(declared) >= 0)) v.add("declared_value", "The declared value must be a number.")
    if (v.any) return { status: 422, body: v.body() }
    const list = quote(pickup, delivery, numeric(q.get("weight")) || 0.5, codRaw === "1", numeric(declared) || 0)
    if (!list) {
      const msg = `Courier is not serviceable between ${pickup} and ${delivery}`
      return nonServiceableStyle === "http404" ? { status: 404, body: { message: msg, status_code: 404 } } : { status: 200, body: { status: 404, message: msg, data: { available_courier_companies: [] } } }
    }
    return {
      status: 200,
      body: {
        status: 200,
        currency: "INR",
        data: { available_courier_companies: list, recommended_courier_company_id: RECOMMENDED_COURIER_ID, shiprocket_recommended_courier_id: RECOMMENDED_COURIER_ID, is_recommendation_enabled: 1 },
      },
    }
  }

  // -------------------------------------------------------------------- webhooks

  function webhookPayload(order, overrides = {}) {
    const last = order.history[order.history.length - 1]
    const statusId = last ? last.statusId : 1
    const label = last ? last.label : STATUS_LABELS[1]
    const at = last ? last.at : now()
    const payload = {
      awb: /^\d+$/.test(order.awb_code) ? Number(order.awb_code) : order.awb_code,
      courier_name: order.courier_name,
      current_status: label,
      current_status_id: ORDER_TABLE_ID[statusId] ?? statusId,
      shipment_status: label,
      shipment_status_id: statusId,
      current_timestamp: webhookTimestamp(at),
      order_id: `${order.channel_order_id}_${order.order_id}`,
      sr_order_id: order.order_id,
      awb_assigned_date: order.history[0] ? istDateTime(order.history[0].at) : null,
      pickup_scheduled_date: order.pickup_scheduled_date,
      etd: etdFor(order),
      scans: order.history.map(scanOf),
      is_return: order.is_return ? 1 : 0,
      channel_id: 1000001,
      pod_status: statusId === 7 ? "OTP Based Delivery" : "",
      pod: "Not Available",
    }
    return { ...payload, ...overrides }
  }

  function checkWebhookUrl(url) {
    const lower = String(url).toLowerCase()
    const word = ["shiprocket", "kartrocket", "sr", "kr"].find((w) => lower.replace(/^https?:\/\//, "").includes(w))
    if (word) {
      throw new Error(
        `shiprocket simulator: Shiprocket refuses webhook URLs containing "${word}" (no shiprocket, kartrocket, sr or kr): ${url}. Use another path, or pass allowAnyUrl: true.`
      )
    }
  }

  async function sendTrackingWebhook(opts) {
    if (!opts || !opts.url) throw new Error("shiprocket simulator: sendTrackingWebhook needs a url")
    if (!opts.allowAnyUrl) checkWebhookUrl(opts.url)
    let payload
    if (opts.rawBody === undefined) {
      const order = opts.awb !== undefined ? findByAwb(opts.awb) : undefined
      if (order && opts.statusId !== undefined) addHistory(order, opts.statusId, { at: opts.at, location: opts.location, activity: opts.activity, label: opts.label })
      if (order) payload = webhookPayload(order, opts.payload)
      else if (opts.payload) payload = { ...opts.payload }
      else throw new Error(`shiprocket simulator: no shipment with AWB ${opts.awb}; pass payload to send one anyway`)
    }
    const body = opts.rawBody ?? JSON.stringify(payload)
    const headers = { "content-type": "application/json", "user-agent": "shiprocket-simulator/1" }
    if (opts.apiKey !== undefined && opts.apiKey !== null) headers["x-api-key"] = opts.apiKey
    for (const [k, val] of Object.entries(opts.headers ?? {})) {
      if (val === null || val === undefined) delete headers[k.toLowerCase()]
      else headers[k.toLowerCase()] = val
    }
    const record = { at: new Date(), url: opts.url, payload, status: null, error: null }
    webhooksSent.push(record)
    try {
      const res = await fetch(opts.url, { method: "POST", headers, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 10000) })
      const text = await res.text()
      let parsed = text
      try {
        parsed = text ? JSON.parse(text) : text
      } catch {
        // not JSON
      }
      record.status = res.status
      notify()
      // Only a 200 counts as delivered at Shiprocket.
      return { status: res.status, delivered: res.status === 200, body: parsed, payload }
    } catch (error) {
      record.error = error?.message ?? String(error)
      notify()
      throw error
    }
  }

  // -------------------------------------------------------------------- server

  function listen() {
    return new Promise((resolve, reject) => {
      const s = http.createServer(handle)
      s.keepAliveTimeout = 5000
      s.on("connection", (socket) => {
        sockets.add(socket)
        socket.on("close", () => sockets.delete(socket))
      })
      s.once("error", reject)
      s.listen(port, host, () => {
        s.off("error", reject)
        s.on("error", (error) => log(`server error: ${error.message}`))
        port = s.address().port
        server = s
        resolve()
      })
    })
  }

  await listen()
  const origin = () => `http://${host.includes(":") ? `[${host}]` : host}:${port}`

  const sim = {
    get url() {
      return `${origin()}${BASE_PATH}`
    },
    get origin() {
      return origin()
    },
    get port() {
      return port
    },
    credentials: { email: account.email, password: account.password },
    requests,
    orders,
    webhooksSent,

    // tokens and account
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = Math.min(t.expiresAt, Date.now() - 1)
      log("all tokens expired")
    },
    setTokenTtlMs(ms) {
      tokenTtlMs = ms
    },
    setMfa(on) {
      account.mfa = !!on
    },
    setPassword(password) {
      account.password = password
      sim.credentials.password = password
    },
    validTokenCount() {
      const t = Date.now()
      return [...tokens.values()].filter((x) => x.expiresAt > t).length
    },

    // faults
    rateLimitNext(n, { endpoint } = {}) {
      addFault("rate_limit", n, { endpoint })
    },
    failNext(n, { status = 500, endpoint, body } = {}) {
      if (!(status >= 500 && status <= 599)) throw new Error(`shiprocket simulator: failNext wants a 5xx status, got ${status}`)
      addFault("fail", n, { endpoint, status, body })
    },
    resetNext(n, { endpoint } = {}) {
      addFault("reset", n, { endpoint })
    },
    delayNext(n, ms, { endpoint } = {}) {
      addFault("delay", n, { endpoint, ms })
    },
    setDelay(endpoint, ms) {
      if (endpoint !== "*" && !ENDPOINT_NAMES.includes(endpoint)) throw new Error(`shiprocket simulator: unknown endpoint ${endpoint}`)
      if (!ms) delays.delete(endpoint)
      else delays.set(endpoint, ms)
    },
    storeThenTimeoutNext(n = 1, { endpoint = "create_adhoc" } = {}) {
      if (endpoint !== "create_adhoc" && endpoint !== "create_return") throw new Error("shiprocket simulator: store-then-time-out applies to create_adhoc or create_return")
      addFault("store_then_timeout", n, { endpoint })
    },
    storeThenFailNext(n = 1, { status = 504, endpoint = "create_adhoc" } = {}) {
      if (endpoint !== "create_adhoc" && endpoint !== "create_return") throw new Error("shiprocket simulator: store-then-fail applies to create_adhoc or create_return")
      addFault("store_then_fail", n, { endpoint, status })
    },
    clearFaults() {
      faults = []
      delays.clear()
    },
    pendingFaults() {
      return faults.map((f) => ({ ...f }))
    },

    // pincodes and pickup locations
    setPincodeRule(pincode, rule) {
      if (rule) pincodeRules.set(String(pincode), rule)
      else pincodeRules.delete(String(pincode))
    },
    quote(pickupPincode, deliveryPincode, weightKg, cod = false, declaredValue = 0) {
      return quote(String(pickupPincode), String(deliveryPincode), weightKg, cod, declaredValue)
    },
    setPickupLocations(list) {
      pickupLocations = list ? list.map(normalizePickupLocation) : null
    },

    // observation
    counts() {
      return { ...counts }
    },
    stats() {
      return { ...stats }
    },
    resetCounters() {
      for (const k of Object.keys(counts)) counts[k] = 0
      for (const k of Object.keys(stats)) stats[k] = 0
      requests.length = 0
    },
    ordersByChannelId(channelOrderId) {
      return findByChannelId(String(channelOrderId))
    },
    orderByAwb(awb) {
      return findByAwb(awb) ?? null
    },
    waitFor(predicate, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        let done = false
        const finish = (fn, value) => {
          if (done) return
          done = true
          listeners.delete(check)
          clearInterval(poll)
          clearTimeout(timer)
          fn(value)
        }
        const check = () => {
          let value
          try {
            value = predicate(sim)
          } catch (error) {
            return finish(reject, error)
          }
          if (value) finish(resolve, value)
        }
        const timer = setTimeout(() => finish(reject, new Error(`shiprocket simulator: condition not met within ${timeoutMs} ms (${JSON.stringify(counts)})`)), timeoutMs)
        const poll = setInterval(check, 50)
        listeners.add(check)
        check()
      })
    },

    // shipments and webhooks
    advanceShipment(awb, statusId, opts = {}) {
      const order = findByAwb(awb)
      if (!order) throw new Error(`shiprocket simulator: no shipment with AWB ${awb}`)
      return addHistory(order, statusId, opts)
    },
    webhookPayload(awb, overrides) {
      const order = findByAwb(awb)
      if (!order) throw new Error(`shiprocket simulator: no shipment with AWB ${awb}`)
      return webhookPayload(order, overrides)
    },
    sendTrackingWebhook,

    async close() {
      listeners.clear()
      for (const t of timers) clearTimeout(t)
      timers.clear()
      for (const res of held) res.destroy()
      held.clear()
      if (!server) return
      const s = server
      server = null
      await new Promise((resolve) => {
        s.close(() => resolve())
        for (const socket of sockets) socket.destroy()
        sockets.clear()
      })
    },
  }
  return sim
}

module.exports = { startShiprocketSimulator, SIMULATOR_BASE_PATH: BASE_PATH, SIMULATOR_COURIERS: COURIERS, SIMULATOR_STATUS_LABELS: STATUS_LABELS }
