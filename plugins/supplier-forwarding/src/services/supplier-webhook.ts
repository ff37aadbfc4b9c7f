import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager, In } from "typeorm"
import { inTransaction } from "../utils/transaction"
import { unstorableInputProblem } from "@fashion/plugin-kit"
import { isEntityId, parseInboundEvent, planInventoryUpdate, verifyWebhook, type InboundEvent } from "../core"
import { Supplier } from "../models/supplier"
import { SupplierOrder } from "../models/supplier-order"
import { SupplierVariant } from "../models/supplier-variant"
import { SupplierWebhookReceipt } from "../models/supplier-webhook-receipt"
import type SupplierService from "./supplier"
import type SupplierOrderService from "./supplier-order"

type LoggerLike = { warn(m: string): void; info(m: string): void }
type FulfillableOrder = {
  id: string
  status: string
  metadata: Record<string, unknown> | null
  shipping_methods: unknown[]
  items: { id: string; quantity: number; fulfilled_quantity: number | null }[]
  fulfillments: { id: string; metadata: Record<string, unknown> | null }[]
}
type OrderServiceLike = {
  withTransaction(m: EntityManager): OrderServiceLike
  retrieve(id: string, config: Record<string, unknown>): Promise<FulfillableOrder>
  update(id: string, update: { metadata: Record<string, unknown> }): Promise<unknown>
  createFulfillment(orderId: string, items: { item_id: string; quantity: number }[], config: Record<string, unknown>): Promise<FulfillableOrder>
  createShipment(orderId: string, fulfillmentId: string, trackingLinks: { tracking_number: string; url?: string; metadata?: Record<string, unknown> }[], config: Record<string, unknown>): Promise<unknown>
}
type VariantServiceLike = { withTransaction(m: EntityManager): VariantServiceLike; update(id: string, update: { inventory_quantity: number }): Promise<unknown> }

export type WebhookResult = { status: 200; body: Record<string, unknown> }

/**
 * Takes a supplier's signed webhook: verifies the signature on the raw bytes with that
 * supplier's secret, refuses stale timestamps and ids already processed, and applies the
 * event in the same transaction that records its receipt, so a message is applied once.
 * Refused and unknown messages are kept too, for the merchant to look at.
 */
export default class SupplierWebhookService extends TransactionBaseService {
  protected readonly supplierService_: SupplierService
  protected readonly supplierOrderService_: SupplierOrderService
  protected readonly orderService_: OrderServiceLike
  protected readonly productVariantService_: VariantServiceLike
  protected readonly logger_: LoggerLike

