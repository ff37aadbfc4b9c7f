/**
 * The shopper and the merchant: Store and Admin API calls that ride out a backend restart.
 * Idempotent calls are retried while the server is down (connection refused or reset,
 * 5xx); the rest check what the server already did before trying again, so a checkout
 * cut in the middle finishes on the same cart and never places a second order.
 */

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Connection refused or reset, socket closed, timed out: the server may or may not have acted. */
function isNetworkError(error) {
  return error instanceof TypeError || error?.name === "TimeoutError" || error?.name === "AbortError" || /fetch failed|ECONN|socket|terminated/i.test(String(error?.message))
}

export class ApiError extends Error {
  constructor(method, path, status, text) {
    super(`${method} ${path}: ${status} ${String(text).slice(0, 300)}`)
    this.status = status
  }
}

/**
 * @param {string} baseUrl
 * @param {{ retryForMs?: number, counters?: { retries: number } }} [options]
 */
export function createClient(baseUrl, options = {}) {
  const retryForMs = options.retryForMs ?? 240000
  const counters = options.counters ?? { retries: 0 }
  let headers = {}

  /** One attempt. Throws on network errors; resolves with any HTTP answer. */
  async function once(method, path, body, timeoutMs = 60000, extraHeaders = {}) {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers, ...extraHeaders },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let parsed = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, text, headers: res.headers }
  }

  /**
   * An idempotent call, retried through network errors and 5xx (and the statuses in
   * `retryStatuses`) for up to retryForMs. Other answers are returned as they are.
   */
  async function call(method, path, body, { retryStatuses = [] } = {}) {
    const deadline = Date.now() + retryForMs
    for (let attempt = 0; ; attempt++) {
      let outcome
      try {
        outcome = await once(method, path, body)
        if (outcome.status < 500 && !retryStatuses.includes(outcome.status)) return outcome
      } catch (error) {
        if (!isNetworkError(error)) throw error
        outcome = { error }
      }
      if (Date.now() > deadline) {
        if (outcome.error) throw outcome.error
        return outcome
      }
      counters.retries++
      await sleep(Math.min(2000, 200 * 2 ** Math.min(attempt, 4)))
    }
  }

  /** Like call(), but anything but a 2xx throws an ApiError. */
  async function ok(method, path, body, opts) {
    const res = await call(method, path, body, opts)
    if (res.status < 200 || res.status > 299) throw new ApiError(method, path, res.status, res.text)
    return res.body
  }

  return {
    baseUrl,
    counters,
    once,
    call,
    ok,
    setHeaders(h) {
      headers = { ...h }
    },
  }
}

export async function adminLogin(client, email, password) {
  const body = await client.ok("POST", "/admin/auth/token", { email, password })
  client.setHeaders({ authorization: `Bearer ${body.access_token}` })
}

const ADDRESS = {
  first_name: "Nila",
  last_name: "Shah",
  address_1: "21 Ring Rd",
  city: "Surat",
  province: "Gujarat",
  postal_code: "395003",
  country_code: "in",
  phone: "+919822233344",
}

/**
 * A cash-on-delivery order through the Store API (the sequence of
 * backend/test/integration/supplier-forwarding.test.ts), resilient to the server being
 * killed at any point. Resolves with { orderId, cartId, attempts }.
 *
 * A completion cut by the crash after the payment was recorded cannot be restarted
 * from scratch (Medusa answers 422 "Payment with cart_id … already exists"); it resumes
 * from its recovery point when the request carries the same Idempotency-Key. The
 * response with that key was lost with the crash, so `findIdempotencyKey(cartId)` looks
 * it up (the bench reads it from the database).
 *
 * @param {ReturnType<typeof createClient>} store a client without admin headers
 * @param {{ regionId: string, variantIds: string[], email: string, findIdempotencyKey?: (cartId: string) => Promise<string | null> }} order
 */
export async function placeCodOrder(store, { regionId, variantIds, email, findIdempotencyKey }) {
  const cart = await store.ok("POST", "/store/carts", { region_id: regionId })
  const cartId = cart.cart.id

  // Line items are not idempotent: after an uncertain failure, look at the cart first.
  for (const variantId of variantIds) {
    for (let tries = 0; ; tries++) {
      let res
      try {
        res = await store.once("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 })
        if (res.status === 200) break
        if (res.status < 500) throw new ApiError("POST", `/store/carts/${cartId}/line-items`, res.status, res.text)
      } catch (error) {
        if (error instanceof ApiError || !isNetworkError(error)) throw error
      }
      if (tries > 200) throw new Error(`cart ${cartId}: could not add ${variantId}`)
      store.counters.retries++
      await sleep(500)
      const now = await store.ok("GET", `/store/carts/${cartId}`)
      if (now.cart.items.some((i) => i.variant_id === variantId)) break
    }
  }

  await store.ok("POST", `/store/carts/${cartId}`, { email, shipping_address: ADDRESS })
  const options = await store.ok("GET", `/store/shipping-options/${cartId}`)
  const option = options.shipping_options.find((o) => !o.is_return)
  if (!option) throw new Error(`cart ${cartId}: no shipping option`)
  await store.ok("POST", `/store/carts/${cartId}/shipping-methods`, { option_id: option.id })
  await store.ok("POST", `/store/carts/${cartId}/payment-sessions`)
  await store.ok("POST", `/store/carts/${cartId}/payment-session`, { provider_id: "cod" })

  // Completing the same cart again is safe: a completed cart answers with its order.
  const deadline = Date.now() + 240000
  let idempotencyKey = null
  let resumed = false
  for (let attempt = 1; ; attempt++) {
    let res
    try {
      res = await store.once("POST", `/store/carts/${cartId}/complete`, undefined, 120000, idempotencyKey ? { "idempotency-key": idempotencyKey } : {})
      idempotencyKey = res.headers?.get("idempotency-key") || idempotencyKey
    } catch (error) {
      if (!isNetworkError(error)) throw error
    }
    if (res && res.status === 200 && res.body?.type === "order") return { orderId: res.body.data.id, cartId, attempts: attempt, resumed }
    if (res && res.status >= 400 && res.status < 500 && res.status !== 409) {
      // The server may have completed the cart and then failed (or the retry found it done).
      const done = await store.call("GET", `/store/orders/cart/${cartId}`)
      if (done.status === 200 && done.body?.order?.id) return { orderId: done.body.order.id, cartId, attempts: attempt, resumed }
      // A completion the crash cut in the middle: resume it under its own key.
      const earlier = !resumed && findIdempotencyKey ? await findIdempotencyKey(cartId) : null
      if (!earlier) throw new ApiError("POST", `/store/carts/${cartId}/complete`, res.status, res.text)
      idempotencyKey = earlier
      resumed = true
      store.counters.resumed = (store.counters.resumed ?? 0) + 1
      continue
    }
    if (res && res.status === 200 && res.body?.type !== "order") {
      // Not completed (e.g. the payment session was lost with the crash): set it up again.
      await store.ok("POST", `/store/carts/${cartId}/payment-sessions`)
      await store.ok("POST", `/store/carts/${cartId}/payment-session`, { provider_id: "cod" })
    }
    if (Date.now() > deadline) throw new Error(`cart ${cartId}: not completed within 4 min (last: ${res ? `${res.status} ${res.text.slice(0, 200)}` : "network error"})`)
    store.counters.retries++
    await sleep(Math.min(2000, 250 * attempt))
  }
}
