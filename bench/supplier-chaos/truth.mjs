/**
 * What the database says (supplier_order, supplier_outbox, order) and how it compares with
 * what the supplier simulator received: lost and duplicated supplier orders.
 */

/** Statuses a supplier order reaches only after its supplier_order.created was delivered. */
const SENT_OR_BEYOND = new Set(["sent", "accepted", "rejected", "shipped"])

/**
 * @param {import("pg").Pool} pool
 * @param {string[]} supplierIds the bench's suppliers
 */
export async function readTruth(pool, supplierIds) {
  const [supplierOrders, outbox, orders] = await Promise.all([
    pool.query(`SELECT id, order_id, supplier_id, status, created_at FROM supplier_order WHERE supplier_id = ANY($1)`, [supplierIds]),
    pool.query(
      `SELECT ob.supplier_order_id, ob.event_type, ob.status, ob.attempts, ob.webhook_id, ob.last_error, ob.delivered_at
         FROM supplier_outbox ob JOIN supplier_order so ON so.id = ob.supplier_order_id
        WHERE so.supplier_id = ANY($1)`,
      [supplierIds]
    ),
    pool.query(`SELECT id, cart_id FROM "order"`),
  ])
  const createdBySupplierOrder = new Map()
  for (const row of outbox.rows) if (row.event_type === "supplier_order.created") createdBySupplierOrder.set(row.supplier_order_id, row)
  return { supplierOrders: supplierOrders.rows, outbox: outbox.rows, createdBySupplierOrder, orders: orders.rows }
}

/** A supplier order is delivered when its supplier_order.created message is, and its status moved on. */
export function isDelivered(truth, supplierOrder) {
  const msg = truth.createdBySupplierOrder.get(supplierOrder.id)
  return Boolean(msg && msg.status === "delivered" && SENT_OR_BEYOND.has(supplierOrder.status))
}

/** Counts for the progress line. */
export function progress(truth) {
  let delivered = 0
  for (const so of truth.supplierOrders) if (isDelivered(truth, so)) delivered++
  const byStatus = {}
  for (const m of truth.createdBySupplierOrder.values()) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1
  const maxAttempts = Math.max(0, ...[...truth.createdBySupplierOrder.values()].map((m) => m.attempts))
  return { supplierOrders: truth.supplierOrders.length, delivered, outbox: byStatus, maxAttempts }
}

/**
 * @param {ReturnType<typeof readTruth> extends Promise<infer T> ? T : never} truth
 * @param {{ orderIds: string[], supplierIds: string[], sim: import("../../plugins/supplier-forwarding/simulator/supplier-simulator").SupplierSimulator }} expected
 */
export function reconcile(truth, { orderIds, supplierIds, sim }) {
  const ours = new Set(orderIds)
  const rowsByPair = new Map()
  for (const so of truth.supplierOrders) {
    const key = `${so.order_id} ${so.supplier_id}`
    if (!rowsByPair.has(key)) rowsByPair.set(key, [])
    rowsByPair.get(key).push(so)
  }
  const { bySupplierOrder, underTwoIds } = sim.integrityReport()
  const inDb = new Map(truth.supplierOrders.map((so) => [so.id, so]))

  // Every order we placed has items mapped to each bench supplier: one supplier order each.
  const missingPairs = []
  for (const orderId of orderIds) for (const supplierId of supplierIds) if (!rowsByPair.has(`${orderId} ${supplierId}`)) missingPairs.push({ orderId, supplierId })
  const notReceived = truth.supplierOrders.filter((so) => !bySupplierOrder.has(so.id))
  const notDelivered = truth.supplierOrders.filter((so) => !isDelivered(truth, so))
  const pairsWithTwo = [...rowsByPair.entries()].filter(([, rows]) => rows.length > 1)
  const extraRows = pairsWithTwo.reduce((n, [, rows]) => n + rows.length - 1, 0)
  const unknownReceived = [...bySupplierOrder.keys()].filter((id) => !inDb.has(id))
  // The message must come under the webhook-id the outbox recorded for it.
  const idMismatch = []
  for (const [soId, ids] of bySupplierOrder) {
    const msg = truth.createdBySupplierOrder.get(soId)
    if (msg && !ids.has(msg.webhook_id)) idMismatch.push({ supplierOrderId: soId, outbox: msg.webhook_id, received: [...ids] })
  }
  const extraOrders = truth.orders.filter((o) => !ours.has(o.id))
  const supplierOrdersOfOthers = truth.supplierOrders.filter((so) => !ours.has(so.order_id))

  const lost = missingPairs.length + notReceived.length
  const duplicated = underTwoIds.length + extraRows + unknownReceived.length
  return {
    lost,
    duplicated,
    delivered: truth.supplierOrders.length - notDelivered.length,
    received: truth.supplierOrders.length - notReceived.length,
    missingPairs,
    notReceived,
    notDelivered,
    underTwoIds,
    pairsWithTwo,
    unknownReceived,
    idMismatch,
    extraOrders,
    supplierOrdersOfOthers,
  }
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
