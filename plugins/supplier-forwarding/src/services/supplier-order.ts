import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager, In } from "typeorm"
import { inTransaction } from "../utils/transaction"
import { emptyPerformance, isEntityId, supplierPerformance, transition, type SupplierOrderStatus, type SupplierPerformance } from "../core"
import { Supplier } from "../models/supplier"
import { SupplierOrder } from "../models/supplier-order"
import { SupplierOrderEvent } from "../models/supplier-order-event"
import { SupplierOutbox } from "../models/supplier-outbox"

type EventBusLike = { withTransaction(m: EntityManager): EventBusLike; emit(event: string, data: unknown): Promise<unknown> }

export type StatusChange = {
  to: SupplierOrderStatus
  /** Recorded in the history: who or what moved it, and why. */
  detail: Record<string, unknown>
  fields?: Partial<Pick<SupplierOrder, "sent_at" | "accepted_at" | "shipped_at" | "cancelled_at" | "rejection_reason" | "shipment" | "fulfillment_id">>
  /** Moving to the same status again is a no-op; with `strict`, a move that is not allowed throws. */
  strict?: boolean
}

export type SupplierOrderWithDetails = SupplierOrder & { order_display_id: number | null; messages: SupplierOutbox[]; history: SupplierOrderEvent[] }

export type QueueFilter = { status?: SupplierOrderStatus[]; supplier_id?: string; order_id?: string; queue?: "manual" | "attention"; limit?: number; offset?: number }

/**
 * The life of supplier orders: every status change is checked against the allowed moves,
 * written to the history and announced as an event (`supplier_order.<status>`) for other
 * plugins, in the caller's transaction.
 */
export default class SupplierOrderService extends TransactionBaseService {
  static readonly Events = {
    SENT: "supplier_order.sent",
    ACCEPTED: "supplier_order.accepted",
    REJECTED: "supplier_order.rejected",
    SHIPPED: "supplier_order.shipped",
    FAILED: "supplier_order.failed",
    CANCELLED: "supplier_order.cancelled",
    PENDING: "supplier_order.pending",
  } as const

  protected readonly eventBus_: EventBusLike

