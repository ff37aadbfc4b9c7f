import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import { inTransaction } from "../utils/transaction"
import {
  cancellationEmail,
  nextRetry,
  purchaseOrderEmail,
  resolveForwardingOptions,
  whatsappCancelParameters,
  whatsappOrderParameters,
  type CancelledData,
  type CreatedData,
  type DeliveryOutcome,
  type ForwardingOptions,
  type RawForwardingOptions,
} from "../core"
import { deliverSignedWebhook } from "../clients/supplier-webhook"
import { sendWhatsAppTemplate } from "../clients/whatsapp-cloud"
import { isPermanentSmtpFailure } from "../clients/smtp-mailer"
import { SupplierOrder } from "../models/supplier-order"
import type { SupplierOutbox } from "../models/supplier-outbox"
import type { Supplier } from "../models/supplier"
import type SupplierService from "./supplier"
import type SupplierOrderService from "./supplier-order"

type LoggerLike = { info(m: string): void; warn(m: string): void; error(m: string): void }
type NotificationServiceLike = { send(event: string, data: Record<string, unknown>, providerId: string): Promise<unknown> }

export type DispatchSummary = { claimed: number; delivered: number; retrying: number; failed: number }

/** The email notifications' event names: Medusa files them under the order (resource type "order"), so they show on the order's timeline. */
export const EMAIL_EVENTS = { "supplier_order.created": "order.supplier_purchase_order", "supplier_order.cancelled": "order.supplier_cancellation" } as const

/**
 * Delivers the outbox: claims due messages (FOR UPDATE SKIP LOCKED, so several workers
 * never take the same one), sends each over its supplier's channel, and records the
 * outcome: delivered, retried later with backoff and jitter, or failed for good and left
 * for a person. A claim holds a message for a while; if the process dies mid-delivery
 * another worker takes it after that, under the same webhook-id.
 */
export default class SupplierDispatcherService extends TransactionBaseService {
  protected readonly options_: ForwardingOptions
  protected readonly supplierService_: SupplierService
  protected readonly supplierOrderService_: SupplierOrderService
  protected readonly notificationService_: NotificationServiceLike
  protected readonly logger_: LoggerLike

  constructor(
    container: { manager: EntityManager; supplierService: SupplierService; supplierOrderService: SupplierOrderService; notificationService: NotificationServiceLike; logger: LoggerLike },
    options: RawForwardingOptions = {}
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    this.options_ = resolveForwardingOptions(options)
    this.supplierService_ = container.supplierService
    this.supplierOrderService_ = container.supplierOrderService
    this.notificationService_ = container.notificationService
    this.logger_ = container.logger
  }

  get options(): ForwardingOptions {
    return this.options_
  }

  /** Takes up to `limit` due messages; each claim counts as an attempt, so a crash mid-delivery still moves toward the limit. */
  async claimDue(limit: number): Promise<SupplierOutbox[]> {
    const holdMs = this.options_.deliveryTimeoutMs * 3
    const [rows] = await this.activeManager_.query(
      `UPDATE supplier_outbox o
          SET locked_until = now() + ($2::int * interval '1 millisecond'), attempts = o.attempts + 1, updated_at = now()
        WHERE o.id IN (
          SELECT id FROM supplier_outbox
           WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
           ORDER BY next_attempt_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING o.*`,
      [limit, holdMs]
    )
    return rows as SupplierOutbox[]
  }

  async dispatchDue(limit = 20, concurrency = 8): Promise<DispatchSummary> {
    const messages = await this.claimDue(limit)
    const summary: DispatchSummary = { claimed: messages.length, delivered: 0, retrying: 0, failed: 0 }
    for (let i = 0; i < messages.length; i += concurrency) {
      await Promise.all(
        messages.slice(i, i + concurrency).map(async (message) => {
          const result = await this.deliverAndRecord(message)
          summary[result]++
        })
      )
    }
    return summary
  }

  private async deliverAndRecord(message: SupplierOutbox): Promise<"delivered" | "retrying" | "failed"> {
    let outcome: DeliveryOutcome
    let supplierOrder: SupplierOrder | null = null
    try {
      supplierOrder = await this.activeManager_.getRepository(SupplierOrder).findOne({ where: { id: message.supplier_order_id }, relations: ["supplier"] })
      outcome = supplierOrder ? await this.deliver(message, supplierOrder) : { delivered: false, permanent: true, error: "the supplier order no longer exists" }
    } catch (error) {
      // A bug or a database hiccup while preparing: retry rather than lose the message.
      outcome = { delivered: false, permanent: false, error: `could not attempt delivery: ${(error as Error).message}` }
    }
    return this.recordOutcome(message, supplierOrder, outcome)
  }

  /** One attempt over the supplier's current channel. */
  async deliver(message: SupplierOutbox, supplierOrder: SupplierOrder): Promise<DeliveryOutcome> {
    const supplier = supplierOrder.supplier
    if (!supplier.is_active) return { delivered: false, permanent: true, error: `supplier ${supplier.code} is inactive` }
    switch (supplier.integration) {
      case "api":
        return this.deliverWebhook(message, supplier)
      case "email":
        return this.deliverEmail(message, supplierOrder, supplier)
      case "whatsapp":
        return this.deliverWhatsApp(message, supplier)
      default:
        return { delivered: false, permanent: true, error: `supplier ${supplier.code} is handled by hand (integration manual): pass the order on and mark it as sent` }
    }
  }

