/** Types for supplier-simulator.cjs (hand-written; the module is plain CommonJS). */

export type SupplierSimulatorOptions = {
  /** 0 (default) picks a free port */
  port?: number
  /** default "127.0.0.1" */
  host?: string
  /** supplier code -> its `whsec_` secret */
  suppliers?: Record<string, string>
  /** probability (0..1) that a delivery fails on purpose before it is processed */
  failRate?: number
  /** source of randomness for failure injection (default Math.random) */
  random?: () => number
  /**
   * Accept deliveries on any path, not only `POST /suppliers/:code/orders`: the only
   * supplier, or with several the one whose secret signed the body (the CLI's mode).
   */
  anyPath?: boolean
  /** a line per notable event (failures on purpose, refusals, duplicates) */
  log?: (line: string) => void
  /** called for each unique message, after it is recorded */
  onMessage?: (message: SupplierMessage) => void
}

export type SupplierMessage = {
  code: string
  webhookId: string
  type: string | undefined
  data: any
  receivedAt: Date
  /** how many times this webhook-id arrived (1 + duplicate deliveries) */
  deliveries: number
}

export type SupplierSimulatorStats = {
  /** POST requests received, whatever became of them */
  requests: number
  /** answered 500/503 or cut on purpose (nothing recorded) */
  failedOnPurpose: number
  /** messages recorded (distinct webhook-ids per supplier) */
  unique: number
  /** deliveries of a webhook-id already recorded (answered 200 { duplicate: true }) */
  duplicates: number
  /** refused with 401: bad or missing signature, stale timestamp */
  badSignatures: number
}

export type SendOptions = {
  /** e.g. http://127.0.0.1:9000; the request goes to `${backendUrl}/hooks/suppliers/${code}` */
  backendUrl: string
  code: string
  type: string
  data?: unknown
  /** webhook-id; default `msg_<random>`. Reuse one to replay. */
  id?: string
  /** signing time and payload timestamp; 10 minutes ago makes a correctly signed but stale message */
  timestamp?: Date
  /** sign with this secret instead of the supplier's */
  secret?: string
  /** send these bytes instead of `{type, timestamp, data}` (signed as they are) */
  rawBody?: string
  /**
   * true or "signature": a signature that does not match; "body": equivalent JSON with
   * different bytes after signing (only a receiver that verifies the raw body refuses it)
   */
  tamper?: boolean | "signature" | "body"
  /** set or (with null) remove request headers after signing */
  headers?: Record<string, string | null>
}

export type SendResult = { status: number; body: any; id: string }

export type IntegrityReport = {
  /** supplier_order.created messages: data.supplier_order_id -> webhook-ids it arrived under */
  bySupplierOrder: Map<string, Set<string>>
  /** supplier order ids received under two or more different webhook-ids */
  underTwoIds: string[]
}

export type SupplierSimulator = {
  /** base URL, e.g. http://127.0.0.1:4010 */
  readonly url: string
  readonly port: number
  readonly isUp: boolean
  readonly failRate: number
  /** unique messages in arrival order */
  readonly messages: SupplierMessage[]
  /** `${url}/suppliers/${code}/orders` */
  endpointFor(code: string): string
  addSupplier(code: string, secret: string): void
  setFailRate(rate: number): void
  /** stop listening and cut open connections: senders get connection refused */
  goDown(): Promise<void>
  /** listen again on the same port */
  comeUp(): Promise<void>
  stats(): SupplierSimulatorStats
  /** resolves with the predicate's first truthy value; rejects after timeoutMs (default 10 s) */
  waitFor<T>(predicate: (sim: SupplierSimulator) => T | undefined | null | false, timeoutMs?: number): Promise<T>
  integrityReport(): IntegrityReport
  /** the supplier answering: a signed webhook to the backend */
  send(options: SendOptions): Promise<SendResult>
  close(): Promise<void>
}

export function startSupplierSimulator(options?: SupplierSimulatorOptions): Promise<SupplierSimulator>