  constructor(container: { manager: EntityManager; eventBusService: EventBusLike }) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
    this.eventBus_ = container.eventBusService
  }

  async retrieve(id: string, { lock = false } = {}): Promise<SupplierOrder> {
    if (!isEntityId(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No supplier order with id ${JSON.stringify(id).slice(0, 60)}`)
    const repo = this.activeManager_.getRepository(SupplierOrder)
    const found = lock
      ? await repo.createQueryBuilder("so").setLock("pessimistic_write").where("so.id = :id", { id }).getOne()
      : await repo.findOne({ where: { id }, relations: ["supplier"] })
    if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No supplier order with id ${id}`)
    if (lock) found.supplier = (await this.activeManager_.getRepository(Supplier).findOne({ where: { id: found.supplier_id } }))!
    return found
  }

  /**
   * Moves a supplier order to `to` under a row lock. Returns whether anything changed; a
   * move that is not allowed is recorded in the history (supplier webhooks arrive late,
   * twice and out of order) and, with `strict`, refused.
   */
  async changeStatus(id: string, change: StatusChange): Promise<{ supplierOrder: SupplierOrder; changed: boolean }> {
    return inTransaction(this, async (manager) => {
      const self = this.withTransaction(manager)
      const supplierOrder = await self.retrieve(id, { lock: true })
      const from = supplierOrder.status
      const move = transition(from, change.to)
      if (!move.ok) {
        if (change.strict) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Supplier order ${id}: ${move.error}`)
        await self.recordEvent(id, "transition_refused", { from_status: from, to_status: change.to, detail: { ...change.detail, error: move.error } })
        return { supplierOrder, changed: false }
      }
      if (!move.changed) return { supplierOrder, changed: false }
      Object.assign(supplierOrder, change.fields ?? {}, { status: change.to })
      await manager.getRepository(SupplierOrder).save(supplierOrder)
      await self.recordEvent(id, "status_changed", { from_status: from, to_status: change.to, detail: change.detail })
      await this.eventBus_.withTransaction(manager).emit(`supplier_order.${change.to}`, {
        id,
        order_id: supplierOrder.order_id,
        supplier_id: supplierOrder.supplier_id,
        supplier_code: supplierOrder.supplier?.code,
        pickup_location: supplierOrder.supplier?.pickup_location ?? null,
        from_status: from,
        status: change.to,
      })
      return { supplierOrder, changed: true }
    })
  }

  async recordEvent(supplierOrderId: string, type: string, values: { from_status?: string | null; to_status?: string | null; detail?: Record<string, unknown> | null } = {}): Promise<void> {
    const repo = this.activeManager_.getRepository(SupplierOrderEvent)
    await repo.save(repo.create({ supplier_order_id: supplierOrderId, type, from_status: values.from_status ?? null, to_status: values.to_status ?? null, detail: values.detail ?? null }))
  }

  async retrieveWithDetails(id: string): Promise<SupplierOrderWithDetails> {
    const [withDetails] = await this.withDetails([await this.retrieve(id)])
    return withDetails
  }

  /** Attaches each supplier order's outbox messages and status history. */
  async withDetails(orders: SupplierOrder[]): Promise<SupplierOrderWithDetails[]> {
    if (!orders.length) return []
    const manager = this.activeManager_
    const ids = orders.map((o) => o.id)
    const [messages, history, numbers] = await Promise.all([
      manager.getRepository(SupplierOutbox).find({ where: { supplier_order_id: In(ids) }, order: { created_at: "ASC" } }),
      manager.getRepository(SupplierOrderEvent).find({ where: { supplier_order_id: In(ids) }, order: { created_at: "ASC" } }),
      manager.query(`SELECT id, display_id FROM "order" WHERE id = ANY($1)`, [[...new Set(orders.map((o) => o.order_id))]]) as Promise<{ id: string; display_id: number }[]>,
    ])
    const displayId = new Map(numbers.map((n) => [n.id, n.display_id]))
    return orders.map((o) =>
      Object.assign(o, {
        order_display_id: displayId.get(o.order_id) ?? null,
        messages: messages.filter((m) => m.supplier_order_id === o.id),
        history: history.filter((h) => h.supplier_order_id === o.id),
      })
    )
  }

  /**
   * The admin's queues. manual: pending orders with nothing to deliver automatically (the
   * merchant passes them on); attention: failed or rejected, waiting for a person.
   */
  async list(filter: QueueFilter = {}): Promise<{ supplier_orders: SupplierOrderWithDetails[]; count: number }> {
    const qb = this.activeManager_.getRepository(SupplierOrder).createQueryBuilder("so").leftJoinAndSelect("so.supplier", "supplier")
    if (filter.status?.length) qb.andWhere("so.status IN (:...status)", { status: filter.status })
    if (filter.supplier_id) qb.andWhere("so.supplier_id = :supplierId", { supplierId: filter.supplier_id })
    if (filter.order_id) qb.andWhere("so.order_id = :orderId", { orderId: filter.order_id })
    if (filter.queue === "manual") {
      qb.andWhere("so.status = 'pending'").andWhere(`NOT EXISTS (SELECT 1 FROM supplier_outbox o WHERE o.supplier_order_id = so.id AND o.event_type = 'supplier_order.created')`)
    } else if (filter.queue === "attention") {
      qb.andWhere("so.status IN ('failed', 'rejected')")
    }
    qb.orderBy("so.created_at", "DESC").addOrderBy("so.id", "DESC").take(Math.min(filter.limit ?? 50, 200)).skip(filter.offset ?? 0)
    const [rows, count] = await qb.getManyAndCount()
    return { supplier_orders: await this.withDetails(rows), count }
  }

  async listForOrder(orderId: string): Promise<SupplierOrderWithDetails[]> {
    const rows = await this.activeManager_.getRepository(SupplierOrder).find({ where: { order_id: orderId }, relations: ["supplier"], order: { created_at: "ASC" } })
    return this.withDetails(rows)
  }

  /** Per supplier, every supplier (also those with no orders yet). */
  async performance(): Promise<(SupplierPerformance & { code: string; name: string })[]> {
    const manager = this.activeManager_
    const [suppliers, rows] = await Promise.all([
      manager.getRepository(Supplier).find({ order: { code: "ASC" } }),
      manager.getRepository(SupplierOrder).find({ select: ["supplier_id", "status", "sent_at", "accepted_at", "shipped_at"] }),
    ])
    const stats = new Map(supplierPerformance(rows).map((p) => [p.supplier_id, p]))
    return suppliers.map((s) => ({
      ...(stats.get(s.id) ?? emptyPerformance(s.id)),
      code: s.code,
      name: s.name,
    }))
  }
}
