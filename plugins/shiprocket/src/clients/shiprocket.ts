/**
 * Shiprocket API v1 ("external") client. See ../../README.md, "The client".
 *
 * - Token: one login per 10-day token, kept in a TokenStore (the Medusa service persists it
 *   so restarts and replicas share it), renewed a margin before it expires. One login at a
 *   time per client (concurrent callers wait for it), and across replicas when the store
 *   offers a lock. A 401 renews the token once; a second 401 is an error. A refused login
 *   (wrong credentials, MFA, blocked) is remembered for a cooldown so that a storm of
 *   calls cannot turn into a storm of logins (Shiprocket blocks accounts for that).
 * - Throttle: requests are spaced to `requestsPerSecond` (2 by default) per client.
 * - Retries: exponential backoff with jitter on 429, 5xx, timeouts and network errors, for
 *   requests that are safe to repeat. Creating an order (or a return) is not: Shiprocket has
 *   no idempotency key. Those are retried blindly only when Shiprocket cannot have
 *   processed them (429, connection refused); after a timeout, a 5xx or a cut connection the
 *   order is looked up by our order_id first, and only created again when it is not there.
 * - Errors: ShiprocketError and subclasses, with a `code`; 422 field errors read as
 *   "billing_pincode: The billing pincode must be 6 digits".
 */
import {
  backoffDelayMs,
  formatFieldErrors,
  normalizeFieldErrors,
  normalizePincode,
  parseTrackResponse,
  type FieldErrors,
  type ShiprocketAdhocOrderPayload,
  type ShiprocketReturnOrderPayload,
  type TrackSnapshot,
} from "../core"

export const DEFAULT_BASE_URL = "https://apiv2.shiprocket.in/v1/external"
export const TOKEN_TTL_MS = 10 * 24 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

// ------------------------------------------------------------------------------ token store

export type StoredToken = { token: string; expires_at: Date }

/**
 * Where the token lives between processes. `load` may return a token another replica
 * saved. `withLock`, when present, runs `fn` under a lock every replica shares (e.g. a
 * PostgreSQL advisory lock) so that only one of them logs in.
 */
export interface TokenStore {
  load(): Promise<StoredToken | null>
  save(token: StoredToken): Promise<void>
  withLock?<T>(fn: () => Promise<T>): Promise<T>
}

/** The default store: this process only. */
export class MemoryTokenStore implements TokenStore {
  private value: StoredToken | null = null
  async load(): Promise<StoredToken | null> {
    return this.value ? { ...this.value } : null
  }
  async save(token: StoredToken): Promise<void> {
    this.value = { ...token }
  }
}

// ------------------------------------------------------------------------------ errors

export type ShiprocketErrorCode =
  | "validation" // 422, or refused before sending (bad pincode, missing order_id)
  | "auth" // login refused, or a fresh token refused
  | "mfa_required" // the API user has two-factor login
  | "rate_limited" // 429 after every attempt
  | "timeout"
  | "network"
  | "server" // 5xx
  | "http" // another 4xx
  | "bad_response" // 2xx we cannot read
  | "no_courier" // assign AWB answered without an AWB
  | "outcome_unknown" // a create may or may not have happened, and the lookup could not tell

type ErrorInit = {
  status?: number | null
  method?: string
  path?: string
  body?: unknown
  maybeProcessed?: boolean
  retryable?: boolean
  cause?: unknown
}

export class ShiprocketError extends Error {
  readonly code: ShiprocketErrorCode
  /** HTTP status, when Shiprocket answered */
  readonly status: number | null
  readonly method: string
  readonly path: string
  /** the answer's body (parsed JSON when it was JSON) */
  readonly body: unknown
  /** the request may have been processed although no success answer arrived (timeout, 5xx, cut connection) */
  readonly maybeProcessed: boolean
  /** trying again later may work (rate limit, timeout, network, 5xx) */
  readonly retryable: boolean

  constructor(code: ShiprocketErrorCode, message: string, init: ErrorInit = {}) {
    super(message, init.cause !== undefined ? { cause: init.cause } : undefined)
    this.name = "ShiprocketError"
    this.code = code
    this.status = init.status ?? null
    this.method = init.method ?? ""
    this.path = init.path ?? ""
    this.body = init.body
    this.maybeProcessed = init.maybeProcessed ?? false
    this.retryable = init.retryable ?? false
  }
}

export class ShiprocketValidationError extends ShiprocketError {
  readonly fieldErrors: FieldErrors
  constructor(fieldErrors: FieldErrors, fallbackMessage: string, init: ErrorInit = {}) {
    super("validation", formatFieldErrors(fieldErrors) || fallbackMessage, init)
    this.name = "ShiprocketValidationError"
    this.fieldErrors = fieldErrors
  }
}

