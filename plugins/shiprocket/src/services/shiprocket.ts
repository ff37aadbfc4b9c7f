import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import { sidePool, type SidePool } from "@fashion/plugin-kit"
import { ShiprocketClient, ShiprocketError, type StoredToken, type TokenStore } from "../clients/shiprocket"
import { chooseCouriers, combineEstimates, deliveryEstimate, normalizePincode, rateCacheKey, shipmentWeightKg, weightBandKg, type CourierChoice, type DeliveryEstimate } from "../core"

export type ShiprocketOptions = {
  email?: string
  password?: string
  api_url?: string
  /** Pickup pincode when the items' supplier is not known (no cart, no variant). */
  default_pickup_pincode?: string
  requests_per_second?: number
  rate_cache_ttl_ms?: number
  /** Pickup location nickname at Shiprocket when the items' supplier has none. */
  default_pickup_location?: string
  /** The tracking webhook's x-api-key; when unset, one is generated and kept in the database (admin: rotate). */
  webhook_token?: string
  /** Booking loop: how often due shipments are looked for (ms, default 5000); false turns the loop off in this process. */
  dispatch_interval_ms?: number
  dispatcher?: boolean
  /** Catch-up tracking poll for shipments without news for this long (ms, default 30 min). */
  tracking_poll_interval_ms?: number
  /** Fulfillments and returns whose event was lost are found this often (ms, default 60 s). */
  sweep_interval_ms?: number
  booking_retry?: { base_ms?: number; max_ms?: number; max_attempts?: number }
  /** Each HTTP try's timeout (ms, default 15 s). */
  request_timeout_ms?: number
  /** After Shiprocket fails a checkout call, answer "unavailable" without asking for this long (ms, default 30 s). */
  outage_cooldown_ms?: number
}

type LoggerLike = { warn(m: string): void; info(m: string): void }

export type EstimateAnswer =
  | { configured: false; pincode: string; estimate: null; message: string }
  | { configured: true; pincode: string; estimate: DeliveryEstimate | null; message: string | null }

/**
 * The token in PostgreSQL, with an advisory lock so that only one process logs in at a time.
 * On the side pool: a login can start inside a checkout's transaction (a delivery estimate).
 */
class DatabaseTokenStore implements TokenStore {
  constructor(
    private readonly db: SidePool,
    private readonly account: string
  ) {}

  async load(): Promise<StoredToken | null> {
    const [row] = await this.db.query<{ token: string; expires_at: string }>(`SELECT token, expires_at FROM shiprocket_token WHERE account = $1`, [this.account])
    return row ? { token: row.token, expires_at: new Date(row.expires_at) } : null
  }

  async save(token: StoredToken): Promise<void> {
    await this.db.query(
      `INSERT INTO shiprocket_token (account, token, expires_at, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (account) DO UPDATE SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at, updated_at = now()`,
      [this.account, token.token, token.expires_at]
    )
  }

  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.db.pool.connect()
    try {
      await client.query("BEGIN")
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`shiprocket-login:${this.account}`])
      const result = await fn()
      await client.query("COMMIT")
      return result
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
}

/**
 * Shiprocket for the rest of the store: one client per process (token shared through the
 * database), and delivery estimates per pincode, cached briefly per (pickup, delivery,
 * weight band, cod) because checkout asks often and Shiprocket throttles.
 */
export default class ShiprocketService extends TransactionBaseService {
  /**
   * One instance per process (Medusa makes plugin services per request by default): the
   * client's throttle, its login lock and the rate cache must be shared by all requests.
   */
  static LIFE_TIME = Lifetime.SINGLETON

  protected readonly options_: ShiprocketOptions
  protected readonly client_: ShiprocketClient | null
  protected readonly logger_: LoggerLike
  private readonly rateCache = new Map<string, { at: number; choice: CourierChoice | null }>()
  /** A shopper waiting at checkout should not wait for an outage once per request. */
  private unavailableUntil = 0

  /**
   * Delivery estimates run inside Medusa's cart transactions (shipping rates, cash on
   * delivery checks): their reads and the login go through plugin-kit's side pool.
   */
  protected readonly db_: SidePool

  constructor(container: { manager: EntityManager; logger: LoggerLike; configModule: Parameters<typeof sidePool>[0] }, options: ShiprocketOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    this.options_ = options
    this.logger_ = container.logger
    this.db_ = sidePool(container.configModule, { name: "shiprocket" })
    this.client_ =
      options.email && options.password
        ? new ShiprocketClient({
            email: options.email,
            password: options.password,
            baseUrl: options.api_url || undefined,
            requestsPerSecond: options.requests_per_second,
            timeoutMs: options.request_timeout_ms,
            tokenStore: new DatabaseTokenStore(this.db_, options.email),
            logger: container.logger,
          })
        : null
  }

  get isConfigured(): boolean {
    return this.client_ !== null
  }

  /** The client, for shipments and tracking; throws a clear error when Shiprocket is not configured. */
  get client(): ShiprocketClient {
    if (!this.client_) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Shiprocket is not configured: set SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD")
    return this.client_
  }

