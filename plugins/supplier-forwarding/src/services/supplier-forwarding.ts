import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager, In } from "typeorm"
import { inTransaction } from "../utils/transaction"
import {
  deliversAutomatically,
  shouldForward,
  splitOrderBySupplier,
  supplierOrderCancelledPayload,
  supplierOrderCreatedPayload,
  webhookIdFor,
  type OrderEventName,
  type OrderLine,
  type SupplierOrderDraftItem,
} from "../core"
import { Supplier } from "../models/supplier"
import { SupplierOrder } from "../models/supplier-order"
import { SupplierOutbox } from "../models/supplier-outbox"
import { SupplierVariant } from "../models/supplier-variant"
import type SupplierOrderService from "./supplier-order"
import type { SupplierOrderWithDetails } from "./supplier-order"

type OrderForForwarding = {
  id: string
  display_id: number
  created_at: Date
  currency_code: string
  total: number
  items: { id: string; variant_id: string | null; title: string; quantity: number; variant?: { sku: string | null } | null }[]
  shipping_address: Record<string, string | null> | null
  payments: { provider_id: string }[]
}
type OrderServiceLike = { withTransaction(m: EntityManager): OrderServiceLike; retrieveWithTotals(id: string, config: Record<string, unknown>): Promise<OrderForForwarding> }
type LoggerLike = { warn(message: string): void; info(message: string): void }

export type ForwardResult = { supplier_orders: SupplierOrder[]; created: number; unmapped: OrderLine[] }

const CREATED = "supplier_order.created"
const CANCELLED = "supplier_order.cancelled"

/**
 * What we send suppliers: turns one of our orders into supplier orders (split by
 * supplier, one per supplier, each recorded with its outbox message in one transaction
 * before anything is sent), resends, and cancels. The dispatcher delivers the outbox.
 */
export default class SupplierForwardingService extends TransactionBaseService {
  protected readonly orderService_: OrderServiceLike
  protected readonly supplierOrderService_: SupplierOrderService
  protected readonly logger_: LoggerLike