export class ShiprocketAuthError extends ShiprocketError {
  constructor(message: string, init: ErrorInit = {}, code: "auth" | "mfa_required" = "auth") {
    super(code, message, init)
    this.name = "ShiprocketAuthError"
  }
}

export class ShiprocketMfaRequiredError extends ShiprocketAuthError {
  readonly userId: unknown
  constructor(email: string, userId: unknown, init: ErrorInit = {}) {
    super(
      `Shiprocket asks for a one-time password (MFA is enabled) when ${email} logs in, and the API cannot answer it. ` +
        `Disable MFA for this API user in the Shiprocket panel, or create a dedicated API user without MFA, then update the credentials.`,
      init,
      "mfa_required"
    )
    this.name = "ShiprocketMfaRequiredError"
    this.userId = userId
  }
}

export class ShiprocketNoCourierError extends ShiprocketError {
  /** Shiprocket says the shipment already has an AWB (e.g. a retried assign whose first try worked) */
  readonly alreadyAssigned: boolean
  constructor(message: string, init: ErrorInit = {}) {
    super("no_courier", message, init)
    this.name = "ShiprocketNoCourierError"
    this.alreadyAssigned = /already/i.test(message)
  }
}

export class ShiprocketOutcomeUnknownError extends ShiprocketError {
  readonly channelOrderId: string
  constructor(channelOrderId: string, message: string, init: ErrorInit = {}) {
    super("outcome_unknown", message, { ...init, maybeProcessed: true, retryable: true })
    this.name = "ShiprocketOutcomeUnknownError"
    this.channelOrderId = channelOrderId
  }
}

// ------------------------------------------------------------------------------ types

export type ShiprocketLogger = {
  debug?: (message: string) => void
  info?: (message: string) => void
  warn?: (message: string) => void
  error?: (message: string) => void
}

export type ShiprocketRequestEvent = {
  method: string
  path: string
  /** HTTP status, or null when no answer came */
  status: number | null
  /** 1 for the first try of this call */
  attempt: number
  durationMs: number
  error?: string
}

export type ShiprocketClientOptions = {
  email: string
  password: string
  /** default https://apiv2.shiprocket.in/v1/external */
  baseUrl?: string
  /** default: in memory (this process only) */
  tokenStore?: TokenStore
  /** how long a token is trusted after login; default 10 days */
  tokenTtlMs?: number
  /** renew this long before expiry; default 1 day */
  tokenRefreshMarginMs?: number
  /** default 2; 0 or Infinity: no throttle */
  requestsPerSecond?: number
  /** per request; default 15 s */
  timeoutMs?: number
  /** tries per call (and create rounds per order); default 4 */
  maxAttempts?: number
  /** backoff: the n-th retry waits between half and all of min(max, base * 2^(n-1)); defaults 500 ms, 10 s */
  backoffBaseMs?: number
  backoffMaxMs?: number
  /** wait before looking an order up after an unanswered create; default 1 s */
  lookupDelayMs?: number
  /** after a refused login, fail at once for this long instead of logging in again; default 60 s */
  loginCooldownMs?: number
  fetch?: typeof fetch
  /** clock and timer, for tests; defaults Date.now and setTimeout */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  logger?: ShiprocketLogger
  onRequest?: (event: ShiprocketRequestEvent) => void
  userAgent?: string
}

export type ServiceabilityParams = {
  pickup_postcode: string
  delivery_postcode: string
  /** the shopper pays on delivery */
  cod: boolean
  /** kg, > 0 */
  weight: number
  /** rupees */
  declared_value?: number
}

/** One `available_courier_companies[]` entry, as Shiprocket sends it (numbers may be strings). */
export type ShiprocketCourierCompany = {
  courier_company_id: number
  courier_name: string
  rate: number | string
  freight_charge?: number | string
  cod_charges?: number | string
  etd?: string
  estimated_delivery_days?: number | string
  cod?: 0 | 1
  rating?: number | string
  is_surface?: boolean | number
  blocked?: 0 | 1
  [key: string]: unknown
}

export type ServiceabilityResult = {
  /** false: no courier for this route (HTTP 404, body status 404, or an empty list) */
  serviceable: boolean
  /** feed to chooseCouriers() from core */
  couriers: ShiprocketCourierCompany[]
  recommended_courier_id: number | null
  message: string | null
  raw: unknown
}

export type ShiprocketOrderSummary = {
  /** Shiprocket's order id */
  order_id: number
  shipment_id: number | null
  /** our order_id */
  channel_order_id: string
  status: string | null
  status_code: number | null
  awb_code: string | null
  courier_company_id: number | null
  courier_name: string | null
  raw: unknown
}

export type CreatedOrder = ShiprocketOrderSummary & {
  /** found by looking it up after an unanswered or failed create, not read from the create answer */
  recovered: boolean
  /** create requests sent (not counting 429 and connection-refused retries, which Shiprocket never processed) */
  attempts: number
}