  constructor(container: {
    manager: EntityManager
    supplierService: SupplierService
    supplierOrderService: SupplierOrderService
    orderService: OrderServiceLike
    productVariantService: VariantServiceLike
    logger: LoggerLike
  }) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
    this.supplierService_ = container.supplierService
    this.supplierOrderService_ = container.supplierOrderService
    this.orderService_ = container.orderService
    this.productVariantService_ = container.productVariantService
    this.logger_ = container.logger
  }

  async receive(code: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<WebhookResult> {
    const supplier = isEntityId(code) ? await this.activeManager_.getRepository(Supplier).findOne({ where: { code } }) : null
    if (!supplier) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No supplier with code ${code}: check the URL you were given`)
    const secret = await this.supplierService_.secretOf(supplier.id)
    const verified = verifyWebhook(secret ? [secret] : [], rawBody, headers)
    // Nothing unverified is stored: anyone can post here.
    if (!verified.ok) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Webhook refused: ${verified.error}`)

    const previous = await this.activeManager_.getRepository(SupplierWebhookReceipt).findOne({ where: { supplier_id: supplier.id, webhook_id: verified.id } })
    if (previous?.outcome === "processed") throw replayError(verified.id, previous.received_at)

    const parsed = parseInboundEvent(verified.payload)
    const raw = rawBody.toString("utf8")
    // Text PostgreSQL cannot store (NUL, half a surrogate pair) is refused like any invalid message.
    const unstorable = parsed.ok ? unstorableInputProblem("", null, { data: parsed.event.data }) : null
    if (unstorable) {
      await this.keepReceipt(supplier.id, verified.id, parsed.ok ? parsed.event.type : null, "invalid", unstorable, raw)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, unstorable)
    }
    if (!parsed.ok) {
      await this.keepReceipt(supplier.id, verified.id, parsed.type, parsed.unknownType ? "unknown_type" : "invalid", parsed.error, raw)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${parsed.error}${parsed.unknownType ? " (the message was kept for the merchant)" : ""}`)
    }
    try {
      const body = await inTransaction(this, async (manager) => {
        const inserted = await manager.query(
          `INSERT INTO supplier_webhook_receipt (supplier_id, webhook_id, type, outcome, error, raw_body) VALUES ($1, $2, $3, 'processed', NULL, $4)
           ON CONFLICT (supplier_id, webhook_id) DO UPDATE SET type = EXCLUDED.type, outcome = 'processed', error = NULL, raw_body = EXCLUDED.raw_body, received_at = now()
             WHERE supplier_webhook_receipt.outcome <> 'processed'
           RETURNING webhook_id`,
          [supplier.id, verified.id, parsed.event.type, raw]
        )
        // Another request with the same id got here first.
        if (!inserted.length) throw replayError(verified.id, null)
        return this.apply(manager, supplier, parsed.event, verified.id)
      })
      return { status: 200, body: { ok: true, webhook_id: verified.id, type: parsed.event.type, ...body } }
    } catch (error) {
      const e = error as MedusaError
      if (e.type !== MedusaError.Types.CONFLICT && e.type !== "conflict") {
        await this.keepReceipt(supplier.id, verified.id, parsed.event.type, "refused", e.message, raw).catch(() => undefined)
      }
      throw error
    }
  }

  private async apply(manager: EntityManager, supplier: Supplier, event: InboundEvent, webhookId: string): Promise<Record<string, unknown>> {
    if (event.type === "inventory.updated") return this.applyInventory(manager, supplier, event.data.items)
    const orders = this.supplierOrderService_.withTransaction(manager)
    const supplierOrder = await manager.getRepository(SupplierOrder).findOne({ where: { id: event.data.supplier_order_id, supplier_id: supplier.id } })
    // Another supplier's order id is answered like an unknown one: nothing about it leaks.
    if (!supplierOrder) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No supplier order ${event.data.supplier_order_id} for supplier ${supplier.code}`)
    const source = { source: "supplier webhook", webhook_id: webhookId }

    if (event.type === "supplier_order.accepted") {
      const { changed } = await orders.changeStatus(supplierOrder.id, { to: "accepted", detail: { ...source, expected_ship_date: event.data.expected_ship_date, note: event.data.note }, fields: { accepted_at: new Date() }, strict: true })
      return { supplier_order_id: supplierOrder.id, status: "accepted", changed }
    }
    if (event.type === "supplier_order.rejected") {
      const { changed } = await orders.changeStatus(supplierOrder.id, { to: "rejected", detail: { ...source, reason: event.data.reason }, fields: { rejection_reason: event.data.reason }, strict: true })
      if (changed) await this.flagOrder(manager, supplierOrder, supplier, event.data.reason)
      return { supplier_order_id: supplierOrder.id, status: "rejected", changed }
    }
    return this.applyShipment(manager, supplierOrder, supplier, event.data, source)
  }

  /** Rejections need a person: the order is flagged (metadata.supplier_alert) and the supplier order waits in the admin's attention queue. */
  private async flagOrder(manager: EntityManager, supplierOrder: SupplierOrder, supplier: Supplier, reason: string): Promise<void> {
    const alert = { supplier_order_id: supplierOrder.id, supplier_code: supplier.code, reason, at: new Date().toISOString() }
    await this.orderService_.withTransaction(manager).update(supplierOrder.order_id, { metadata: { supplier_alert: alert } })
    this.logger_.warn(`Supplier ${supplier.code} rejected supplier order ${supplierOrder.id} (order ${supplierOrder.order_id}): ${reason}. Resend it or move the items to another supplier.`)
  }

  /**
   * Records the shipment and creates the Medusa fulfillment and shipment with the
   * tracking link. If Medusa cannot fulfil those items (cancelled, or a person already
   * fulfilled them) the shipment is still recorded: the parcel exists either way.
   */
  private async applyShipment(
    manager: EntityManager,
    supplierOrder: SupplierOrder,
    supplier: Supplier,
    data: Extract<InboundEvent, { type: "supplier_order.shipped" }>["data"],
    source: Record<string, unknown>
  ): Promise<Record<string, unknown>> {
    const shipment = { carrier: data.carrier, awb: data.awb, tracking_url: data.tracking_url }
    const shippedAt = data.shipped_at ? new Date(data.shipped_at) : new Date()
    const { changed } = await this.supplierOrderService_.withTransaction(manager).changeStatus(supplierOrder.id, { to: "shipped", detail: { ...source, ...shipment }, fields: { shipment, shipped_at: shippedAt }, strict: true })
    if (!changed) return { supplier_order_id: supplierOrder.id, status: "shipped", changed }

    const orderService = this.orderService_.withTransaction(manager)
    const order = await orderService.retrieve(supplierOrder.order_id, { relations: ["items", "shipping_methods", "fulfillments"] })
    const items = supplierOrder.items.map((i) => ({ item_id: i.line_item_id, quantity: i.quantity }))
    const blocker = fulfillmentBlocker(order, items)
    if (blocker) {
      await this.supplierOrderService_.withTransaction(manager).recordEvent(supplierOrder.id, "note", { detail: { message: `shipment recorded without a Medusa fulfillment: ${blocker}` } })
      return { supplier_order_id: supplierOrder.id, status: "shipped", changed, fulfillment_id: null, note: blocker }
    }
    const metadata = { supplier_order_id: supplierOrder.id, supplier_code: supplier.code }
    const fulfilled = await orderService.createFulfillment(order.id, items, { metadata })
    const fulfillment = fulfilled.fulfillments.find((f) => f.metadata?.supplier_order_id === supplierOrder.id)
    if (!fulfillment) throw new Error(`the fulfillment for supplier order ${supplierOrder.id} was not created`)
    await orderService.createShipment(order.id, fulfillment.id, [{ tracking_number: data.awb, ...(data.tracking_url ? { url: data.tracking_url } : {}), metadata: { carrier: data.carrier } }], { metadata })
    await manager.getRepository(SupplierOrder).update(supplierOrder.id, { fulfillment_id: fulfillment.id })
    return { supplier_order_id: supplierOrder.id, status: "shipped", changed, fulfillment_id: fulfillment.id }
  }

  private async applyInventory(manager: EntityManager, supplier: Supplier, items: { sku: string; quantity: number; updated_at: string | null }[]): Promise<Record<string, unknown>> {
    const skus = [...new Set(items.map((i) => i.sku))]
    const mapped: { variant_id: string; supplier_sku: string; sku: string | null; stock_updated_at: Date | null }[] = await manager.query(
      `SELECT sv.variant_id, sv.supplier_sku, v.sku, sv.stock_updated_at
         FROM supplier_variant sv JOIN product_variant v ON v.id = sv.variant_id AND v.deleted_at IS NULL
        WHERE sv.supplier_id = $1 AND (sv.supplier_sku = ANY($2) OR v.sku = ANY($2))
        FOR UPDATE OF sv`,
      [supplier.id, skus]
    )
    const plan = planInventoryUpdate(items, mapped.map((m) => ({ ...m, stock_updated_at: m.stock_updated_at ? new Date(m.stock_updated_at) : null })), new Date())
    const variants = this.productVariantService_.withTransaction(manager)
    for (const change of plan.changes) {
      await variants.update(change.variant_id, { inventory_quantity: change.quantity })
      await manager.getRepository(SupplierVariant).update({ variant_id: change.variant_id }, { stock_updated_at: change.updated_at })
    }
    if (plan.unknown.length) this.logger_.warn(`Supplier ${supplier.code} sent stock for SKUs it is not mapped to: ${plan.unknown.slice(0, 20).join(", ")}`)
    return { updated: plan.changes.length, stale: plan.stale, unknown_skus: plan.unknown }
  }

  /** Keeps a message we did not apply (unknown type, invalid, refused), unless the same id was already processed. */
  private async keepReceipt(supplierId: string, webhookId: string, type: string | null, outcome: string, error: string, raw: string): Promise<void> {
    // A sender's text may hold NUL, which PostgreSQL text cannot: the receipt keeps the rest.
    const storable = (text: string) => text.replace(/\u0000/g, "")
    await this.activeManager_.query(
      `INSERT INTO supplier_webhook_receipt (supplier_id, webhook_id, type, outcome, error, raw_body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (supplier_id, webhook_id) DO UPDATE SET type = EXCLUDED.type, outcome = EXCLUDED.outcome, error = EXCLUDED.error, raw_body = EXCLUDED.raw_body, received_at = now()
         WHERE supplier_webhook_receipt.outcome <> 'processed'`,
      [supplierId, storable(webhookId), type === null ? null : storable(type), outcome, storable(error).slice(0, 2000), storable(raw)]
    )
  }

  /** The latest messages a supplier sent, for the admin. */
  async listReceipts(supplierId: string, limit = 50): Promise<SupplierWebhookReceipt[]> {
    return this.activeManager_.getRepository(SupplierWebhookReceipt).find({ where: { supplier_id: In([supplierId]) }, order: { received_at: "DESC" }, take: Math.min(limit, 200) })
  }
}

function replayError(webhookId: string, at: Date | null): MedusaError {
  return new MedusaError(MedusaError.Types.CONFLICT, `webhook-id ${webhookId} was already processed${at ? ` at ${new Date(at).toISOString()}` : ""}; nothing was changed (a retry of a message we applied needs no resend)`)
}

/** Why Medusa could not fulfil these items now, or null when it can. */
function fulfillmentBlocker(order: FulfillableOrder, items: { item_id: string; quantity: number }[]): string | null {
  if (order.status === "canceled") return "the order is cancelled"
  if (!order.shipping_methods?.length) return "the order has no shipping method"
  for (const { item_id, quantity } of items) {
    const line = order.items.find((i) => i.id === item_id)
    if (!line) return `line item ${item_id} is no longer on the order`
    if (quantity > line.quantity - (line.fulfilled_quantity ?? 0)) return `line item ${item_id} is already fulfilled`
  }
  return null
}