  constructor(container: { manager: EntityManager; orderService: OrderServiceLike; supplierOrderService: SupplierOrderService; logger: LoggerLike }) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
    this.orderService_ = container.orderService
    this.supplierOrderService_ = container.supplierOrderService
    this.logger_ = container.logger
  }

  /**
   * For the order subscribers: forwards when the event is the order's trigger (COD when
   * placed, prepaid when captured). Idempotent, so a redelivered event does no harm.
   */
  async forwardOnEvent(event: OrderEventName, orderId: string): Promise<ForwardResult | null> {
    const payments: { provider_id: string }[] = await this.activeManager_.query(`SELECT provider_id FROM payment WHERE order_id = $1`, [orderId])
    if (!shouldForward(event, payments.map((p) => p.provider_id))) return null
    const result = await this.forwardOrder(orderId, event)
    if (result.created) this.logger_.info(`Order ${orderId}: ${result.created} supplier order(s) recorded for delivery`)
    return result
  }

  /**
   * Forwards orders whose trigger event was lost. With Medusa's local event bus an event
   * lives only in memory once handed out: a crash before the subscriber commits would
   * leave a paid order unforwarded. Eligible orders without any supplier order, older than
   * `graceMs` (the subscriber's turn) and at most 14 days old, are forwarded here.
   */
  async forwardMissedOrders({ graceMs, limit = 50 }: { graceMs: number; limit?: number }): Promise<{ orders: number; created: number }> {
    const missed: { id: string }[] = await this.manager_.query(
      `SELECT o.id FROM "order" o
        WHERE o.created_at > now() - interval '14 days'
          AND o.created_at < now() - ($1::int * interval '1 millisecond')
          AND o.status NOT IN ('canceled', 'archived')
          AND NOT EXISTS (SELECT 1 FROM supplier_order so WHERE so.order_id = o.id)
          AND EXISTS (SELECT 1 FROM line_item li JOIN supplier_variant sv ON sv.variant_id = li.variant_id WHERE li.order_id = o.id)
          AND (o.payment_status IN ('captured', 'partially_refunded')
               OR EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.provider_id = 'cod'))
        ORDER BY o.created_at
        LIMIT $2`,
      [graceMs, limit]
    )
    let created = 0
    for (const { id } of missed) {
      const result = await this.forwardOrder(id, "recovered: the order event was missed (server restart)")
      if (result.created) this.logger_.warn(`Order ${id}: its order event was missed; ${result.created} supplier order(s) recorded by the recovery sweep`)
      created += result.created
    }
    return { orders: missed.length, created }
  }

  /** Running it again for the same order changes nothing: a unique index and a lock on the order keep one supplier order per order and supplier. */
  async forwardOrder(orderId: string, reason: string): Promise<ForwardResult> {
    return inTransaction(this, async (manager) => {
      const order = await this.lockAndLoadOrder(manager, orderId)
      const lines: OrderLine[] = order.items.map((i) => ({ line_item_id: i.id, variant_id: i.variant_id, title: i.title, sku: i.variant?.sku ?? null, quantity: i.quantity }))
      const variantIds = lines.map((l) => l.variant_id).filter((v): v is string => Boolean(v))
      const mappings = variantIds.length ? await manager.getRepository(SupplierVariant).find({ where: { variant_id: In(variantIds) } }) : []
      const { drafts, unmapped } = splitOrderBySupplier(lines, mappings)
      if (unmapped.length) this.logger_.warn(`Order ${order.display_id}: ${unmapped.length} line(s) have no supplier mapped (${unmapped.map((l) => l.sku ?? l.title).join(", ")}); they need a merchant`)

      const orderRepo = manager.getRepository(SupplierOrder)
      const have = new Set((await orderRepo.find({ where: { order_id: orderId } })).map((s) => s.supplier_id))
      const suppliers = drafts.length ? await manager.getRepository(Supplier).find({ where: { id: In(drafts.map((d) => d.supplier_id)) } }) : []
      const supplierById = new Map(suppliers.map((s) => [s.id, s]))
      const orderEvents = this.supplierOrderService_.withTransaction(manager)
      let created = 0

      for (const draft of drafts) {
        const supplier = supplierById.get(draft.supplier_id)
        if (have.has(draft.supplier_id) || !supplier) continue
        const supplierOrder = await orderRepo.save(
          orderRepo.create({
            order_id: orderId,
            supplier_id: supplier.id,
            status: "pending",
            items: draft.items,
            total_cost: draft.total_cost,
            currency_code: order.currency_code,
            rejection_reason: null,
            shipment: null,
            sent_at: null,
            accepted_at: null,
            shipped_at: null,
            cancelled_at: null,
            fulfillment_id: null,
            metadata: null,
          })
        )
        const automatic = deliversAutomatically(supplier)
        await orderEvents.recordEvent(supplierOrder.id, "status_changed", { from_status: null, to_status: "pending", detail: { reason, delivery: automatic ? supplier.integration : "manual queue" } })
        if (automatic) await this.enqueueCreated(manager, supplierOrder, supplier, order, 1)
        created++
      }
      const supplier_orders = await orderRepo.find({ where: { order_id: orderId }, relations: ["supplier"], order: { created_at: "ASC" } })
      return { supplier_orders, created, unmapped }
    })
  }

  /**
   * Sends a supplier order (again): a failed delivery is retried under the same
   * webhook-id (the supplier never acknowledged it); after a rejection, or for an order
   * waiting in the manual queue, it goes out as a new message.
   */
  async resend(supplierOrderId: string, actor: string): Promise<SupplierOrderWithDetails> {
    await inTransaction(this, async (manager) => {
      const orders = this.supplierOrderService_.withTransaction(manager)
      const supplierOrder = await orders.retrieve(supplierOrderId, { lock: true })
      const supplier = supplierOrder.supplier
      if (!["failed", "rejected", "pending"].includes(supplierOrder.status)) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Supplier order ${supplierOrderId} is ${supplierOrder.status}: only failed, rejected or unsent (pending) supplier orders can be sent again`)
      }
      if (!supplier.is_active) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Supplier ${supplier.code} is inactive: activate it or map the items to another supplier first`)
      if (supplier.integration === "manual") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Supplier ${supplier.code} is handled by hand: pass the order on yourself and mark it as sent`)
      }
      const outbox = manager.getRepository(SupplierOutbox)
      const message = await outbox.findOne({ where: { supplier_order_id: supplierOrderId, event_type: CREATED } })
      if (supplierOrder.status === "pending" && message && message.status === "pending") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Supplier order ${supplierOrderId} is already being delivered (attempt ${message.attempts}); wait for it to be sent or to fail`)
      }
      if (supplierOrder.status !== "pending") {
        await orders.changeStatus(supplierOrderId, { to: "pending", detail: { reason: `resent by ${actor}`, previous_error: message?.last_error ?? supplierOrder.rejection_reason }, fields: { rejection_reason: null }, strict: true })
      }
      const order = await this.lockAndLoadOrder(manager, supplierOrder.order_id)
      if (!message) {
        await this.enqueueCreated(manager, supplierOrder, supplier, order, 1)
      } else {
        // A failed message was never acknowledged: same id. A rejected one was answered: a new round.
        const round = supplierOrder.status === "rejected" || message.status === "delivered" ? roundOf(message.webhook_id) + 1 : roundOf(message.webhook_id)
        const payload = this.createdPayload(supplierOrder, supplier, order)
        await outbox.update(message.id, { webhook_id: webhookIdFor(supplierOrderId, CREATED, round), payload: payload as never, status: "pending", attempts: 0, next_attempt_at: new Date(), locked_until: null, last_error: null, delivered_at: null })
      }
      await orders.recordEvent(supplierOrderId, "note", { detail: { message: `queued for delivery by ${actor}` } })
    })
    return this.supplierOrderService_.retrieveWithDetails(supplierOrderId)
  }

  /** The merchant passed the order on by phone or in person: from the manual queue, or after automatic delivery failed. */
  async markSent(supplierOrderId: string, actor: string, note?: string): Promise<SupplierOrderWithDetails> {
    await this.supplierOrderService_.changeStatus(supplierOrderId, { to: "sent", detail: { channel: "manual", by: actor, ...(note ? { note } : {}) }, fields: { sent_at: new Date() }, strict: true })
    return this.supplierOrderService_.retrieveWithDetails(supplierOrderId)
  }

  /**
   * Cancels a supplier order. A supplier that may have received it is sent
   * `supplier_order.cancelled`; an order message still waiting to go out is withdrawn.
   */
  async cancel(supplierOrderId: string, reason: string): Promise<SupplierOrderWithDetails> {
    await inTransaction(this, async (manager) => {
      const orders = this.supplierOrderService_.withTransaction(manager)
      const supplierOrder = await orders.retrieve(supplierOrderId, { lock: true })
      if (supplierOrder.status === "cancelled") return
      await orders.changeStatus(supplierOrderId, { to: "cancelled", detail: { reason }, fields: { cancelled_at: new Date() }, strict: true })
      const outbox = manager.getRepository(SupplierOutbox)
      const created = await outbox.findOne({ where: { supplier_order_id: supplierOrderId, event_type: CREATED } })
      // The supplier may know of the order if we ever tried to deliver it or a person passed it on.
      const mayKnow = created ? created.status === "delivered" || created.attempts > 0 : supplierOrder.sent_at !== null
      if (created?.status === "pending") await outbox.update(created.id, { status: "withdrawn", locked_until: null, last_error: `withdrawn: ${reason}` })
      const supplier = supplierOrder.supplier
      if (!mayKnow || !deliversAutomatically({ ...supplier, auto_forward: true })) return
      const [order] = await manager.query(`SELECT display_id FROM "order" WHERE id = $1`, [supplierOrder.order_id])
      const payload = supplierOrderCancelledPayload({ supplier_order_id: supplierOrderId, supplier_code: supplier.code, order_number: order?.display_id ?? 0, reason }, new Date())
      // One cancellation per supplier order, even if a person cancels twice.
      if (!(await outbox.findOne({ where: { supplier_order_id: supplierOrderId, event_type: CANCELLED } }))) {
        await outbox.save(outbox.create({ supplier_order_id: supplierOrderId, event_type: CANCELLED, webhook_id: webhookIdFor(supplierOrderId, CANCELLED), payload, status: "pending", attempts: 0, next_attempt_at: new Date(), locked_until: null, last_error: null, delivered_at: null }))
      }
    })
    return this.supplierOrderService_.retrieveWithDetails(supplierOrderId)
  }

  /** Our order was cancelled: cancel every supplier order that has not shipped. Shipped ones need a return, and are reported. */
  async cancelForOrder(orderId: string, reason: string): Promise<{ cancelled: number; shipped: string[] }> {
    const supplierOrders = await this.activeManager_.getRepository(SupplierOrder).find({ where: { order_id: orderId } })
    let cancelled = 0
    const shipped: string[] = []
    for (const so of supplierOrders) {
      if (so.status === "shipped") shipped.push(so.id)
      else if (so.status !== "cancelled") {
        await this.cancel(so.id, reason)
        cancelled++
      }
    }
    if (shipped.length) this.logger_.warn(`Order ${orderId} was cancelled after supplier order(s) ${shipped.join(", ")} shipped: arrange a return (RTO) with the supplier`)
    return { cancelled, shipped }
  }

  private async lockAndLoadOrder(manager: EntityManager, orderId: string): Promise<OrderForForwarding> {
    const [locked] = await manager.query(`SELECT id FROM "order" WHERE id = $1 FOR UPDATE`, [orderId])
    if (!locked) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
    return this.orderService_.withTransaction(manager).retrieveWithTotals(orderId, { relations: ["items", "items.variant", "shipping_address", "payments"] })
  }

  private createdPayload(supplierOrder: SupplierOrder, supplier: Supplier, order: OrderForForwarding): Record<string, unknown> {
    const address = order.shipping_address ?? {}
    return supplierOrderCreatedPayload(
      {
        supplier_order_id: supplierOrder.id,
        supplier_code: supplier.code,
        order: { id: order.id, display_id: order.display_id, created_at: new Date(order.created_at).toISOString(), currency_code: order.currency_code, total: order.total },
        items: supplierOrder.items as SupplierOrderDraftItem[],
        total_cost: supplierOrder.total_cost,
        ship_to: {
          name: [address.first_name, address.last_name].filter(Boolean).join(" "),
          phone: address.phone ?? null,
          address_1: address.address_1 ?? null,
          address_2: address.address_2 ?? null,
          city: address.city ?? null,
          province: address.province ?? null,
          postal_code: address.postal_code ?? null,
          country_code: address.country_code ?? null,
        },
        cash_on_delivery: order.payments.some((p) => p.provider_id === "cod"),
        processing_days: supplier.processing_days,
      },
      new Date()
    )
  }

  private async enqueueCreated(manager: EntityManager, supplierOrder: SupplierOrder, supplier: Supplier, order: OrderForForwarding, round: number): Promise<void> {
    const outbox = manager.getRepository(SupplierOutbox)
    await outbox.save(
      outbox.create({
        supplier_order_id: supplierOrder.id,
        event_type: CREATED,
        webhook_id: webhookIdFor(supplierOrder.id, CREATED, round),
        payload: this.createdPayload(supplierOrder, supplier, order),
        status: "pending",
        attempts: 0,
        next_attempt_at: new Date(),
        locked_until: null,
        last_error: null,
        delivered_at: null,
      })
    )
  }
}

function roundOf(webhookId: string): number {
  const m = /_r(\d+)$/.exec(webhookId)
  return m ? Number(m[1]) : 1
}