export type AssignAwbParams = { shipment_id: number; courier_id?: number }

export type AssignAwbResult = {
  awb_code: string
  courier_company_id: number | null
  courier_name: string | null
  shipment_id: number
  /** the AWB was already there (found through channelOrderId after Shiprocket said so) */
  recovered: boolean
  raw: unknown
}

export type PickupResult = {
  pickup_scheduled_date: string | null
  pickup_token_number: string | null
  /** Shiprocket said the shipment is already in the pickup queue */
  already_queued: boolean
  raw: unknown
}

export type PickupLocation = { pickup_location: string; pin_code: string | null; raw: unknown }

type Retry = "safe" | "unsent"
type RequestOptions = {
  query?: Record<string, string | number | boolean | undefined | null>
  body?: unknown
  /** "safe" (default): retry 429, 5xx, timeouts, network errors. "unsent": only what Shiprocket cannot have processed */
  retry?: Retry
  timeoutMs?: number
  /** tries for this call (default: the client's maxAttempts); checkout calls use fewer */
  maxAttempts?: number
  /** HTTP statuses answered as data instead of errors */
  passStatuses?: number[]
}

type CachedToken = { token: string; expiresAt: number }

// ------------------------------------------------------------------------------ helpers

const UNSENT_NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "ENETUNREACH", "EHOSTUNREACH", "ECONNABORTED_BEFORE_SEND"])

function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v)
  return null
}

function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v
  if (typeof v === "number" && Number.isFinite(v)) return String(v)
  return null
}

function messageOf(body: unknown, fallback: string): string {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>
    for (const k of ["message", "error", "msg"]) if (typeof b[k] === "string" && (b[k] as string).trim()) return (b[k] as string).trim()
  }
  if (typeof body === "string" && body.trim()) return body.trim().slice(0, 300)
  return fallback
}

function errorCause(error: unknown): { name?: string; code?: string; message?: string } {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; name?: string; message?: string } }
  return { name: e?.name, code: e?.cause?.code ?? e?.code, message: e?.cause?.message ?? e?.message }
}

function isDuplicateOrderId(error: ShiprocketError): boolean {
  if (!(error instanceof ShiprocketValidationError)) return false
  const mentions = (error.fieldErrors.order_id ?? []).join(" ") + " " + messageOf(error.body, "")
  return /taken|exist|already|duplicate/i.test(mentions) && (!!error.fieldErrors.order_id || /order.?id/i.test(mentions))
}

function summaryOf(item: unknown): ShiprocketOrderSummary | null {
  if (!item || typeof item !== "object") return null
  const o = item as Record<string, any>
  const orderId = num(o.id ?? o.order_id)
  const channel = str(o.channel_order_id)
  if (orderId === null || channel === null) return null
  const shipment = Array.isArray(o.shipments) && o.shipments[0] && typeof o.shipments[0] === "object" ? o.shipments[0] : {}
  return {
    order_id: orderId,
    shipment_id: num(shipment.id) ?? num(o.shipment_id),
    channel_order_id: channel,
    status: str(o.status),
    status_code: num(o.status_code),
    awb_code: str(shipment.awb) ?? str(o.awb_code),
    courier_company_id: num(shipment.sr_courier_id) ?? num(o.courier_company_id),
    courier_name: str(shipment.courier) ?? str(o.courier_name),
    raw: item,
  }
}

// ------------------------------------------------------------------------------ client

export class ShiprocketClient {
  readonly baseUrl: string
  private readonly email: string
  private readonly password: string
  private readonly store: TokenStore
  private readonly tokenTtlMs: number
  private readonly marginMs: number
  private readonly intervalMs: number
  private readonly timeoutMs: number
  private readonly maxAttempts: number
  private readonly backoff: { baseMs: number; maxMs: number }
  private readonly lookupDelayMs: number
  private readonly loginCooldownMs: number
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly random: () => number
  private readonly logger: ShiprocketLogger
  private readonly onRequest?: (event: ShiprocketRequestEvent) => void
  private readonly userAgent: string

  private cached: CachedToken | null = null
  private refreshing: Promise<CachedToken> | null = null
  private loginRefusal: { error: ShiprocketError; at: number } | null = null
  private nextSlotAt = 0