  private async deliverWebhook(message: SupplierOutbox, supplier: Supplier): Promise<DeliveryOutcome> {
    if (!supplier.endpoint) return { delivered: false, permanent: true, error: `supplier ${supplier.code} has no endpoint` }
    const secret = await this.supplierService_.secretOf(supplier.id)
    if (!secret) return { delivered: false, permanent: true, error: `supplier ${supplier.code} has no webhook secret: rotate it in the admin` }
    return deliverSignedWebhook({ endpoint: supplier.endpoint, secret, webhookId: message.webhook_id, body: JSON.stringify(message.payload), timeoutMs: this.options_.deliveryTimeoutMs })
  }

  private async deliverEmail(message: SupplierOutbox, supplierOrder: SupplierOrder, supplier: Supplier): Promise<DeliveryOutcome> {
    if (!supplier.email) return { delivered: false, permanent: true, error: `supplier ${supplier.code} has no email address` }
    const event = EMAIL_EVENTS[message.event_type as keyof typeof EMAIL_EVENTS]
    if (!event) return { delivered: false, permanent: true, error: `no email for ${message.event_type}` }
    const data = message.payload.data as CreatedData & CancelledData
    const mail = message.event_type === "supplier_order.created" ? purchaseOrderEmail(data, supplier.name) : cancellationEmail(data, supplier.name)
    try {
      await this.notificationService_.send(event, { id: supplierOrder.order_id, to: supplier.email, ...mail, supplier_order_id: supplierOrder.id, supplier_code: supplier.code, webhook_id: message.webhook_id }, "supplier-email")
      return { delivered: true, detail: `email to ${supplier.email}` }
    } catch (error) {
      const e = error as Error & { responseCode?: number }
      return { delivered: false, permanent: isPermanentSmtpFailure(e), error: `email not sent: ${e.message}` }
    }
  }

  private async deliverWhatsApp(message: SupplierOutbox, supplier: Supplier): Promise<DeliveryOutcome> {
    const wa = this.options_.whatsapp
    if (!wa) return { delivered: false, permanent: true, error: "WhatsApp Cloud API is not configured (WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_TOKEN): configure it, or pass the order on by hand and mark it as sent" }
    if (!supplier.whatsapp) return { delivered: false, permanent: true, error: `supplier ${supplier.code} has no WhatsApp number` }
    const created = message.event_type === "supplier_order.created"
    const data = message.payload.data as CreatedData & CancelledData
    return sendWhatsAppTemplate(
      wa,
      { to: supplier.whatsapp, template: created ? wa.orderTemplate : wa.cancelTemplate, parameters: created ? whatsappOrderParameters(data) : whatsappCancelParameters(data) },
      this.options_.deliveryTimeoutMs
    )
  }

  private async recordOutcome(message: SupplierOutbox, supplierOrder: SupplierOrder | null, outcome: DeliveryOutcome): Promise<"delivered" | "retrying" | "failed"> {
    const isOrder = message.event_type === "supplier_order.created"
    return inTransaction(this, async (manager) => {
      const orders = this.supplierOrderService_.withTransaction(manager)
      if (outcome.delivered) {
        // Only a message still pending counts: a cancellation may have withdrawn it meanwhile.
        const [, updated] = await manager.query(
          `UPDATE supplier_outbox SET status = 'delivered', delivered_at = now(), locked_until = NULL, last_error = NULL, updated_at = now() WHERE id = $1 AND status = 'pending'`,
          [message.id]
        )
        if (supplierOrder && isOrder && updated) {
          await orders.changeStatus(supplierOrder.id, { to: "sent", detail: { channel: supplierOrder.supplier.integration, webhook_id: message.webhook_id, attempts: message.attempts, answer: outcome.detail }, fields: { sent_at: new Date() } })
        } else if (supplierOrder && updated) {
          await orders.recordEvent(supplierOrder.id, "message_delivered", { detail: { event_type: message.event_type, webhook_id: message.webhook_id, attempts: message.attempts, answer: outcome.detail } })
        }
        return "delivered"
      }
      const decision = nextRetry(message.attempts, outcome.permanent, this.options_.retry)
      if (decision.retry) {
        await manager.query(
          `UPDATE supplier_outbox SET next_attempt_at = now() + ($2::int * interval '1 millisecond'), locked_until = NULL, last_error = $3, updated_at = now() WHERE id = $1 AND status = 'pending'`,
          [message.id, decision.delayMs, outcome.error]
        )
        return "retrying"
      }
      await manager.query(`UPDATE supplier_outbox SET status = 'failed', locked_until = NULL, last_error = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`, [message.id, outcome.error])
      const why = decision.reason === "permanent" ? "refused" : `gave up after ${message.attempts} attempts`
      this.logger_.error(`Supplier forwarding: ${message.event_type} for supplier order ${message.supplier_order_id} failed (${why}): ${outcome.error}. Resend it from the admin once fixed.`)
      if (supplierOrder && isOrder) {
        await orders.changeStatus(supplierOrder.id, { to: "failed", detail: { webhook_id: message.webhook_id, attempts: message.attempts, error: outcome.error, reason: decision.reason } })
      } else if (supplierOrder) {
        await orders.recordEvent(supplierOrder.id, "delivery_failed", { detail: { event_type: message.event_type, webhook_id: message.webhook_id, attempts: message.attempts, error: outcome.error } })
      }
      return "failed"
    })
  }
}
