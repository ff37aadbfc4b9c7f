import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError, generateEntityId } from "@medusajs/utils"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import {
  ShiprocketAuthError,
  ShiprocketError,
  ShiprocketNoCourierError,
  ShiprocketValidationError,
  type ShiprocketOrderSummary,
} from "../clients/shiprocket"
import {
  DEFAULT_BOOKING_RETRY,
  ShiprocketPayloadError,
  bookingRetryDecision,
  buildAdhocOrderPayload,
  buildReturnOrderPayload,
  cancellability,
  nextBookingStep,
  shiprocketOrderId,
  type BookingFailureKind,
  type BookingRetryPolicy,
  type BookingState,
  type PlainAddress,
  type PlainLineItem,
  type TimelineStage,
} from "../core"
import type { ShipmentItem } from "../models/shiprocket-shipment"
import type ShiprocketService from "./shiprocket"
import type { ShiprocketOptions } from "./shiprocket"
import type ShiprocketSettingsService from "./shiprocket-settings"

export type ShipmentRow = {
  id: string
  kind: "forward" | "return"
  state: BookingState
  order_id: string
  fulfillment_id: string | null
  return_id: string | null
  supplier_id: string | null
  pickup_location: string | null
  payment_method: "cod" | "prepaid"
  courier_preference: number | null
  items: ShipmentItem[]
  attempt: number
  channel_order_id: string | null
  create_requested_at: Date | null
  sr_order_id: string | null
  sr_shipment_id: string | null
  awb: string | null
  courier_id: number | null
  courier_name: string | null
  label_url: string | null
  manifest_url: string | null
  track_url: string | null
  pickup_requested_at: Date | null
  pickup_scheduled_date: string | null
  pickup_token: string | null
  stage: TimelineStage
  status_id: number | null
  status_label: string | null
  status_at: Date | null
  etd: string | null
  attempts: number
  next_attempt_at: Date
  claimed_until: Date | null
  last_error: string | null
  last_polled_at: Date | null
  shipped_in_medusa_at: Date | null
  delivered_at: Date | null
  created_at: Date
  updated_at: Date
}

type LoggerLike = { info(m: string): void; warn(m: string): void; error(m: string): void }
type EventBusLike = { emit(event: string, data: unknown): Promise<unknown> }

type OrderLine = {
  id: string
  title: string
  variant_id: string | null
  quantity: number
  original_total?: number
  discount_total?: number
  tax_lines?: { rate: number }[]
  variant?: { sku?: string | null; weight?: number | null; hs_code?: string | null; title?: string | null } | null
}
type OrderForBooking = {
  id: string
  display_id: number
  email: string
  created_at: Date
  shipping_total?: number
  shipping_address?: PlainAddress | null
  billing_address?: PlainAddress | null
  items: OrderLine[]
}
type OrderServiceLike = {
  withTransaction(m: EntityManager): OrderServiceLike
  retrieveWithTotals(id: string, config: Record<string, unknown>): Promise<OrderForBooking>
  createFulfillment(orderId: string, items: { item_id: string; quantity: number }[], config: { metadata: Record<string, unknown> }): Promise<{ fulfillments: { id: string; metadata: Record<string, unknown> | null }[] }>
}

/** What recording a parcel needs; the rest of a row is filled in by booking. */
type NewShipment = Pick<ShipmentRow, "kind" | "order_id" | "supplier_id" | "pickup_location" | "payment_method" | "courier_preference" | "items"> &
  ({ fulfillment_id: string; return_id?: never } | { return_id: string; fulfillment_id?: never })

type Container = {
  manager: EntityManager
  logger: LoggerLike
  eventBusService: EventBusLike
  shiprocketService: ShiprocketService
  shiprocketSettingsService: ShiprocketSettingsService
  orderService: OrderServiceLike
}

export const ShipmentEvents = {
  BOOKED: "shiprocket.shipment.booked",
  FAILED: "shiprocket.shipment.failed",
  CANCELLED: "shiprocket.shipment.cancelled",
  STATUS_CHANGED: "shiprocket.shipment.status_changed",
  DELIVERED: "shiprocket.shipment.delivered",
} as const

/** A booking is leased to one process for this long; a process that dies mid-booking is retried after it. */
const LEASE_MS = 5 * 60_000