  constructor(options: ShiprocketClientOptions) {
    if (!options || !options.email || !options.password) throw new Error("ShiprocketClient needs the API user's email and password")
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "")
    this.email = options.email
    this.password = options.password
    this.store = options.tokenStore ?? new MemoryTokenStore()
    this.tokenTtlMs = options.tokenTtlMs ?? TOKEN_TTL_MS
    this.marginMs = Math.min(options.tokenRefreshMarginMs ?? DAY_MS, this.tokenTtlMs / 2)
    const rps = options.requestsPerSecond ?? 2
    this.intervalMs = rps > 0 && Number.isFinite(rps) ? 1000 / rps : 0
    this.timeoutMs = options.timeoutMs ?? 15_000
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 4))
    this.backoff = { baseMs: options.backoffBaseMs ?? 500, maxMs: options.backoffMaxMs ?? 10_000 }
    this.lookupDelayMs = options.lookupDelayMs ?? 1000
    this.loginCooldownMs = options.loginCooldownMs ?? 60_000
    this.fetchImpl = options.fetch ?? globalThis.fetch
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.random = options.random ?? Math.random
    this.logger = options.logger ?? {}
    this.onRequest = options.onRequest
    this.userAgent = options.userAgent ?? "medusa-plugin-shiprocket/0.1"
  }

  // ---------------------------------------------------------------------------- token

  /**
   * A valid token: the cached one, the store's, or a new login. `force` logs in even when
   * a token is cached (e.g. after changing credentials).
   */
  async login({ force = false }: { force?: boolean } = {}): Promise<StoredToken> {
    const t = force ? await this.refreshToken(this.cached?.token ?? null, true) : await this.validToken()
    return { token: t.token, expires_at: new Date(t.expiresAt) }
  }

  /** Checks the credentials and lists the registered pickup locations (for "test connection"). */
  async testConnection(): Promise<{ ok: true; token_expires_at: Date; pickup_locations: PickupLocation[] }> {
    const token = await this.login()
    return { ok: true, token_expires_at: token.expires_at, pickup_locations: await this.listPickupLocations() }
  }

  private usable(t: CachedToken | null | undefined, stale: string | null): t is CachedToken {
    return !!t && t.token !== stale && t.expiresAt - this.marginMs > this.now()
  }

  private async validToken(): Promise<CachedToken> {
    if (this.usable(this.cached, null)) return this.cached
    return this.refreshToken(null)
  }

  private async loadStored(): Promise<CachedToken | null> {
    try {
      const s = await this.store.load()
      if (!s || !s.token) return null
      const expiresAt = new Date(s.expires_at as Date | string | number).getTime()
      return Number.isFinite(expiresAt) ? { token: s.token, expiresAt } : null
    } catch (error) {
      this.logger.warn?.(`shiprocket: could not read the stored token (${(error as Error)?.message ?? error}); logging in instead`)
      return null
    }
  }

  /**
   * One refresh at a time: every caller that finds the token missing, expiring, or refused
   * (`stale`) waits for the same one. Looks at the store first (another replica may have
   * logged in), then logs in, under the store's lock when it has one.
   */
  private refreshToken(stale: string | null, force = false): Promise<CachedToken> {
    if (this.refreshing) return this.refreshing
    const run = async (): Promise<CachedToken> => {
      if (!force) {
        if (this.usable(this.cached, stale)) return this.cached
        const stored = await this.loadStored()
        if (this.usable(stored, stale)) return (this.cached = stored)
      }
      const loginAndSave = async (): Promise<CachedToken> => {
        if (!force) {
          const again = await this.loadStored()
          if (this.usable(again, stale)) return again
        }
        const fresh = await this.doLogin()
        try {
          await this.store.save({ token: fresh.token, expires_at: new Date(fresh.expiresAt) })
        } catch (error) {
          this.logger.warn?.(`shiprocket: could not save the token (${(error as Error)?.message ?? error}); it is used from memory`)
        }
        return fresh
      }
      let t: CachedToken
      if (this.store.withLock) {
        let locked = false
        try {
          t = await this.store.withLock(async () => {
            locked = true
            return loginAndSave()
          })
        } catch (error) {
          if (locked) throw error
          this.logger.warn?.(`shiprocket: could not take the login lock (${(error as Error)?.message ?? error}); logging in without it`)
          t = await loginAndSave()
        }
      } else {
        t = await loginAndSave()
      }
      this.cached = t
      return t
    }
    this.refreshing = run().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async doLogin(): Promise<CachedToken> {
    const refusal = this.loginRefusal
    if (refusal && this.now() - refusal.at < this.loginCooldownMs) throw refusal.error
    let body: unknown
    try {
      body = (await this.exchange("POST", "/auth/login", { body: { email: this.email, password: this.password }, retry: "safe" }, null)).body
    } catch (error) {
      if (error instanceof ShiprocketError && (error.code === "auth" || error.code === "validation" || (error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 429))) {
        const refused = new ShiprocketAuthError(
          `Shiprocket refused the login for ${this.email} (HTTP ${error.status ?? "?"}: ${messageOf(error.body, error.message)}). ` +
            `Check the API user's email and password (Shiprocket panel: Settings > API); repeated failed logins can get the account blocked.`,
          { status: error.status, method: "POST", path: "/auth/login", body: error.body, cause: error }
        )
        this.loginRefusal = { error: refused, at: this.now() }
        throw refused
      }
      throw error
    }
    const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>
    if (typeof b.token === "string" && b.token) {
      this.loginRefusal = null
      this.logger.info?.(`shiprocket: logged in as ${this.email}; the token is trusted for ${Math.round(this.tokenTtlMs / DAY_MS)} days`)
      return { token: b.token, expiresAt: this.now() + this.tokenTtlMs }
    }
    if (b.is_mfa_enabled) {
      const mfa = new ShiprocketMfaRequiredError(this.email, b.user_id, { status: 200, method: "POST", path: "/auth/login", body })
      this.loginRefusal = { error: mfa, at: this.now() }
      throw mfa
    }
    throw new ShiprocketError("bad_response", `Shiprocket's login answer has no token: ${JSON.stringify(body).slice(0, 200)}`, { status: 200, method: "POST", path: "/auth/login", body })
  }

  // ---------------------------------------------------------------------------- transport

  /** Spaces requests `1 / requestsPerSecond` apart, in the order they asked. */
  private async takeSlot(): Promise<void> {
    if (this.intervalMs <= 0) return
    const now = this.now()
    const at = Math.max(now, this.nextSlotAt)
    this.nextSlotAt = at + this.intervalMs
    if (at > now) await this.sleep(at - now)
  }

  /** One HTTP exchange, throttled, with a timeout. Answers {status, body}; throws ShiprocketError for transport failures. */
  private async sendOnce(method: string, path: string, opts: RequestOptions, token: string | null, attempt: number): Promise<{ status: number; body: unknown }> {
    await this.takeSlot()
    const url = new URL(this.baseUrl + path)
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v))
    const headers: Record<string, string> = { accept: "application/json", "user-agent": this.userAgent }
    if (opts.body !== undefined) headers["content-type"] = "application/json"
    if (token) headers.authorization = `Bearer ${token}`
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs
    const started = Date.now()
    const report = (status: number | null, error?: string) => {
      try {
        this.onRequest?.({ method, path, status, attempt, durationMs: Date.now() - started, error })
      } catch {
        // an observer's mistake is not ours
      }
    }
    try {
      const res = await this.fetchImpl(url, {
        method,
        headers,
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      })
      const text = await res.text()
      let body: unknown = text
      if (text.trim()) {
        try {
          body = JSON.parse(text)
        } catch {
          // not JSON: keep the text
        }
      } else {
        body = null
      }
      report(res.status)
      return { status: res.status, body }
    } catch (error) {
      const c = errorCause(error)
      if (c.name === "TimeoutError" || c.name === "AbortError") {
        report(null, "timeout")
        throw new ShiprocketError("timeout", `Shiprocket did not answer ${method} ${path} within ${timeoutMs} ms`, { method, path, maybeProcessed: true, retryable: true, cause: error })
      }
      const unsent = !!c.code && UNSENT_NETWORK_CODES.has(c.code)
      report(null, c.code ?? c.message)
      throw new ShiprocketError("network", `Could not reach Shiprocket for ${method} ${path}: ${c.code ?? c.message ?? "network error"}`, {
        method,
        path,
        maybeProcessed: !unsent,
        retryable: true,
        cause: error,
      })
    }
  }

  private errorFor(method: string, path: string, status: number, body: unknown): ShiprocketError {
    const init = { status, method, path, body }
    const msg = messageOf(body, `HTTP ${status}`)
    if (status === 422) {
      const fields = normalizeFieldErrors((body as Record<string, unknown> | null)?.errors)
      return new ShiprocketValidationError(fields, msg, init)
    }
    if (status === 429) return new ShiprocketError("rate_limited", `Shiprocket's rate limit: ${msg}`, { ...init, retryable: true })
    if (status === 401 || status === 403) return new ShiprocketAuthError(`Shiprocket refused ${method} ${path} (HTTP ${status}): ${msg}`, init)
    if (status >= 500) return new ShiprocketError("server", `Shiprocket failed on ${method} ${path} (HTTP ${status}): ${msg}`, { ...init, maybeProcessed: true, retryable: true })
    return new ShiprocketError("http", `Shiprocket refused ${method} ${path} (HTTP ${status}): ${msg}`, init)
  }

  private shouldRetry(error: ShiprocketError, retry: Retry): boolean {
    if (retry === "unsent") return error.code === "rate_limited" || (error.code === "network" && !error.maybeProcessed)
    return error.code === "rate_limited" || error.code === "server" || error.code === "timeout" || error.code === "network"
  }

  /**
   * A call with retries. `token` null: unauthenticated (login). Otherwise a token is fetched
   * and a 401 renews it once (the renewal does not count as an attempt).
   */
  private async exchange(method: string, path: string, opts: RequestOptions, auth: "token" | null = "token"): Promise<{ status: number; body: unknown }> {
    const retry = opts.retry ?? "safe"
    let renewed = false
    for (let attempt = 1; ; attempt++) {
      // Token trouble (login refused, MFA, login unreachable after its own retries) ends the call here.
      const token = auth ? (await this.validToken()).token : null
      let error: ShiprocketError
      let tokenRefused = false
      try {
        const { status, body } = await this.sendOnce(method, path, opts, token, attempt)
        if ((status >= 200 && status < 300) || opts.passStatuses?.includes(status)) return { status, body }
        if (status === 401 && auth) {
          if (renewed) {
            throw new ShiprocketAuthError(`Shiprocket refused a freshly issued token for ${method} ${path}: ${messageOf(body, "HTTP 401")}`, { status, method, path, body })
          }
          tokenRefused = true
        }
        error = this.errorFor(method, path, status, body)
      } catch (e) {
        if (!(e instanceof ShiprocketError)) throw e
        error = e
      }
      if (tokenRefused && token) {
        // Renew once (not counted as an attempt): the 401 means nothing was processed.
        renewed = true
        this.logger.info?.(`shiprocket: token refused on ${method} ${path}; logging in again once`)
        await this.refreshToken(token)
        attempt--
        continue
      }
      const limit = Math.max(1, opts.maxAttempts ?? this.maxAttempts)
      if (!this.shouldRetry(error, retry) || attempt >= limit) throw error
      const wait = backoffDelayMs(attempt, this.backoff, this.random)
      this.logger.warn?.(`shiprocket: ${error.message}; retry ${attempt}/${limit - 1} in ${wait} ms`)
      await this.sleep(wait)
    }
  }

  /** Any endpoint, authenticated, with the client's throttle, retries and errors. Returns the parsed body. */
  async request<T = unknown>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, opts: RequestOptions = {}): Promise<T> {
    return (await this.exchange(method, path.startsWith("/") ? path : `/${path}`, opts)).body as T
  }

  // ---------------------------------------------------------------------------- rates

  /** Couriers, rates (rupees) and delivery estimates for a route. Refuses malformed pincodes without calling. */
  async serviceability(params: ServiceabilityParams, opts: { maxAttempts?: number; timeoutMs?: number } = {}): Promise<ServiceabilityResult> {
    const errors: FieldErrors = {}
    const pickup = normalizePincode(params.pickup_postcode)
    const delivery = normalizePincode(params.delivery_postcode)
    if (!pickup) errors.pickup_postcode = ["The pickup postcode must be a 6-digit Indian pincode."]
    if (!delivery) errors.delivery_postcode = ["The delivery postcode must be a 6-digit Indian pincode."]
    if (!(typeof params.weight === "number" && params.weight > 0 && Number.isFinite(params.weight))) errors.weight = ["The weight must be greater than 0 kg."]
    if (params.declared_value !== undefined && !(params.declared_value >= 0)) errors.declared_value = ["The declared value must be an amount in rupees."]
    if (Object.keys(errors).length) throw new ShiprocketValidationError(errors, "invalid serviceability request", { method: "GET", path: "/courier/serviceability/" })
    const { status, body } = await this.exchange("GET", "/courier/serviceability/", {
      query: { pickup_postcode: pickup, delivery_postcode: delivery, cod: params.cod ? 1 : 0, weight: params.weight, declared_value: params.declared_value },
      passStatuses: [404],
      maxAttempts: opts.maxAttempts,
      timeoutMs: opts.timeoutMs,
    })
    const b = (body && typeof body === "object" ? body : {}) as Record<string, any>
    const data = (b.data && typeof b.data === "object" ? b.data : {}) as Record<string, any>
    const couriers = Array.isArray(data.available_courier_companies) ? (data.available_courier_companies as ShiprocketCourierCompany[]) : []
    const notServiceable = status === 404 || num(b.status) === 404 || couriers.length === 0
    return {
      serviceable: !notServiceable,
      couriers,
      recommended_courier_id: num(data.recommended_courier_company_id) ?? num(data.shiprocket_recommended_courier_id),
      message: notServiceable ? messageOf(body, "no courier serviceable for this route") : (str(b.message) ?? null),
      raw: body,
    }
  }

  // ---------------------------------------------------------------------------- orders

  /**
   * Creates the ad-hoc order, never twice. Safe to call again with the same payload after a
   * crash: if Shiprocket already has this order_id, the existing order is returned
   * (`recovered: true`). Throws ShiprocketOutcomeUnknownError when the order may exist and
   * the lookup could not say: keep the attempt open and call findOrderByChannelOrderId later.
   */
  async createAdhocOrder(payload: ShiprocketAdhocOrderPayload, opts: { timeoutMs?: number; lookupDelayMs?: number } = {}): Promise<CreatedOrder> {
    return this.guardedCreate("/orders/create/adhoc", payload, (id) => this.findOrderByChannelOrderId(id), opts)
  }

  /** A return (reverse pickup), with the same guard as createAdhocOrder. */
  async createReturn(payload: ShiprocketReturnOrderPayload, opts: { timeoutMs?: number; lookupDelayMs?: number } = {}): Promise<CreatedOrder> {
    return this.guardedCreate("/orders/create/return", payload, (id) => this.findReturnByChannelOrderId(id), opts)
  }

  private async guardedCreate(
    path: string,
    payload: { order_id: string; [k: string]: unknown },
    find: (channelOrderId: string) => Promise<ShiprocketOrderSummary | null>,
    opts: { timeoutMs?: number; lookupDelayMs?: number }
  ): Promise<CreatedOrder> {
    const channelOrderId = str(payload?.order_id)
    if (!channelOrderId) throw new ShiprocketValidationError({ order_id: ["The order id field is required."] }, "order_id is required", { method: "POST", path })
    const lookupDelayMs = opts.lookupDelayMs ?? this.lookupDelayMs
    let last: ShiprocketError | null = null
    for (let round = 1; round <= this.maxAttempts; round++) {
      try {
        const { body } = await this.exchange("POST", path, { body: payload, retry: "unsent", timeoutMs: opts.timeoutMs })
        const created = summaryOf({ ...(body as object), id: (body as Record<string, unknown>)?.order_id, channel_order_id: channelOrderId })
        if (!created) {
          throw new ShiprocketOutcomeUnknownError(channelOrderId, `Shiprocket answered the create for ${channelOrderId} without an order id: ${JSON.stringify(body).slice(0, 200)}`, {
            method: "POST",
            path,
            body,
          })
        }
        return { ...created, raw: body, recovered: false, attempts: round }
      } catch (e) {
        if (!(e instanceof ShiprocketError) || e instanceof ShiprocketOutcomeUnknownError) throw e
        const duplicate = isDuplicateOrderId(e)
        if (!duplicate && !e.maybeProcessed) throw e
        last = e
        this.logger.warn?.(
          duplicate
            ? `shiprocket: ${channelOrderId} already exists at Shiprocket; looking it up`
            : `shiprocket: ${e.message}; looking ${channelOrderId} up before creating it again (no idempotency key)`
        )
        if (lookupDelayMs > 0) await this.sleep(lookupDelayMs)
        let found: ShiprocketOrderSummary | null
        try {
          found = await find(channelOrderId)
        } catch (lookupError) {
          throw new ShiprocketOutcomeUnknownError(
            channelOrderId,
            `Shiprocket may have created ${channelOrderId} (${e.message}), and looking it up failed (${(lookupError as Error)?.message ?? lookupError}). Do not create it again under a new order_id before finding it.`,
            { method: "POST", path, cause: lookupError, status: e.status, body: e.body }
          )
        }
        if (found) {
          this.logger.info?.(`shiprocket: found ${channelOrderId} as order ${found.order_id}; not creating it again`)
          return { ...found, recovered: true, attempts: round }
        }
        if (duplicate) {
          throw new ShiprocketOutcomeUnknownError(channelOrderId, `Shiprocket says order_id ${channelOrderId} exists, but searching for it finds nothing yet. Look it up again later.`, {
            method: "POST",
            path,
            status: e.status,
            body: e.body,
          })
        }
        if (round < this.maxAttempts) await this.sleep(backoffDelayMs(round, this.backoff, this.random))
      }
    }
    throw last ?? new ShiprocketError("server", `could not create ${channelOrderId}`, { method: "POST", path })
  }

  private async searchExact(path: string, channelOrderId: string): Promise<ShiprocketOrderSummary | null> {
    const matches: ShiprocketOrderSummary[] = []
    for (let page = 1; page <= 5; page++) {
      const body = await this.request<Record<string, any>>("GET", path, { query: { search: channelOrderId, per_page: 50, page } })
      const data = Array.isArray(body?.data) ? body.data : []
      for (const item of data) {
        const s = summaryOf(item)
        if (s && s.channel_order_id === channelOrderId) matches.push(s)
      }
      const totalPages = num(body?.meta?.pagination?.total_pages) ?? 1
      if (matches.length || page >= totalPages || data.length === 0) break
    }
    if (matches.length > 1) this.logger.warn?.(`shiprocket: ${matches.length} orders carry order_id ${channelOrderId}: ${matches.map((m) => m.order_id).join(", ")}`)
    return matches.sort((a, b) => a.order_id - b.order_id)[0] ?? null
  }

  /** The forward order whose order_id (our "channel order id") is exactly this, via GET /orders?search=. */
  findOrderByChannelOrderId(channelOrderId: string): Promise<ShiprocketOrderSummary | null> {
    return this.searchExact("/orders", channelOrderId)
  }

  /** The return order with this order_id, via GET /orders/processing/return?search=. */
  findReturnByChannelOrderId(channelOrderId: string): Promise<ShiprocketOrderSummary | null> {
    return this.searchExact("/orders/processing/return", channelOrderId)
  }

  /** Cancels orders by Shiprocket order id (only possible before pickup). */
  async cancelOrders(ids: number[]): Promise<{ message: string | null; raw: unknown }> {
    if (!Array.isArray(ids) || ids.length === 0) throw new ShiprocketValidationError({ ids: ["Give at least one Shiprocket order id."] }, "no ids", { method: "POST", path: "/orders/cancel" })
    const body = await this.request("POST", "/orders/cancel", { body: { ids } })
    return { message: messageOf(body, "") || null, raw: body }
  }

  // ---------------------------------------------------------------------------- shipments

  /**
   * Assigns a courier and an AWB. Throws ShiprocketNoCourierError when Shiprocket answers
   * without an AWB. With `channelOrderId`, an "already assigned" answer (a retry whose first
   * try went through) is resolved by looking the order up and returning its AWB.
   */
  async assignAwb(params: AssignAwbParams, opts: { channelOrderId?: string } = {}): Promise<AssignAwbResult> {
    const path = "/courier/assign/awb"
    const body = await this.request<Record<string, any>>("POST", path, { body: params.courier_id ? params : { shipment_id: params.shipment_id } })
    const data = body?.response?.data && typeof body.response.data === "object" ? body.response.data : {}
    const awb = str(data.awb_code)
    if (num(body?.awb_assign_status) === 1 && awb) {
      return { awb_code: awb, courier_company_id: num(data.courier_company_id), courier_name: str(data.courier_name), shipment_id: num(data.shipment_id) ?? params.shipment_id, recovered: false, raw: body }
    }
    const why = str(data.awb_assign_error) ?? str(body?.response?.data) ?? messageOf(body, "Shiprocket assigned no AWB")
    const error = new ShiprocketNoCourierError(`No courier for shipment ${params.shipment_id}: ${why}`, { status: 200, method: "POST", path, body })
    if (error.alreadyAssigned && opts.channelOrderId) {
      const found = await this.findOrderByChannelOrderId(opts.channelOrderId)
      if (found?.awb_code && (found.shipment_id === null || found.shipment_id === params.shipment_id)) {
        return { awb_code: found.awb_code, courier_company_id: found.courier_company_id, courier_name: found.courier_name, shipment_id: params.shipment_id, recovered: true, raw: found.raw }
      }
    }
    throw error
  }

  /** Books the pickup. "Already in Pickup Queue" is not an error: it answers `already_queued: true`. */
  async generatePickup(params: { shipment_id: number | number[]; pickup_date?: string[] }): Promise<PickupResult> {
    const ids = Array.isArray(params.shipment_id) ? params.shipment_id : [params.shipment_id]
    const { status, body } = await this.exchange("POST", "/courier/generate/pickup", {
      body: { shipment_id: ids, ...(params.pickup_date ? { pickup_date: params.pickup_date } : {}) },
      passStatuses: [400],
    })
    if (status === 400) {
      if (/already/i.test(messageOf(body, ""))) return { pickup_scheduled_date: null, pickup_token_number: null, already_queued: true, raw: body }
      throw this.errorFor("POST", "/courier/generate/pickup", status, body)
    }
    const r = (body as Record<string, any>)?.response ?? {}
    return { pickup_scheduled_date: str(r.pickup_scheduled_date), pickup_token_number: str(r.pickup_token_number), already_queued: false, raw: body }
  }

  /** Tracking by AWB, read with core's parseTrackResponse (stage, scans, dedupe keys). */
  async trackAwb(awb: string, opts: { maxAttempts?: number } = {}): Promise<TrackSnapshot & { raw: unknown }> {
    if (!str(awb)) throw new ShiprocketValidationError({ awb: ["The AWB is required."] }, "no awb", { method: "GET", path: "/courier/track/awb" })
    const body = await this.request("GET", `/courier/track/awb/${encodeURIComponent(awb)}`, { maxAttempts: opts.maxAttempts })
    return { ...parseTrackResponse(String(awb), body), raw: body }
  }

  /** The pickup addresses registered at Shiprocket (their nicknames go in `pickup_location`). */
  async listPickupLocations(): Promise<PickupLocation[]> {
    const body = await this.request<Record<string, any>>("GET", "/settings/company/pickup")
    const list = Array.isArray(body?.data?.shipping_address) ? body.data.shipping_address : []
    return list
      .filter((p: any) => p && typeof p.pickup_location === "string")
      .map((p: any) => ({ pickup_location: p.pickup_location, pin_code: str(p.pin_code), raw: p }))
  }
}