  /**
   * Whether a pincode can be delivered (prepaid, cash on delivery) and by when. The
   * pickup is the items' suppliers' pincodes (the cart's, or one variant's); each must
   * reach the customer, and the latest date counts.
   */
  async estimate(input: { pincode: string; cartId?: string; variantId?: string }): Promise<EstimateAnswer> {
    const pincode = normalizePincode(input.pincode)
    if (!pincode) throw new MedusaError(MedusaError.Types.INVALID_DATA, `pincode: "${String(input.pincode).slice(0, 20)}" is not an Indian pincode (6 digits, not starting with 0)`)
    if (!this.client_) return { configured: false, pincode, estimate: null, message: "Delivery dates are unavailable: Shiprocket is not configured" }

    if (Date.now() < this.unavailableUntil) return { configured: true, pincode, estimate: null, message: "Delivery dates are unavailable right now" }

    const { pickups, weightKg } = await this.shipmentShape(input)
    if (!pickups.length) return { configured: true, pincode, estimate: null, message: "Delivery dates are unavailable: no pickup pincode is known for these items" }
    try {
      const estimates: DeliveryEstimate[] = []
      for (const pickup of pickups) {
        const [prepaid, cod] = await Promise.all([this.choice(pickup, pincode, weightKg, false), this.choice(pickup, pincode, weightKg, true)])
        estimates.push(deliveryEstimate(pincode, prepaid, cod))
      }
      return { configured: true, pincode, estimate: combineEstimates(estimates), message: null }
    } catch (error) {
      if (!(error instanceof ShiprocketError)) throw error
      const cooldown = this.options_.outage_cooldown_ms ?? 30_000
      this.unavailableUntil = Date.now() + cooldown
      this.logger_.warn(`Shiprocket serviceability for ${pincode} failed: ${error.message}; checkout shows flat rates for ${Math.round(cooldown / 1000)} s`)
      return { configured: true, pincode, estimate: null, message: "Delivery dates are unavailable right now" }
    }
  }

  /**
   * The estimate for a cart's own delivery pincode, or null when the cart has no Indian
   * delivery address yet (checkout asks before the shopper typed one).
   */
  async estimateForCart(cartId: string): Promise<EstimateAnswer | null> {
    const [row] = await this.db_.query<{ postal_code: string | null; country_code: string | null }>(
      `SELECT a.postal_code, a.country_code FROM cart c JOIN address a ON a.id = c.shipping_address_id WHERE c.id = $1`,
      [cartId]
    )
    if (!row || (row.country_code && String(row.country_code).toLowerCase() !== "in")) return null
    const pincode = normalizePincode(row.postal_code)
    if (!pincode) return null
    return this.estimate({ pincode, cartId })
  }

  private async choice(pickup: string, delivery: string, weightKg: number, cod: boolean): Promise<CourierChoice | null> {
    const band = weightBandKg(weightKg)
    const key = rateCacheKey({ pickupPincode: pickup, deliveryPincode: delivery, weightKg: band, cod })
    const ttl = this.options_.rate_cache_ttl_ms ?? 10 * 60_000
    const cached = this.rateCache.get(key)
    if (cached && Date.now() - cached.at < ttl) return cached.choice
    // Interactive: two quick tries, then the flat rates (a booking can wait; a shopper should not).
    const answer = await this.client.serviceability({ pickup_postcode: pickup, delivery_postcode: delivery, cod, weight: band }, { maxAttempts: 2, timeoutMs: 8_000 })
    const choice = answer.serviceable ? chooseCouriers(answer.couriers, { cod, recommendedCourierId: answer.recommended_courier_id }) : null
    if (this.rateCache.size > 5_000) this.rateCache.clear()
    this.rateCache.set(key, { at: Date.now(), choice })
    return choice
  }

  /** Pickup pincodes (the suppliers of the items) and the parcel weight. */
  private async shipmentShape(input: { cartId?: string; variantId?: string }): Promise<{ pickups: string[]; weightKg: number }> {
    const db = this.db_
    let lines: { variant_id: string; quantity: number; weight: number | null }[] = []
    if (input.cartId) {
      lines = await db.query<(typeof lines)[number]>(
        `SELECT li.variant_id, li.quantity, v.weight FROM line_item li JOIN product_variant v ON v.id = li.variant_id WHERE li.cart_id = $1`,
        [input.cartId]
      )
    } else if (input.variantId) {
      lines = await db.query<(typeof lines)[number]>(`SELECT id AS variant_id, 1 AS quantity, weight FROM product_variant WHERE id = $1 AND deleted_at IS NULL`, [input.variantId])
    }
    const variantIds = lines.map((l) => l.variant_id)
    let pickups: string[] = []
    if (variantIds.length && (await this.hasSupplierTables())) {
      const rows = await db.query<{ pincode: string | null }>(
        `SELECT DISTINCT s.pincode FROM supplier_variant sv JOIN supplier s ON s.id = sv.supplier_id WHERE sv.variant_id = ANY($1)`,
        [variantIds]
      )
      pickups = rows.map((r) => normalizePincode(r.pincode)).filter((p): p is string => Boolean(p))
    }
    if (!pickups.length && this.options_.default_pickup_pincode) {
      const fallback = normalizePincode(this.options_.default_pickup_pincode)
      if (fallback) pickups = [fallback]
    }
    const weightKg = shipmentWeightKg(lines.length ? lines.map((l) => ({ grams: l.weight, quantity: l.quantity })) : [{ grams: null, quantity: 1 }])
    return { pickups, weightKg }
  }

  private supplierTables: boolean | null = null
  /** Supplier pickups come from the supplier-forwarding plugin's tables, when it is installed. */
  async hasSupplierTables(): Promise<boolean> {
    if (this.supplierTables === null) {
      const [row] = await this.db_.query<{ present: boolean }>(`SELECT to_regclass('public.supplier_variant') IS NOT NULL AS present`)
      this.supplierTables = Boolean(row?.present)
    }
    return this.supplierTables
  }
}
