/**
 * Types for shiprocket-simulator.cjs (hand-written; the module is plain CommonJS).
 *
 * Import it extensionless from TypeScript tests: `import { startShiprocketSimulator } from
 * "../../simulator/shiprocket-simulator"` (TypeScript reads this file, jest loads the .cjs).
 *
 * ## Endpoints (under `${sim.url}` = `http://127.0.0.1:<port>/v1/external`)
 *
 * | endpoint name      | call                                   | notes |
 * |--------------------|----------------------------------------|-------|
 * | `login`            | POST /auth/login {email, password}     | 200 {token, ...}; MFA accounts: 200 {is_mfa_enabled: true, user_id} and no token; wrong credentials 401; more than `maxLogins` logins 403 |
 * | `serviceability`   | GET /courier/serviceability/?pickup_postcode&delivery_postcode&cod=0\|1&weight[&declared_value] | 422 {message, errors, status_code} for missing or malformed params; non-serviceable: see `nonServiceableStyle` |
 * | `create_adhoc`     | POST /orders/create/adhoc              | contract's required fields, else 422 {message, errors: {field: [..]}, status_code: 422}; a reused order_id is 422 (`errors.order_id`); 200 {order_id, shipment_id, status: "NEW", status_code: 1, awb_code: null} |
 * | `orders_search`    | GET /orders?search=<text>[&page&per_page] | **Shiprocket's real list endpoint**: {data: [order...], meta: {pagination}}; search is fuzzy (substring of channel_order_id, or the Shiprocket order id, or the AWB): filter `channel_order_id` exactly. Each item has `id`, `channel_order_id`, `status`, `status_code`, `shipments: [{id, awb, courier, ...}]`. Forward orders only. |
 * | `returns_search`   | GET /orders/processing/return?search=  | same shape, return orders only |
 * | `order_show`       | GET /orders/show/:id                   | {data: order} or 404 |
 * | `assign_awb`       | POST /courier/assign/awb {shipment_id, courier_id?} | 200 {awb_assign_status: 1, response: {data: {awb_code, courier_company_id, courier_name, ...}}}; no courier (route not serviceable, COD to a prepaid-only pincode, unknown courier_id) or already assigned: 200 {awb_assign_status: 0, response: {data: {awb_assign_error}}}; unknown shipment 404; cancelled 400 |
 * | `generate_pickup`  | POST /courier/generate/pickup {shipment_id: [id]} | 200 {pickup_status: 1, response: {pickup_scheduled_date, pickup_token_number, ...}}; no AWB yet 400 "Please assign AWB first"; again 400 "Already in Pickup Queue." |
 * | `track_awb`        | GET /courier/track/awb/:awb            | {tracking_data: {track_status, shipment_status, shipment_track, shipment_track_activities (newest first), track_url, etd}}; unknown AWB or no scans: track_status 0 with `error` |
 * | `cancel`           | POST /orders/cancel {ids: [shiprocket order ids]} | 200 {status_code: 200, message}; unknown ids or picked up already: 400 |
 * | `create_return`    | POST /orders/create/return             | pickup_* = customer, shipping_* = warehouse; 200 {order_id, shipment_id, status: "RETURN PENDING", status_code: 21}. Order ids share one namespace with forward orders. |
 * | `pickup_locations` | GET /settings/company/pickup           | {data: {shipping_address: [{pickup_location, pin_code, ...}]}} |
 *
 * Every call but login needs `Authorization: Bearer <token>` (401 {message, status_code: 401}
 * otherwise). Tokens live `tokenTtlMs` (10 days by default).
 *
 * ## Pincode rules (deterministic)
 *
 * - A pincode ending in `999` (e.g. 110999) is not serviceable (as pickup or delivery).
 * - Delivery pincodes starting `79` (North East) or `194` (Ladakh) are prepaid only: every
 *   courier is listed with `cod: 0`.
 * - `options.pincodes` / `setPincodeRule` override per pincode: `{serviceable?, cod?, extraDays?}`.
 * - Zone from the two pincodes: A same first 3 digits, B same first 2, C metro to metro
 *   (11, 40, 41, 50, 56, 60, 70), E when either end starts 18, 19 or 79, else D.
 * - Five couriers (SIMULATOR_COURIERS): Xpressbees Surface (51), DTDC Surface (6, never COD,
 *   the cheapest), Delhivery Surface (43, the recommendation), Delhivery Air (10), Blue Dart
 *   Air (1, the fastest). `rate` (rupees) = tariff for ceil(weight / 0.5 kg) slabs, plus, when
 *   cod=1, `cod_charges` = max(30, 2% of declared_value). `etd` is "Nov 27, 2026" (IST),
 *   `estimated_delivery_days` a numeric string.
 *
 * ## Tracking webhooks
 *
 * `sendTrackingWebhook` posts JSON like Shiprocket's (awb, courier_name, current_status,
 * current_status_id, shipment_status, shipment_status_id, current_timestamp
 * "DD MM YYYY HH:mm:ss" IST, order_id "<our order_id>_<sr order id>", sr_order_id, etd,
 * scans[{date, status, activity, location, sr-status, sr-status-label}], is_return,
 * pod_status...) with the token in `x-api-key`. `current_status_id` is numbered from the
 * *order* status table for 9, 17, 18, 21 and 42 (15, 19, 20, 36, 51), as Shiprocket does:
 * map on `shipment_status_id`. Like the Shiprocket panel, it refuses URLs containing
 * shiprocket, kartrocket, sr or kr unless `allowAnyUrl` is set.
 */