const COLUMNS = new Set([
  "state", "supplier_id", "pickup_location", "attempt", "channel_order_id", "create_requested_at", "sr_order_id", "sr_shipment_id", "awb",
  "courier_id", "courier_name", "label_url", "manifest_url", "track_url", "pickup_requested_at", "pickup_scheduled_date", "pickup_token",
  "stage", "status_id", "status_label", "status_at", "etd", "attempts", "next_attempt_at", "claimed_until", "last_error", "last_polled_at",
  "shipped_in_medusa_at", "delivered_at",
])

/**
 * Parcels at Shiprocket. A shipment is recorded (from a fulfillment or a return whose
 * shipping option is Shiprocket's) before anything is sent; the booking loop then creates
 * the order, assigns an AWB and books the pickup at the supplier's pickup location,
 * remembering each step, so that a retry never books a parcel twice. Failures are retried
 * with backoff; data Shiprocket refuses, and retries that run out, leave the shipment
 * "failed" with the reason, for a person to fix and retry in the admin.
 */
export default class ShiprocketShipmentService extends TransactionBaseService {
  static LIFE_TIME = Lifetime.SINGLETON

  protected readonly container_: Container
  protected readonly options_: ShiprocketOptions
  protected readonly retry_: BookingRetryPolicy

  constructor(container: Container, options: ShiprocketOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    this.container_ = container
    this.options_ = options
    const r = options.booking_retry ?? {}
    this.retry_ = { baseMs: r.base_ms ?? DEFAULT_BOOKING_RETRY.baseMs, maxMs: r.max_ms ?? DEFAULT_BOOKING_RETRY.maxMs, maxAttempts: r.max_attempts ?? DEFAULT_BOOKING_RETRY.maxAttempts }
  }

  // Resolved on use: these are created after this singleton, and some are request-scoped.
  private get shiprocket(): ShiprocketService {
    return this.container_.shiprocketService
  }
  private get settings(): ShiprocketSettingsService {
    return this.container_.shiprocketSettingsService
  }
  private get logger(): LoggerLike {
    return this.container_.logger
  }

