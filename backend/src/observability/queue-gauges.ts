import { Gauge } from "prom-client"
import type { EntityManager } from "typeorm"
import { boundedQuery } from "./database"
import { registry } from "./metrics"
import { TimeoutError } from "./timeout"
import { TransitionLog } from "./transition-log"

/**
 * Backlogs kept in PostgreSQL by the plugins, read when Prometheus scrapes. They are the
 * same on every replica (the database is shared), so aggregate them with max(), not sum().
 * Each query counts only the open or failed rows, which the plugins' partial and status
 * indexes serve; delivered and booked rows grow for ever and are not counted.
 */

const QUERY_MS = 1000
/** A database that does not answer one count will not answer the next: stop and report the rest as unknown. */
const SCRAPE_BUDGET_MS = 3000

const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] })

const outboxMessages = gauge("shop_supplier_outbox_messages", "Supplier-forwarding outbox messages not delivered: pending (waiting or retrying) and failed.", ["status"])
const outboxRetrying = gauge("shop_supplier_outbox_retrying_messages", "Pending outbox messages that have failed at least one attempt.")
const outboxOldest = gauge("shop_supplier_outbox_oldest_pending_age_seconds", "Age of the oldest pending outbox message (0 when none).")
const supplierOrdersFailed = gauge("shop_supplier_orders_failed", "Supplier orders whose delivery failed for good (the admin's attention queue, not counting rejections).")
const shiprocketShipments = gauge("shop_shiprocket_shipments", "Shiprocket parcels waiting to be booked (pending, booking) or failed for good.", ["state"])
const models3d = gauge("shop_product_3d_models", "Product 3D models waiting, being processed, or failed.", ["status"])
const stylistSessions = gauge("shop_stylist_sessions_active", "Stylist conversations that have not expired.")
const sourceUp = gauge("shop_metrics_source_up", "1 when the last scrape read this source, 0 when its query failed or timed out (its gauges are then NaN).", ["source"])

type Row = Record<string, unknown>
type Source = { name: string; sql: string; apply: (rows: Row[]) => void; unknown: () => void }

const OUTBOX_STATUSES = ["pending", "failed"]
const SHIPMENT_STATES = ["pending", "booking", "failed"]
const MODEL_STATUSES = ["queued", "processing", "failed"]

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

function byLabel(g: Gauge<string>, label: string, values: string[], rows: Row[], key: string): void {
  const counts = new Map(rows.map((r) => [String(r[key]), num(r.n)]))
  for (const v of values) g.set({ [label]: v }, counts.get(v) ?? 0)
}

function allUnknown(g: Gauge<string>, label: string, values: string[]): void {
  for (const v of values) g.set({ [label]: v }, NaN)
}

export const SOURCES: Source[] = [
  {
    name: "supplier_outbox",
    sql: `SELECT status, count(*) AS n, count(*) FILTER (WHERE attempts > 0) AS retrying,
                 EXTRACT(EPOCH FROM now() - min(created_at)) AS oldest
            FROM supplier_outbox WHERE status IN ('pending', 'failed') GROUP BY status`,
    apply(rows) {
      byLabel(outboxMessages, "status", OUTBOX_STATUSES, rows, "status")
      const pending = rows.find((r) => r.status === "pending")
      outboxRetrying.set(num(pending?.retrying))
      outboxOldest.set(Math.max(0, num(pending?.oldest)))
    },
    unknown() {
      allUnknown(outboxMessages, "status", OUTBOX_STATUSES)
      outboxRetrying.set(NaN)
      outboxOldest.set(NaN)
    },
  },
  {
    name: "supplier_orders",
    sql: `SELECT count(*) AS n FROM supplier_order WHERE status = 'failed'`,
    apply: (rows) => supplierOrdersFailed.set(num(rows[0]?.n)),
    unknown: () => supplierOrdersFailed.set(NaN),
  },
  {
    name: "shiprocket_shipments",
    sql: `SELECT state, count(*) AS n FROM shiprocket_shipment WHERE state IN ('pending', 'booking', 'failed') GROUP BY state`,
    apply: (rows) => byLabel(shiprocketShipments, "state", SHIPMENT_STATES, rows, "state"),
    unknown: () => allUnknown(shiprocketShipments, "state", SHIPMENT_STATES),
  },
  {
    name: "product_3d_models",
    sql: `SELECT status, count(*) AS n FROM product_3d_model WHERE status IN ('queued', 'processing', 'failed') GROUP BY status`,
    apply: (rows) => byLabel(models3d, "status", MODEL_STATUSES, rows, "status"),
    unknown: () => allUnknown(models3d, "status", MODEL_STATUSES),
  },
  {
    name: "stylist_sessions",
    sql: `SELECT count(*) AS n FROM stylist_session WHERE expires_at > now()`,
    apply: (rows) => stylistSessions.set(num(rows[0]?.n)),
    unknown: () => stylistSessions.set(NaN),
  },
]

export type SourceFailure = { source: string; error: string }
type Logger = { warn: (message: string) => void; info: (message: string) => void }

const transitions = new TransitionLog("[metrics]")

async function refresh(manager: EntityManager, logger?: Logger): Promise<SourceFailure[]> {
  const failures: SourceFailure[] = []
  const deadline = performance.now() + SCRAPE_BUDGET_MS
  let giveUp = false
  // One after another: a scrape holds at most one pool connection, never the shoppers' share.
  for (const source of SOURCES) {
    const remaining = Math.floor(deadline - performance.now())
    if (giveUp || remaining <= 0) {
      source.unknown()
      sourceUp.set({ source: source.name }, 0)
      failures.push({ source: source.name, error: "skipped: the database did not answer an earlier query in time" })
      continue
    }
    try {
      source.apply(await boundedQuery<Row>(manager, source.sql, Math.min(QUERY_MS, remaining), source.name))
      sourceUp.set({ source: source.name }, 1)
      transitions.record(logger, source.name, null)
    } catch (error) {
      source.unknown()
      sourceUp.set({ source: source.name }, 0)
      failures.push({ source: source.name, error: (error as Error)?.message ?? String(error) })
      transitions.record(logger, source.name, (error as Error)?.message ?? String(error))
      if (error instanceof TimeoutError) giveUp = true
    }
  }
  return failures
}

let inflight: Promise<SourceFailure[]> | null = null

/** Concurrent scrapes (two Prometheus servers, a retry) share one round of queries. */
export function refreshQueueGauges(manager: EntityManager, logger?: Logger): Promise<SourceFailure[]> {
  if (!inflight) inflight = refresh(manager, logger).finally(() => (inflight = null))
  return inflight
}
