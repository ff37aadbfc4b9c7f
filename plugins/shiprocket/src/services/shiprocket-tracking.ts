import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { Lifetime } from "awilix"
import type { EntityManager } from "typeorm"
import { ShiprocketError } from "../clients/shiprocket"
import {
  TIMELINE_STAGES,
  isTerminalStage,
  isWithCourier,
  istDateString,
  parseTrackingWebhook,
  shouldAdvanceTimeline,
  trackingDedupeKey,
  type TimelineStage,
  type TrackingUpdate,
} from "../core"
import type ShiprocketService from "./shiprocket"
import type { ShiprocketOptions } from "./shiprocket"
import type ShiprocketShipmentService from "./shiprocket-shipment"
import { ShipmentEvents, rowsOf, type ShipmentRow } from "./shiprocket-shipment"

type LoggerLike = { info(m: string): void; warn(m: string): void; error(m: string): void }
type OrderServiceLike = {
  withTransaction(m: EntityManager): OrderServiceLike
  createShipment(orderId: string, fulfillmentId: string, links: { tracking_number: string; url?: string; metadata?: Record<string, unknown> }[], config?: Record<string, unknown>): Promise<unknown>
  capturePayment(orderId: string): Promise<unknown>
}

type Container = {
  manager: EntityManager
  logger: LoggerLike
  shiprocketService: ShiprocketService
  shiprocketShipmentService: ShiprocketShipmentService
  orderService: OrderServiceLike
}

/** One status on a shipment's timeline, ready to store. */
export type TrackingEventInput = {
  dedupeKey: string
  statusId: number | null
  label: string
  stage: TimelineStage
  occurredAt: Date | null
  location?: string | null
  activity?: string | null
  raw?: unknown
}

export type WebhookOutcome =
  | { applied: false; reason: "unknown_awb"; awb: string }
  | { applied: true; duplicate: boolean; shipment_id: string; stage: TimelineStage; changed: boolean }

export type EventView = { stage: TimelineStage; label: string; status_id: number | null; at: Date | null; location: string | null; activity: string | null; source: string; dedupe_key: string }

const DEFAULT_POLL_MS = 30 * 60_000

/**
 * Where parcels are: tracking webhooks and the catch-up poll write (AWB, status, time)
 * events once each, move the shipment's current stage forward (never backwards, never out
 * of a final stage), and bring Medusa along: a fulfillment becomes a shipment when the
 * courier has the parcel, and a cash-on-delivery order's payment is captured once all of
 * its parcels are delivered (the courier collected the cash).
 */
export default class ShiprocketTrackingService extends TransactionBaseService {
  static LIFE_TIME = Lifetime.SINGLETON

  protected readonly container_: Container
  protected readonly pollMs_: number

  constructor(container: Container, options: ShiprocketOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    this.container_ = container
    this.pollMs_ = options.tracking_poll_interval_ms ?? DEFAULT_POLL_MS
  }

  private get logger(): LoggerLike {
    return this.container_.logger
  }
  private get shipments(): ShiprocketShipmentService {
    return this.container_.shiprocketShipmentService
  }

  // ------------------------------------------------------------------------ webhook

