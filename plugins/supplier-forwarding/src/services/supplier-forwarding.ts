import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager, In } from "typeorm"
import { deliversAutomatically, shouldForward, splitOrderBySupplier, supplierOrderCreatedPayload, webhookIdFor, type OrderEventName, type OrderLine } from "../core"
import { Supplier } from "../models/supplier"
import { SupplierOrder } from "../models/supplier-order"
import { SupplierOrderEvent } from "../models/supplier-order-event"
import { SupplierOutbox } from "../models/supplier-outbox"
import { SupplierVariant } from "../models/supplier-variant"

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

/**
 * Turns one of our orders into supplier orders: split by supplier, one supplier order per
 * supplier, each recorded with its outbox message in one transaction before anything is
 * sent. Running it again for the same order changes nothing (one supplier order per
 * order and supplier, enforced by a unique index and a lock on the order).
 */
export default class SupplierForwardingService extends TransactionBaseService {
  protected readonly orderService_: OrderServiceLike
  protected readonly logger_: LoggerLike

  constructor(container: { manager: EntityManager; orderService: OrderServiceLike; logger: LoggerLike }) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
    this.orderService_ = container.orderService
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

  async forwardOrder(orderId: string, reason: string): Promise<ForwardResult> {
    return this.atomicPhase_(async (manager) => {
      const [locked] = await manager.query(`SELECT id FROM "order" WHERE id = $1 FOR UPDATE`, [orderId])
      if (!locked) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
      const order = await this.orderService_.withTransaction(manager).retrieveWithTotals(orderId, {
        relations: ["items", "items.variant", "shipping_address", "payments"],
      })
      const lines: OrderLine[] = order.items.map((i) => ({ line_item_id: i.id, variant_id: i.variant_id, title: i.title, sku: i.variant?.sku ?? null, quantity: i.quantity }))
      const variantIds = lines.map((l) => l.variant_id).filter((v): v is string => Boolean(v))
      const mappings = variantIds.length ? await manager.getRepository(SupplierVariant).find({ where: { variant_id: In(variantIds) } }) : []
      const { drafts, unmapped } = splitOrderBySupplier(lines, mappings)
      if (unmapped.length) this.logger_.warn(`Order ${order.display_id}: ${unmapped.length} line(s) have no supplier mapped (${unmapped.map((l) => l.sku ?? l.title).join(", ")}); they need a merchant`)

      const orderRepo = manager.getRepository(SupplierOrder)
      const existing = await orderRepo.find({ where: { order_id: orderId } })
      const have = new Set(existing.map((s) => s.supplier_id))
      const suppliers = drafts.length ? await manager.getRepository(Supplier).find({ where: { id: In(drafts.map((d) => d.supplier_id)) } }) : []
      const supplierById = new Map(suppliers.map((s) => [s.id, s]))
      const cod = order.payments.some((p) => p.provider_id === "cod")
      const address = order.shipping_address ?? {}
      const now = new Date()
      let created = 0

      for (const draft of drafts) {
        if (have.has(draft.supplier_id)) continue
        const supplier = supplierById.get(draft.supplier_id)
        if (!supplier) continue
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
            accepted_at: null,
            shipped_at: null,
            metadata: null,
          })
        )
        await manager.getRepository(SupplierOrderEvent).save(
          manager.getRepository(SupplierOrderEvent).create({
            supplier_order_id: supplierOrder.id,
            type: "status_changed",
            from_status: null,
            to_status: "pending",
            detail: { reason, delivery: deliversAutomatically(supplier) ? supplier.integration : "manual queue" },
          })
        )
        if (deliversAutomatically(supplier)) {
          const payload = supplierOrderCreatedPayload(
            {
              supplier_order_id: supplierOrder.id,
              supplier_code: supplier.code,
              order: { id: order.id, display_id: order.display_id, created_at: new Date(order.created_at).toISOString(), currency_code: order.currency_code, total: order.total },
              items: draft.items,
              total_cost: draft.total_cost,
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
              cash_on_delivery: cod,
              processing_days: supplier.processing_days,
            },
            now
          )
          const outbox = manager.getRepository(SupplierOutbox)
          await outbox.save(
            outbox.create({
              supplier_order_id: supplierOrder.id,
              event_type: "supplier_order.created",
              webhook_id: webhookIdFor(supplierOrder.id, "supplier_order.created"),
              payload,
              status: "pending",
              attempts: 0,
              next_attempt_at: now,
              locked_until: null,
              last_error: null,
              delivered_at: null,
            })
          )
        }
        created++
      }
      const supplier_orders = await orderRepo.find({ where: { order_id: orderId }, relations: ["supplier"], order: { created_at: "ASC" } })
      return { supplier_orders, created, unmapped }
    })
  }

  /** An order's supplier orders with their outbox messages and history, for the admin. */
  async listForOrder(orderId: string): Promise<(SupplierOrder & { messages: SupplierOutbox[]; history: SupplierOrderEvent[] })[]> {
    const manager = this.activeManager_
    const orders = await manager.getRepository(SupplierOrder).find({ where: { order_id: orderId }, relations: ["supplier"], order: { created_at: "ASC" } })
    if (!orders.length) return []
    const ids = orders.map((o) => o.id)
    const [messages, history] = await Promise.all([
      manager.getRepository(SupplierOutbox).find({ where: { supplier_order_id: In(ids) }, order: { created_at: "ASC" } }),
      manager.getRepository(SupplierOrderEvent).find({ where: { supplier_order_id: In(ids) }, order: { created_at: "ASC" } }),
    ])
    return orders.map((o) => Object.assign(o, { messages: messages.filter((m) => m.supplier_order_id === o.id), history: history.filter((h) => h.supplier_order_id === o.id) }))
  }
}