export type SimEndpoint =
  | "login"
  | "serviceability"
  | "create_adhoc"
  | "orders_search"
  | "returns_search"
  | "order_show"
  | "assign_awb"
  | "generate_pickup"
  | "track_awb"
  | "cancel"
  | "create_return"
  | "pickup_locations"

export type PincodeRule = {
  /** default: false only for pincodes ending in 999 */
  serviceable?: boolean
  /** false: prepaid only (all couriers cod: 0) */
  cod?: boolean
  /** added to every courier's delivery days */
  extraDays?: number
}

export type SimPickupLocation = { pickup_location: string; pin_code: string }

export type ShiprocketSimulatorOptions = {
  /** 0 (default) picks a free port */
  port?: number
  /** default "127.0.0.1" */
  host?: string
  /** the API user; default "api@example.com" / "secret" */
  email?: string
  password?: string
  /** the account answers login with {is_mfa_enabled: true, user_id} instead of a token */
  mfa?: boolean
  /** token lifetime, default 10 days; 0 makes tokens that are already expired */
  tokenTtlMs?: number
  /** successful logins (and MFA challenges) allowed before login answers 403 "blocked"; default unlimited */
  maxLogins?: number
  pincodes?: Record<string, PincodeRule>
  /**
   * Registered pickup addresses. When given, create_adhoc refuses other `pickup_location`
   * names (422 errors.pickup_location) and the pickup pincode of an order is the location's;
   * when absent, any name is accepted and ships from `defaultPickupPincode`.
   */
  pickupLocations?: (SimPickupLocation | string)[]
  /** default "110030" */
  defaultPickupPincode?: string
  /**
   * How a non-serviceable route is answered by serviceability: "body404" (default) HTTP 200
   * {status: 404, message, data: {available_courier_companies: []}}; "http404" HTTP 404
   * {message, status_code: 404}. Shiprocket does not document which; clients must take both.
   */
  nonServiceableStyle?: "body404" | "http404"
  /** the simulator's clock for etd, order and scan times (tokens use the real clock); default now */
  now?: () => Date
  /** a line per notable event */
  log?: (line: string) => void
}

export type SimRequestLogEntry = {
  seq: number
  at: Date
  method: string
  /** path after /v1/external */
  path: string
  query: Record<string, string>
  endpoint: SimEndpoint | "unknown"
  /** the status answered; null while pending, or when held, reset, or the caller went away */
  status: number | null
  fault: null | "rate_limited" | "server_error" | "reset" | "delayed" | "store_then_timeout" | "store_then_fail"
  /** parsed JSON body of a POST */
  body: any
  /** the simulator has finished with it (processed, refused, held or cut), answered or not */
  handled: boolean
}

export type SimHistoryEntry = {
  statusId: number
  label: string
  at: Date
  location: string
  activity: string
  courierStatus: string
}

export type SimOrder = {
  /** Shiprocket's order id */
  order_id: number
  shipment_id: number
  /** our order_id as sent */
  channel_order_id: string
  is_return: boolean
  status: string
  status_code: number
  payment_method: "cod" | "prepaid"
  pickup_pincode: string
  delivery_pincode: string
  weight: number
  awb_code: string | null
  courier_company_id: number | null
  courier_name: string | null
  pickup_scheduled_date: string | null
  pickup_token_number: string | null
  created_at: Date
  /** the request body as received */
  payload: any
  /** shipment statuses, oldest first */
  history: SimHistoryEntry[]
}

export type SimStats = {
  /** POST /auth/login requests received, whatever their outcome */
  loginAttempts: number
  /** tokens issued */
  logins: number
  failedLogins: number
  mfaChallenges: number
  unauthorized: number
  rateLimited: number
  serverErrors: number
  resets: number
  held: number
}