  private query<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.manager_.query(sql, params).then((result: unknown) => rowsOf<T>(result))
  }

  // ------------------------------------------------------------------------ recording

  /**
   * Records the parcel for a fulfillment made with a Shiprocket shipping option. Nothing
   * for other providers, cancelled fulfillments, or fulfillments already shipped by
   * someone else (a supplier that sent its own AWB). Idempotent per fulfillment.
   */
  async recordForFulfillment(fulfillmentId: string): Promise<ShipmentRow | null> {
    const [f] = await this.query(`SELECT id, order_id, provider_id, shipped_at, canceled_at, metadata FROM fulfillment WHERE id = $1`, [fulfillmentId])
    if (!f || f.provider_id !== "shiprocket" || !f.order_id || f.canceled_at || f.shipped_at) return null
    const items = await this.query<{ line_item_id: string; quantity: number; variant_id: string | null }>(
      `SELECT fi.item_id AS line_item_id, fi.quantity, li.variant_id FROM fulfillment_item fi JOIN line_item li ON li.id = fi.item_id WHERE fi.fulfillment_id = $1`,
      [fulfillmentId]
    )
    const supplier = await this.supplierFor(items.map((i) => i.variant_id).filter(Boolean) as string[], f.metadata?.supplier_order_id ?? null)
    const payment = await this.paymentMethodOf(f.order_id)
    const preference = await this.courierPreferenceOf(f.order_id)
    return this.insert({
      kind: "forward",
      order_id: f.order_id,
      fulfillment_id: f.id,
      supplier_id: supplier?.id ?? null,
      pickup_location: supplier?.pickup_location ?? this.options_.default_pickup_location ?? null,
      payment_method: payment,
      courier_preference: preference,
      items: items.map((i) => ({ line_item_id: i.line_item_id, quantity: Number(i.quantity) })),
    })
  }

  /** Records the reverse pickup for a return whose shipping option is Shiprocket's. Idempotent per return. */
  async recordForReturn(returnId: string): Promise<ShipmentRow | null> {
    const [r] = await this.query(
      `SELECT r.id, r.order_id, r.status FROM return r
         JOIN shipping_method sm ON sm.return_id = r.id JOIN shipping_option so ON so.id = sm.shipping_option_id
        WHERE r.id = $1 AND so.provider_id = 'shiprocket'`,
      [returnId]
    )
    if (!r || !r.order_id || r.status !== "requested") return null
    const items = await this.query<{ line_item_id: string; quantity: number; variant_id: string | null }>(
      `SELECT ri.item_id AS line_item_id, ri.quantity, li.variant_id FROM return_item ri JOIN line_item li ON li.id = ri.item_id WHERE ri.return_id = $1`,
      [returnId]
    )
    const supplier = await this.supplierFor(items.map((i) => i.variant_id).filter(Boolean) as string[], null)
    return this.insert({
      kind: "return",
      order_id: r.order_id,
      return_id: r.id,
      supplier_id: supplier?.id ?? null,
      pickup_location: supplier?.pickup_location ?? this.options_.default_pickup_location ?? null,
      payment_method: "prepaid",
      courier_preference: null,
      items: items.map((i) => ({ line_item_id: i.line_item_id, quantity: Number(i.quantity) })),
    })
  }

  /**
   * Makes the Medusa fulfillment for a supplier order's items when the order ships with a
   * Shiprocket option (the fulfillment then records the parcel). Nothing when the order ships
   * otherwise, the items are already fulfilled, or the supplier order already has one.
   */
  async fulfilSupplierOrder(supplierOrderId: string): Promise<string | null> {
    if (!(await this.shiprocket.hasSupplierTables())) return null
    const [so] = await this.query(`SELECT id, order_id, items, fulfillment_id, status FROM supplier_order WHERE id = $1`, [supplierOrderId])
    if (!so || so.fulfillment_id || so.status === "cancelled") return null
    const [viaShiprocket] = await this.query(
      `SELECT 1 FROM shipping_method sm JOIN shipping_option so ON so.id = sm.shipping_option_id WHERE sm.order_id = $1 AND so.provider_id = 'shiprocket' LIMIT 1`,
      [so.order_id]
    )
    if (!viaShiprocket) return null
    const wanted = (so.items as { line_item_id: string; quantity: number }[]).map((i) => ({ item_id: i.line_item_id, quantity: i.quantity }))
    const lines = await this.query<{ id: string; quantity: number; fulfilled_quantity: number | null }>(`SELECT id, quantity, fulfilled_quantity FROM line_item WHERE id = ANY($1)`, [wanted.map((w) => w.item_id)])
    const open = wanted.every((w) => {
      const line = lines.find((l) => l.id === w.item_id)
      return line && w.quantity <= line.quantity - (line.fulfilled_quantity ?? 0)
    })
    if (!open) {
      this.logger.warn(`Shiprocket: supplier order ${so.id} was accepted but its items are already fulfilled; no parcel booked`)
      return null
    }
    const fulfillmentId = await this.manager_.transaction(async (tx) => {
      const order = await this.container_.orderService.withTransaction(tx).createFulfillment(so.order_id, wanted, { metadata: { supplier_order_id: so.id, shipped_by: "shiprocket" } })
      const created = order.fulfillments.find((f) => f.metadata?.supplier_order_id === so.id)
      if (created) await tx.query(`UPDATE supplier_order SET fulfillment_id = $2 WHERE id = $1 AND fulfillment_id IS NULL`, [so.id, created.id])
      return created?.id ?? null
    })
    if (fulfillmentId) this.logger.info(`Shiprocket: supplier order ${so.id} accepted; fulfillment ${fulfillmentId} created for pickup at the supplier`)
    return fulfillmentId
  }

  /** Fulfillments and returns whose event was lost (a crash between commit and subscriber): recorded now. */
  async recordMissed(): Promise<number> {
    const fulfillments = await this.query<{ id: string }>(
      `SELECT f.id FROM fulfillment f LEFT JOIN shiprocket_shipment s ON s.fulfillment_id = f.id
        WHERE f.provider_id = 'shiprocket' AND f.canceled_at IS NULL AND f.shipped_at IS NULL AND f.order_id IS NOT NULL AND s.id IS NULL
          AND f.created_at < now() - interval '20 seconds' AND f.created_at > now() - interval '14 days'
        LIMIT 50`
    )
    const returns = await this.query<{ id: string }>(
      `SELECT r.id FROM return r JOIN shipping_method sm ON sm.return_id = r.id JOIN shipping_option so ON so.id = sm.shipping_option_id
         LEFT JOIN shiprocket_shipment s ON s.return_id = r.id
        WHERE so.provider_id = 'shiprocket' AND r.status = 'requested' AND s.id IS NULL
          AND r.created_at < now() - interval '20 seconds' AND r.created_at > now() - interval '14 days'
        LIMIT 50`
    )
    let recorded = 0
    for (const f of fulfillments) if (await this.recordForFulfillment(f.id)) recorded++
    for (const r of returns) if (await this.recordForReturn(r.id)) recorded++
    if (recorded) this.logger.warn(`Shiprocket: recorded ${recorded} parcel(s) whose event was lost`)
    return recorded
  }

  private async insert(values: NewShipment): Promise<ShipmentRow | null> {
    const conflict = values.fulfillment_id ? "fulfillment_id" : "return_id"
    const [row] = await this.query<ShipmentRow>(
      `INSERT INTO shiprocket_shipment (id, kind, order_id, fulfillment_id, return_id, supplier_id, pickup_location, payment_method, courier_preference, items)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (${conflict}) DO NOTHING RETURNING *`,
      [generateEntityId(undefined, "srship"), values.kind, values.order_id, values.fulfillment_id ?? null, values.return_id ?? null, values.supplier_id, values.pickup_location, values.payment_method, values.courier_preference, JSON.stringify(values.items)]
    )
    if (row) this.logger.info(`Shiprocket: ${row.kind} parcel ${row.id} recorded for order ${row.order_id} (pickup at ${row.pickup_location ?? "no pickup location yet"})`)
    return row ?? null
  }

  private async supplierFor(variantIds: string[], supplierOrderId: string | null): Promise<{ id: string; pickup_location: string | null } | null> {
    if (!(await this.shiprocket.hasSupplierTables())) return null
    if (supplierOrderId) {
      const [s] = await this.query(`SELECT s.id, s.pickup_location FROM supplier_order so JOIN supplier s ON s.id = so.supplier_id WHERE so.id = $1`, [supplierOrderId])
      if (s) return s as { id: string; pickup_location: string | null }
    }
    if (!variantIds.length) return null
    // The supplier of most of the parcel's items; one with a pickup location first.
    const [s] = await this.query(
      `SELECT s.id, s.pickup_location, count(*) AS n FROM supplier_variant sv JOIN supplier s ON s.id = sv.supplier_id
        WHERE sv.variant_id = ANY($1) GROUP BY s.id, s.pickup_location ORDER BY (s.pickup_location IS NULL), n DESC, s.id LIMIT 1`,
      [variantIds]
    )
    return (s as { id: string; pickup_location: string | null }) ?? null
  }

  private async paymentMethodOf(orderId: string): Promise<"cod" | "prepaid"> {
    const rows = await this.query<{ provider_id: string }>(`SELECT provider_id FROM payment WHERE order_id = $1`, [orderId])
    return rows.some((r) => r.provider_id === "cod") ? "cod" : "prepaid"
  }

  /** The courier behind the Shiprocket option the shopper chose (kept on the shipping method at checkout). */
  private async courierPreferenceOf(orderId: string): Promise<number | null> {
    const [m] = await this.query(
      `SELECT sm.data FROM shipping_method sm JOIN shipping_option so ON so.id = sm.shipping_option_id WHERE sm.order_id = $1 AND so.provider_id = 'shiprocket' LIMIT 1`,
      [orderId]
    )
    const id = Number(m?.data?.courier_id)
    return Number.isInteger(id) && id > 0 ? id : null
  }

  // ------------------------------------------------------------------------ booking

  /** Books the shipments that are due (several processes may call this: claims skip each other). */
  async bookDue(limit = 10): Promise<{ claimed: number; booked: number }> {
    if (!this.shiprocket.isConfigured) return { claimed: 0, booked: 0 }
    const rows = await this.query<ShipmentRow>(
      `UPDATE shiprocket_shipment SET claimed_until = now() + ($2::int * interval '1 millisecond'), attempts = attempts + 1, updated_at = now()
        WHERE id IN (SELECT id FROM shiprocket_shipment
                      WHERE state IN ('pending', 'booking') AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [limit, LEASE_MS]
    )
    let booked = 0
    for (const row of rows) if ((await this.book(row)).state === "booked") booked++
    return { claimed: rows.length, booked }
  }

  private async book(claimed: ShipmentRow): Promise<ShipmentRow> {
    let row = claimed
    try {
      if (!(await this.stillWanted(row))) return await this.markCancelled(row, "the fulfillment or return was cancelled before booking")
      if (!row.pickup_location) {
        const supplier = await this.supplierFor(await this.variantIdsOf(row), null)
        const pickup = supplier?.pickup_location ?? this.options_.default_pickup_location ?? null
        if (!pickup) throw new BookingRefused("no pickup location: set the supplier's Shiprocket pickup location (or SHIPROCKET_PICKUP_LOCATION), then retry")
        row = await this.update(row.id, { pickup_location: pickup })
      }
      for (let step = nextBookingStep(row); step !== "done"; step = nextBookingStep(row)) {
        if (step === "create") row = await this.createAtShiprocket(row)
        else if (step === "assign_awb") row = await this.assignAwb(row)
        else row = await this.bookPickup(row)
      }
      row = await this.update(row.id, { state: "booked", claimed_until: null, last_error: null, next_attempt_at: new Date(), stage: row.stage === "unknown" ? "pickup_pending" : row.stage })
      this.logger.info(`Shiprocket: ${row.kind} parcel ${row.id} booked: order ${row.sr_order_id}, AWB ${row.awb ?? "(with the return)"}`)
      await this.emit(ShipmentEvents.BOOKED, row)
      return row
    } catch (error) {
      return this.bookingFailed(row, error)
    }
  }

  /** The fulfillment (or return) may have been cancelled after the parcel was recorded. */
  private async stillWanted(row: ShipmentRow): Promise<boolean> {
    if (row.sr_order_id) return true
    if (row.fulfillment_id) {
      const [f] = await this.query(`SELECT canceled_at FROM fulfillment WHERE id = $1`, [row.fulfillment_id])
      return Boolean(f) && !f.canceled_at
    }
    const [r] = await this.query(`SELECT status FROM return WHERE id = $1`, [row.return_id])
    return Boolean(r) && r.status !== "canceled"
  }

  private async createAtShiprocket(row: ShipmentRow): Promise<ShipmentRow> {
    const client = this.shiprocket.client
    if (!row.channel_order_id) {
      row = await this.update(row.id, { channel_order_id: shiprocketOrderId((row.fulfillment_id ?? row.return_id) as string, row.attempt) })
    }
    // An earlier try sent this order and we never heard back: Shiprocket has no
    // idempotency key, so look before sending it again.
    if (row.create_requested_at) {
      const found = await this.findAtShiprocket(row)
      if (found) return this.adoptOrder(row, found, "found after an unanswered create")
    }
    const payload = await this.payloadFor(row)
    row = await this.update(row.id, { create_requested_at: new Date() })
    const created = row.kind === "return" ? await client.createReturn(payload as any) : await client.createAdhocOrder(payload as any)
    return this.adoptOrder(row, created, created.recovered ? "found after a create that timed out" : "created")
  }

  /** The Shiprocket order (or return) carrying this parcel's order_id, if Shiprocket has it. */
  private findAtShiprocket(row: ShipmentRow): Promise<ShiprocketOrderSummary | null> {
    const client = this.shiprocket.client
    const id = row.channel_order_id as string
    return row.kind === "return" ? client.findReturnByChannelOrderId(id) : client.findOrderByChannelOrderId(id)
  }

  private async adoptOrder(row: ShipmentRow, order: ShiprocketOrderSummary, how: string): Promise<ShipmentRow> {
    const next = await this.update(row.id, {
      state: "booking",
      sr_order_id: String(order.order_id),
      sr_shipment_id: order.shipment_id !== null ? String(order.shipment_id) : null,
      ...(order.awb_code ? { awb: order.awb_code, track_url: trackingPage(order.awb_code) } : {}),
      ...(order.courier_company_id ? { courier_id: order.courier_company_id } : {}),
      ...(order.courier_name ? { courier_name: order.courier_name } : {}),
    })
    await this.recordBookingEvent(next, `shiprocket-order:${order.order_id}`, "pickup_pending", null, `Order ${order.order_id} ${how} at Shiprocket (${row.channel_order_id})`)
    return next
  }

  private async assignAwb(row: ShipmentRow): Promise<ShipmentRow> {
    const client = this.shiprocket.client
    if (!row.sr_shipment_id) {
      const found = await client.findOrderByChannelOrderId(row.channel_order_id as string)
      if (!found?.shipment_id) throw new ShiprocketError("server", `Shiprocket order ${row.sr_order_id} has no shipment id yet`)
      row = await this.update(row.id, { sr_shipment_id: String(found.shipment_id) })
    }
    const shipmentId = Number(row.sr_shipment_id)
    let assigned
    try {
      assigned = await client.assignAwb({ shipment_id: shipmentId, ...(row.courier_preference ? { courier_id: row.courier_preference } : {}) }, { channelOrderId: row.channel_order_id ?? undefined })
    } catch (error) {
      // The courier chosen at checkout may no longer take it; any courier beats no parcel.
      if (!(error instanceof ShiprocketNoCourierError) || !row.courier_preference || error.alreadyAssigned) throw error
      this.logger.warn(`Shiprocket: courier ${row.courier_preference} refused parcel ${row.id} (${error.message}); letting Shiprocket choose`)
      assigned = await client.assignAwb({ shipment_id: shipmentId }, { channelOrderId: row.channel_order_id ?? undefined })
    }
    const next = await this.update(row.id, { awb: assigned.awb_code, courier_id: assigned.courier_company_id, courier_name: assigned.courier_name, track_url: trackingPage(assigned.awb_code) })
    await this.recordBookingEvent(next, `awb:${assigned.awb_code}`, "pickup_pending", 1, `AWB ${assigned.awb_code} assigned${assigned.courier_name ? ` (${assigned.courier_name})` : ""}`)
    return next
  }

  private async bookPickup(row: ShipmentRow): Promise<ShipmentRow> {
    const pickup = await this.shiprocket.client.generatePickup({ shipment_id: Number(row.sr_shipment_id) })
    const next = await this.update(row.id, { pickup_requested_at: new Date(), pickup_scheduled_date: pickup.pickup_scheduled_date, pickup_token: pickup.pickup_token_number })
    await this.recordBookingEvent(next, `pickup:${row.sr_shipment_id}`, "pickup_pending", 4, pickup.pickup_scheduled_date ? `Pickup booked for ${pickup.pickup_scheduled_date}` : "Pickup booked")
    return next
  }

  private async bookingFailed(row: ShipmentRow, error: unknown): Promise<ShipmentRow> {
    const kind = failureKind(error)
    const message = failureMessage(error)
    const decision = bookingRetryDecision(row.attempts, kind, this.retry_)
    if (decision.retry) {
      this.logger.warn(`Shiprocket: booking parcel ${row.id} failed (try ${row.attempts}): ${message}; retrying in ${Math.round(decision.delayMs / 1000)} s`)
      return this.update(row.id, { claimed_until: null, last_error: message, next_attempt_at: new Date(Date.now() + decision.delayMs) })
    }
    this.logger.error(`Shiprocket: booking parcel ${row.id} for order ${row.order_id} failed for good after ${row.attempts} tries: ${message}`)
    const failed = await this.update(row.id, { state: "failed", claimed_until: null, last_error: message })
    await this.emit(ShipmentEvents.FAILED, failed)
    return failed
  }

  private async payloadFor(row: ShipmentRow): Promise<Record<string, unknown>> {
    const order = await this.container_.orderService.retrieveWithTotals(row.order_id, {
      relations: ["items", "items.variant", "items.tax_lines", "shipping_address", "billing_address", "shipping_methods"],
    })
    const items = row.items.map((wanted) => {
      const line = order.items.find((i) => i.id === wanted.line_item_id)
      if (!line) throw new BookingRefused(`line item ${wanted.line_item_id} is no longer on order ${order.display_id}`)
      return lineFor(line, wanted.quantity)
    })
    const defaults = await this.settings.packageDefaults()
    const orderDate = new Date(order.created_at)
    if (row.kind === "return") {
      const warehouse = await this.returnAddressOf(row)
      return buildReturnOrderPayload(
        { order_id: row.channel_order_id as string, order_date: orderDate, customer: { ...(order.shipping_address ?? {}), email: order.email }, warehouse, items },
        defaults
      ) as unknown as Record<string, unknown>
    }
    const [first] = await this.query(`SELECT id FROM shiprocket_shipment WHERE order_id = $1 AND kind = 'forward' AND state <> 'cancelled' ORDER BY created_at, id LIMIT 1`, [row.order_id])
    return buildAdhocOrderPayload(
      {
        order_id: row.channel_order_id as string,
        order_date: orderDate,
        pickup_location: row.pickup_location as string,
        payment: row.payment_method,
        email: order.email,
        shipping_address: order.shipping_address ?? {},
        billing_address: order.billing_address ?? null,
        items,
        // The shopper paid shipping once: it rides on the order's first parcel (what a COD courier collects).
        shipping_paise: first?.id === row.id ? (order.shipping_total ?? 0) : 0,
        comment: `Order #${order.display_id}`,
      },
      defaults
    ) as unknown as Record<string, unknown>
  }

  /** Returns go back to the supplier's address (the pickup location they ship from). */
  private async returnAddressOf(row: ShipmentRow): Promise<PlainAddress & { email: string }> {
    const [s] = row.supplier_id ? await this.query(`SELECT name, contact_name, email, phone, address, city, state, pincode, country_code FROM supplier WHERE id = $1`, [row.supplier_id]) : []
    if (!s?.address || !s?.pincode) throw new BookingRefused("no return address: the items' supplier needs an address and pincode (Settings > Suppliers), then retry")
    return {
      first_name: s.contact_name || s.name,
      company: s.name,
      address_1: s.address,
      city: s.city,
      province: s.state,
      postal_code: s.pincode,
      country_code: s.country_code || "in",
      phone: s.phone,
      email: s.email || "",
    }
  }

  private async variantIdsOf(row: ShipmentRow): Promise<string[]> {
    const rows = await this.query<{ variant_id: string }>(`SELECT variant_id FROM line_item WHERE id = ANY($1) AND variant_id IS NOT NULL`, [row.items.map((i) => i.line_item_id)])
    return rows.map((r) => r.variant_id)
  }

  // ------------------------------------------------------------------------ admin actions

  /** A failed shipment, queued again (after the merchant fixed what was wrong). */
  async retry(id: string): Promise<ShipmentRow> {
    const row = await this.retrieve(id)
    if (row.state !== "failed") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Shipment ${id} is ${row.state}: only failed shipments can be retried`)
    const next = await this.update(id, { state: row.sr_order_id ? "booking" : "pending", attempts: 0, next_attempt_at: new Date(), last_error: null, claimed_until: null })
    return next
  }

  /**
   * Cancels a parcel before the courier has it: at Shiprocket when it was booked, here in any
   * case. Throws a NOT_ALLOWED error with the reason when it is too late (then: a return).
   */
  async cancel(id: string): Promise<ShipmentRow> {
    const row = await this.retrieve(id)
    const check = cancellability(row)
    if (!check.ok) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Shipment ${id} cannot be cancelled: ${check.reason}`)
    if (row.claimed_until && new Date(row.claimed_until).getTime() > Date.now() && row.state !== "booked") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Shipment ${id} is being booked at Shiprocket right now: try again in a minute`)
    }
    let srOrderId = row.sr_order_id
    if (!srOrderId && row.create_requested_at && row.channel_order_id) {
      const found = await this.findAtShiprocket(row).catch((e: Error) => {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Could not check Shiprocket before cancelling: ${e.message}`)
      })
      srOrderId = found ? String(found.order_id) : null
    }
    if (srOrderId) {
      try {
        await this.shiprocket.client.cancelOrders([Number(srOrderId)])
      } catch (error) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Shiprocket did not cancel order ${srOrderId}: ${failureMessage(error)}`)
      }
    }
    return this.markCancelled({ ...row, sr_order_id: srOrderId }, srOrderId ? `cancelled at Shiprocket (order ${srOrderId})` : "cancelled before it was sent to Shiprocket")
  }

  /** For the fulfillment provider: Medusa cancels a fulfillment. */
  async cancelForFulfillment(fulfillmentId: string): Promise<ShipmentRow | null> {
    const [row] = await this.query<ShipmentRow>(`SELECT * FROM shiprocket_shipment WHERE fulfillment_id = $1`, [fulfillmentId])
    if (!row || row.state === "cancelled") return row ?? null
    if (row.state === "failed" && !row.sr_order_id && !row.create_requested_at) return this.markCancelled(row, "the fulfillment was cancelled")
    return this.cancel(row.id)
  }

  private async markCancelled(row: ShipmentRow, why: string): Promise<ShipmentRow> {
    const next = await this.update(row.id, { state: "cancelled", stage: "cancelled", status_label: "Cancelled", status_at: new Date(), claimed_until: null, ...(row.sr_order_id ? { sr_order_id: row.sr_order_id } : {}) })
    await this.recordBookingEvent(next, `cancel:${row.id}`, "cancelled", 8, why.charAt(0).toUpperCase() + why.slice(1))
    await this.emit(ShipmentEvents.CANCELLED, next)
    return next
  }

  // ------------------------------------------------------------------------ reads

  async retrieve(id: string): Promise<ShipmentRow> {
    const [row] = await this.query<ShipmentRow>(`SELECT * FROM shiprocket_shipment WHERE id = $1`, [id])
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment ${id} was not found`)
    return row
  }

  async listForOrder(orderId: string): Promise<ShipmentRow[]> {
    return this.query<ShipmentRow>(`SELECT * FROM shiprocket_shipment WHERE order_id = $1 ORDER BY created_at, id`, [orderId])
  }

  async list(filter: { state?: BookingState; limit: number; offset: number }): Promise<{ shipments: ShipmentRow[]; count: number }> {
    const where = filter.state ? `WHERE state = $3` : ""
    const params: unknown[] = [filter.limit, filter.offset, ...(filter.state ? [filter.state] : [])]
    const shipments = await this.query<ShipmentRow>(`SELECT * FROM shiprocket_shipment ${where} ORDER BY updated_at DESC, id LIMIT $1 OFFSET $2`, params)
    const [{ count }] = await this.query(`SELECT count(*)::int AS count FROM shiprocket_shipment ${filter.state ? "WHERE state = $1" : ""}`, filter.state ? [filter.state] : [])
    return { shipments, count }
  }

  // ------------------------------------------------------------------------ plumbing

  async update(id: string, fields: Partial<ShipmentRow>): Promise<ShipmentRow> {
    const entries = Object.entries(fields).filter(([k, v]) => COLUMNS.has(k) && v !== undefined)
    if (!entries.length) return this.retrieve(id)
    const sets = entries.map(([k], i) => `"${k}" = $${i + 2}`).join(", ")
    const [row] = await this.query<ShipmentRow>(`UPDATE shiprocket_shipment SET ${sets}, updated_at = now() WHERE id = $1 RETURNING *`, [id, ...entries.map(([, v]) => v)])
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment ${id} was not found`)
    return row
  }

  /** Our own steps on the shipment's timeline (the courier's come from tracking). */
  async recordBookingEvent(row: ShipmentRow, key: string, stage: TimelineStage, statusId: number | null, label: string): Promise<void> {
    await this.query(
      `INSERT INTO shiprocket_tracking_event (shipment_id, dedupe_key, source, status_id, label, stage, occurred_at) VALUES ($1, $2, 'booking', $3, $4, $5, now())
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [row.id, `booking|${row.id}|${key}`, statusId, label, stage]
    )
  }

  async emit(event: string, row: ShipmentRow, extra: Record<string, unknown> = {}): Promise<void> {
    try {
      await this.container_.eventBusService.emit(event, { id: row.id, order_id: row.order_id, kind: row.kind, fulfillment_id: row.fulfillment_id, return_id: row.return_id, awb: row.awb, state: row.state, stage: row.stage, ...extra })
    } catch (error) {
      this.logger.warn(`Shiprocket: could not emit ${event} for ${row.id}: ${(error as Error).message}`)
    }
  }
}

/** TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected count]; every other query with rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") return result[0] as T[]
  return result as T[]
}

/** Data we cannot send as it is: retrying will not help until a person changes something. */
export class BookingRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = "BookingRefused"
  }
}

function failureKind(error: unknown): BookingFailureKind {
  if (error instanceof BookingRefused || error instanceof ShiprocketPayloadError || error instanceof ShiprocketValidationError) return "invalid"
  if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND) return "invalid"
  if (error instanceof ShiprocketAuthError) return "auth"
  if (error instanceof ShiprocketNoCourierError) return "no_courier"
  return "transient"
}

function failureMessage(error: unknown): string {
  if (error instanceof ShiprocketPayloadError) return `Shiprocket would refuse this parcel: ${error.message.replace(/^cannot build the Shiprocket order: /, "")}`
  if (error instanceof ShiprocketValidationError) return `Shiprocket refused the parcel: ${error.message}`
  return (error as Error)?.message ?? String(error)
}

/** Shiprocket's public tracking page for an AWB. */
function trackingPage(awb: string): string {
  return `https://shiprocket.co/tracking/${encodeURIComponent(awb)}`
}

/** One parcel line: the shopper's price per unit (tax included) and the line's discount, for the quantity in this parcel. */
function lineFor(line: OrderLine, quantity: number): PlainLineItem {
  const perUnit = line.quantity > 0 ? Math.round((line.original_total ?? 0) / line.quantity) : 0
  const discount = line.quantity > 0 ? Math.round(((line.discount_total ?? 0) * quantity) / line.quantity) : 0
  return {
    title: line.title,
    sku: line.variant?.sku ?? null,
    variant_id: line.variant_id,
    quantity,
    unit_price: perUnit,
    discount_total: discount,
    tax_rate: line.tax_lines?.reduce((sum, t) => sum + Number(t.rate ?? 0), 0) ?? null,
    hsn: line.variant?.hs_code ?? null,
    grams: line.variant?.weight ?? null,
  }
}