  /** A tracking webhook body (JSON, token already checked). Unknown AWBs are acknowledged and ignored. */
  async applyWebhook(body: unknown): Promise<WebhookOutcome> {
    const parsed = parseTrackingWebhook(body)
    if (!parsed.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not a tracking update: ${parsed.error}`)
    const update = parsed.value
    const row = await this.findShipment(update)
    if (!row) {
      this.logger.info(`Shiprocket tracking: AWB ${update.awb} is not one of our parcels; ignored`)
      return { applied: false, reason: "unknown_awb", awb: update.awb }
    }
    const events = [...update.scans.map((s) => scanEvent(update.awb, s)), mainEvent(update, body)]
    const result = await this.applyEvents(row, events, "webhook", { etd: update.etd, courierName: update.courierName })
    return { applied: true, duplicate: result.inserted === 0, shipment_id: row.id, stage: result.row.stage, changed: result.changed }
  }

  /**
   * Shiprocket's order id is unique in the account; an AWB only per courier. So: by the
   * Shiprocket order id when the update has one, else by AWB (the latest parcel), else by our order_id.
   */
  private async findShipment(update: TrackingUpdate): Promise<ShipmentRow | null> {
    if (update.srOrderId !== null) {
      const [bySrOrder] = await this.manager_.query(`SELECT * FROM shiprocket_shipment WHERE sr_order_id = $1 ORDER BY created_at DESC LIMIT 1`, [update.srOrderId])
      if (bySrOrder) {
        if (!bySrOrder.awb) return this.shipments.update(bySrOrder.id, { awb: update.awb })
        if (bySrOrder.awb === update.awb) return bySrOrder
      }
    }
    const [byAwb] = await this.manager_.query(`SELECT * FROM shiprocket_shipment WHERE awb = $1 ORDER BY created_at DESC LIMIT 1`, [update.awb])
    if (byAwb) return byAwb
    if (!update.channelOrderId) return null
    // A return's AWB (or a forward AWB assigned in Shiprocket's panel) can arrive here first.
    const [byOrderId] = await this.manager_.query(`SELECT * FROM shiprocket_shipment WHERE channel_order_id = $1`, [update.channelOrderId])
    if (!byOrderId) return null
    if (!byOrderId.awb) return this.shipments.update(byOrderId.id, { awb: update.awb })
    return byOrderId
  }

  // ------------------------------------------------------------------------ poll

  /** Asks Shiprocket about booked parcels that have had no news for a while (missed webhooks). */
  async pollDue(limit = 10): Promise<{ polled: number; changed: number }> {
    const service = this.container_.shiprocketService
    if (!service.isConfigured) return { polled: 0, changed: 0 }
    // Claimed by stamping last_polled_at in one statement: a second worker (or a replica in
    // shared mode) skips what this one took, so each parcel is asked about once per round.
    // The stamp is the poll's record too, whatever Shiprocket answers.
    const rows = rowsOf<ShipmentRow>(
      await this.manager_.query(
        `UPDATE shiprocket_shipment SET last_polled_at = now(), updated_at = now()
          WHERE id IN (SELECT id FROM shiprocket_shipment
                        WHERE state IN ('booked', 'booking') AND awb IS NOT NULL AND stage <> ALL($1)
                          AND COALESCE(last_polled_at, created_at) < now() - ($2::int * interval '1 millisecond')
                          AND COALESCE(status_at, created_at) < now() - ($2::int * interval '1 millisecond')
                        ORDER BY COALESCE(last_polled_at, created_at) LIMIT $3
                        FOR UPDATE SKIP LOCKED)
          RETURNING *`,
        [TIMELINE_STAGES.filter(isTerminalStage), this.pollMs_, limit]
      )
    )
    let changed = 0
    for (const row of rows) {
      try {
        // One try: the next poll is the retry, and a slow Shiprocket must not hold up bookings.
        const snapshot = await service.client.trackAwb(row.awb as string, { maxAttempts: 1 })
        if (!snapshot.found) continue
        const events: TrackingEventInput[] = snapshot.events.map((e) => ({
          dedupeKey: e.dedupeKey,
          statusId: e.statusId,
          label: e.statusLabel,
          stage: e.stage,
          occurredAt: e.occurredAt,
          location: e.location,
          activity: e.activity,
        }))
        const result = await this.applyEvents(row, events, "poll", { etd: snapshot.etd, courierName: null, trackUrl: snapshot.trackUrl })
        if (result.changed) changed++
      } catch (error) {
        if (!(error instanceof ShiprocketError)) throw error
        this.logger.warn(`Shiprocket tracking poll for AWB ${row.awb}: ${error.message}`)
      }
    }
    return { polled: rows.length, changed }
  }

  // ------------------------------------------------------------------------ applying

  /**
   * Stores the events (each once), and moves the current stage forward through the new ones
   * in time order. Serialized per shipment (row lock), so a webhook and a poll racing each
   * other cannot interleave.
   */
  async applyEvents(
    row: ShipmentRow,
    events: TrackingEventInput[],
    source: "webhook" | "poll",
    extra: { etd: Date | null; courierName: string | null; trackUrl?: string | null }
  ): Promise<{ row: ShipmentRow; inserted: number; changed: boolean }> {
    const ordered = [...events].sort((a, b) => (a.occurredAt?.getTime() ?? Infinity) - (b.occurredAt?.getTime() ?? Infinity))
    const outcome = await this.manager_.transaction(async (tx) => {
      const [locked]: ShipmentRow[] = await tx.query(`SELECT * FROM shiprocket_shipment WHERE id = $1 FOR UPDATE`, [row.id])
      let current = { stage: locked.stage, occurredAt: locked.status_at ? new Date(locked.status_at) : null }
      let latest: TrackingEventInput | null = null
      let inserted = 0
      for (const e of ordered) {
        const stored = await tx.query(
          `INSERT INTO shiprocket_tracking_event (shipment_id, dedupe_key, source, status_id, label, stage, occurred_at, location, activity, raw)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
          [locked.id, e.dedupeKey, source, e.statusId, e.label.slice(0, 200), e.stage, e.occurredAt, e.location?.slice(0, 200) ?? null, e.activity?.slice(0, 500) ?? null, e.raw === undefined ? null : JSON.stringify(e.raw)]
        )
        if (!stored.length) continue
        inserted++
        const next = { stage: e.stage, occurredAt: e.occurredAt }
        if (shouldAdvanceTimeline(current.stage === "unknown" ? null : current, next)) {
          current = next
          latest = e
        }
      }
      const fields: string[] = []
      const params: unknown[] = [locked.id]
      const set = (column: string, value: unknown) => {
        params.push(value)
        fields.push(`"${column}" = $${params.length}`)
      }
      if (latest && (latest.stage !== locked.stage || latest.statusId !== locked.status_id)) {
        set("stage", latest.stage)
        set("status_id", latest.statusId)
        set("status_label", latest.label.slice(0, 200))
        set("status_at", latest.occurredAt ?? new Date())
      }
      if (extra.etd) set("etd", istDateString(extra.etd))
      if (extra.courierName && !locked.courier_name) set("courier_name", extra.courierName)
      if (extra.trackUrl) set("track_url", extra.trackUrl)
      const [updated]: ShipmentRow[] = fields.length
        ? rowsOf<ShipmentRow>(await tx.query(`UPDATE shiprocket_shipment SET ${fields.join(", ")}, updated_at = now() WHERE id = $1 RETURNING *`, params))
        : [locked]
      return { row: updated, inserted, changed: updated.stage !== locked.stage, previous: locked.stage }
    })
    if (outcome.changed) {
      this.logger.info(`Shiprocket: parcel ${outcome.row.id} (AWB ${outcome.row.awb}) ${outcome.previous} -> ${outcome.row.stage}`)
      await this.shipments.emit(ShipmentEvents.STATUS_CHANGED, outcome.row, { previous_stage: outcome.previous })
    }
    await this.bringMedusaAlong(outcome.row)
    return { row: outcome.row, inserted: outcome.inserted, changed: outcome.changed }
  }

  /**
   * The Medusa side of a stage: a shipment once the courier has the parcel; on delivery, the
   * fulfillment's metadata and, for cash on delivery, the payment. Idempotent; the loop calls
   * it again for parcels where it failed (a crash, a locked order).
   */
  async bringMedusaAlong(row: ShipmentRow): Promise<void> {
    try {
      if (row.kind === "forward" && row.fulfillment_id && !row.shipped_in_medusa_at && (isWithCourier(row.stage) || row.stage === "delivered")) {
        const [f] = await this.manager_.query(`SELECT shipped_at, canceled_at FROM fulfillment WHERE id = $1`, [row.fulfillment_id])
        if (f && !f.shipped_at && !f.canceled_at && row.awb) {
          await this.manager_.transaction((tx) =>
            this.container_.orderService.withTransaction(tx).createShipment(row.order_id, row.fulfillment_id as string, [
              { tracking_number: row.awb as string, ...(row.track_url ? { url: row.track_url } : {}), metadata: { carrier: row.courier_name, shiprocket_shipment_id: row.id } },
            ])
          )
        }
        row = await this.shipments.update(row.id, { shipped_in_medusa_at: new Date() })
      }
      if (row.stage === "delivered" && !row.delivered_at) {
        const deliveredAt = row.status_at ?? new Date()
        if (row.fulfillment_id) {
          await this.manager_.query(`UPDATE fulfillment SET metadata = COALESCE(metadata, '{}'::jsonb) || $2::jsonb WHERE id = $1`, [
            row.fulfillment_id,
            JSON.stringify({ delivery_status: "delivered", delivered_at: new Date(deliveredAt).toISOString(), awb: row.awb }),
          ])
        }
        row = await this.shipments.update(row.id, { delivered_at: deliveredAt })
        await this.shipments.emit(ShipmentEvents.DELIVERED, row)
        if (row.kind === "forward" && row.payment_method === "cod") await this.captureCodWhenAllDelivered(row.order_id)
      }
    } catch (error) {
      this.logger.warn(`Shiprocket: could not update Medusa for parcel ${row.id} (${row.stage}): ${(error as Error).message}; will try again`)
    }
  }

  /** The courier collected the cash when the last parcel of a COD order was delivered. */
  private async captureCodWhenAllDelivered(orderId: string): Promise<void> {
    const [order] = await this.manager_.query(`SELECT payment_status, fulfillment_status FROM "order" WHERE id = $1`, [orderId])
    if (!order || order.payment_status !== "awaiting" || order.fulfillment_status !== "shipped") return
    const [{ pending }] = await this.manager_.query(
      `SELECT count(*)::int AS pending FROM shiprocket_shipment WHERE order_id = $1 AND kind = 'forward' AND state <> 'cancelled' AND stage <> 'delivered'`,
      [orderId]
    )
    if (pending > 0) return
    await this.manager_.transaction((tx) => this.container_.orderService.withTransaction(tx).capturePayment(orderId))
    this.logger.info(`Shiprocket: order ${orderId} delivered; cash on delivery captured`)
  }

  /** Parcels whose Medusa side did not happen (see bringMedusaAlong). */
  async reconcileMedusa(limit = 20): Promise<number> {
    const rows: ShipmentRow[] = await this.manager_.query(
      `SELECT * FROM shiprocket_shipment
        WHERE (kind = 'forward' AND fulfillment_id IS NOT NULL AND shipped_in_medusa_at IS NULL AND stage = ANY($1))
           OR (stage = 'delivered' AND delivered_at IS NULL)
        ORDER BY updated_at LIMIT $2`,
      [[...TIMELINE_STAGES.filter((s) => isWithCourier(s))], limit]
    )
    for (const row of rows) await this.bringMedusaAlong(row)
    return rows.length
  }

  // ------------------------------------------------------------------------ reads

  async eventsFor(shipmentIds: string[]): Promise<Map<string, EventView[]>> {
    const rows = shipmentIds.length
      ? await this.manager_.query(
          `SELECT shipment_id, stage, label, status_id, occurred_at, location, activity, source, dedupe_key FROM shiprocket_tracking_event
            WHERE shipment_id = ANY($1) ORDER BY occurred_at NULLS LAST, id`,
          [shipmentIds]
        )
      : []
    const map = new Map<string, EventView[]>()
    for (const r of rows) {
      const list = map.get(r.shipment_id) ?? []
      list.push({ stage: r.stage, label: r.label, status_id: r.status_id, at: r.occurred_at, location: r.location, activity: r.activity, source: r.source, dedupe_key: r.dedupe_key })
      map.set(r.shipment_id, list)
    }
    return map
  }

  /** The storefront's view of an order's parcels: no internal ids, errors or booking details. */
  async storeTimeline(orderId: string): Promise<{ order_id: string; shipments: unknown[] }> {
    const rows = await this.shipments.listForOrder(orderId)
    const events = await this.eventsFor(rows.map((r) => r.id))
    const lineIds = [...new Set(rows.flatMap((r) => r.items.map((i) => i.line_item_id)))]
    const lines: { id: string; title: string; thumbnail: string | null }[] = lineIds.length
      ? await this.manager_.query(`SELECT id, title, thumbnail FROM line_item WHERE id = ANY($1)`, [lineIds])
      : []
    const lineById = new Map(lines.map((l) => [l.id, l]))
    return {
      order_id: orderId,
      shipments: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        state: r.state,
        awb: r.state === "booked" ? r.awb : null,
        courier_name: r.state === "booked" ? r.courier_name : null,
        track_url: r.state === "booked" ? r.track_url : null,
        stage: r.stage,
        status_label: r.status_label ?? (r.state === "booked" ? "Pickup scheduled" : "Preparing your parcel"),
        status_at: r.status_at,
        etd: r.etd,
        items: r.items.map((i) => ({ line_item_id: i.line_item_id, title: lineById.get(i.line_item_id)?.title ?? "Item", quantity: i.quantity, thumbnail: lineById.get(i.line_item_id)?.thumbnail ?? null })),
        events: (events.get(r.id) ?? [])
          .filter((e) => e.source !== "booking" || /\|(awb|pickup|cancel):/.test(e.dedupe_key))
          .map((e) => ({ stage: e.stage, label: e.label, at: e.at, location: e.location, activity: e.activity })),
      })),
    }
  }
}

function scanEvent(awb: string, s: TrackingUpdate["scans"][number]): TrackingEventInput {
  return {
    dedupeKey: trackingDedupeKey(awb, s.statusId, s.at, s.rawDate),
    statusId: s.statusId,
    label: s.statusLabel ?? s.activity ?? s.courierStatus ?? "Update",
    stage: s.stage,
    occurredAt: s.at,
    location: s.location,
    activity: s.activity,
  }
}

function mainEvent(u: TrackingUpdate, raw: unknown): TrackingEventInput {
  return { dedupeKey: u.dedupeKey, statusId: u.statusId, label: u.statusLabel, stage: u.stage, occurredAt: u.occurredAt, location: u.scans[u.scans.length - 1]?.location ?? null, activity: null, raw }
}