export type SendTrackingWebhookOptions = {
  /** the receiver, e.g. http://127.0.0.1:9000/hooks/courier-tracking */
  url: string
  /** sent as `x-api-key`; omitted when undefined */
  apiKey?: string | null
  /** the shipment to report on (it must have an AWB) */
  awb?: string | number
  /** first record this shipment status on the shipment (e.g. 42 picked up, 18 in transit, 7 delivered) */
  statusId?: number
  /** when the status happened (default the simulator's now) */
  at?: Date
  location?: string
  activity?: string
  label?: string
  /** merged over the generated payload, or the whole payload when `awb` is unknown */
  payload?: Record<string, unknown>
  /** send these bytes instead */
  rawBody?: string
  /** set or (with null) remove request headers */
  headers?: Record<string, string | null>
  /** skip the panel's URL rule (no shiprocket / kartrocket / sr / kr in the URL) */
  allowAnyUrl?: boolean
  timeoutMs?: number
}

export type SendTrackingWebhookResult = {
  status: number
  /** only HTTP 200 counts as delivered at Shiprocket */
  delivered: boolean
  body: any
  payload: any
}

export type ShiprocketSimulator = {
  /** the API base URL to give the client, e.g. http://127.0.0.1:4020/v1/external */
  readonly url: string
  /** http://127.0.0.1:4020 */
  readonly origin: string
  readonly port: number
  readonly credentials: { email: string; password: string }
  /** every request, in arrival order */
  readonly requests: SimRequestLogEntry[]
  /** stored orders (forward and return), in creation order */
  readonly orders: SimOrder[]
  readonly webhooksSent: { at: Date; url: string; payload: any; status: number | null; error: string | null }[]

  /** every token issued so far answers 401 from now on */
  expireTokens(): void
  /** lifetime of tokens issued from now on; 0: born expired */
  setTokenTtlMs(ms: number): void
  setMfa(on: boolean): void
  setPassword(password: string): void
  validTokenCount(): number

  /** the next n matching requests answer 429 "You have exceeded the API call rate limit." (any endpoint unless given) */
  rateLimitNext(n: number, opts?: { endpoint?: SimEndpoint }): void
  /** the next n matching requests answer a 5xx (default 500) without being processed */
  failNext(n: number, opts?: { status?: number; endpoint?: SimEndpoint; body?: unknown }): void
  /** the next n matching requests have their connection cut without an answer (nothing processed) */
  resetNext(n: number, opts?: { endpoint?: SimEndpoint }): void
  /** the next n matching requests are processed (and answered) only after ms */
  delayNext(n: number, ms: number, opts?: { endpoint?: SimEndpoint }): void
  /** every request to an endpoint ("*" for all) is processed after ms; 0 clears */
  setDelay(endpoint: SimEndpoint | "*", ms: number): void
  /** the next n successful creates are stored but never answered (the connection stays open until the caller gives up) */
  storeThenTimeoutNext(n?: number, opts?: { endpoint?: "create_adhoc" | "create_return" }): void
  /** the next n successful creates are stored, then answered with a 5xx (default 504) */
  storeThenFailNext(n?: number, opts?: { status?: number; endpoint?: "create_adhoc" | "create_return" }): void
  clearFaults(): void
  pendingFaults(): { kind: string; remaining: number; endpoint: SimEndpoint | null }[]

  setPincodeRule(pincode: string, rule: PincodeRule | null): void
  /** the courier list serviceability would answer (null: not serviceable) */
  quote(pickupPincode: string, deliveryPincode: string, weightKg: number, cod?: boolean, declaredValue?: number): any[] | null
  setPickupLocations(list: (SimPickupLocation | string)[] | null): void

  /** requests received per endpoint (plus "unknown"), faults included */
  counts(): Record<SimEndpoint | "unknown", number>
  stats(): SimStats
  /** zero the counters and the request log (orders stay) */
  resetCounters(): void
  ordersByChannelId(channelOrderId: string): SimOrder[]
  orderByAwb(awb: string | number): SimOrder | null
  /** resolves with the predicate's first truthy value; rejects after timeoutMs (default 10 s) */
  waitFor<T>(predicate: (sim: ShiprocketSimulator) => T | undefined | null | false, timeoutMs?: number): Promise<T>

  /** record a shipment status (for tracking and the next webhook) */
  advanceShipment(awb: string | number, statusId: number, opts?: { at?: Date; location?: string; activity?: string; label?: string }): SimHistoryEntry
  /** the webhook body Shiprocket would send now for this AWB */
  webhookPayload(awb: string | number, overrides?: Record<string, unknown>): any
  sendTrackingWebhook(options: SendTrackingWebhookOptions): Promise<SendTrackingWebhookResult>

  close(): Promise<void>
}

export function startShiprocketSimulator(options?: ShiprocketSimulatorOptions): Promise<ShiprocketSimulator>

export const SIMULATOR_BASE_PATH: "/v1/external"
export const SIMULATOR_COURIERS: ReadonlyArray<{
  id: number
  name: string
  cod: 0 | 1
  surface: 0 | 1
  rating: number
  /** rupees for the first 0.5 kg, zones A..E */
  base: number[]
  /** rupees per further 0.5 kg, zones A..E */
  add: number[]
  days: number[]
}>
export const SIMULATOR_STATUS_LABELS: Readonly<Record<number, string>>
