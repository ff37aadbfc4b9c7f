import { AbstractNotificationService } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { SmtpMailer } from "../clients/smtp-mailer"
import { resolveForwardingOptions, type RawForwardingOptions } from "../core"

type LoggerLike = { info(m: string): void }
type SupplierEmail = { id: string; to: string; subject: string; text: string; html: string; supplier_order_id: string; supplier_code: string; webhook_id: string }

/**
 * Purchase orders and cancellations to email suppliers, as a Medusa notification provider
 * ("supplier-email"): each one is stored as a notification of the order, so it shows on
 * the order's timeline in the admin and can be resent from there. Sent over SMTP when
 * `email.smtp_url` is set; otherwise written to the server log (development), and
 * recorded as "logged" so nobody mistakes it for a sent email.
 */
export default class SupplierEmailNotificationService extends AbstractNotificationService {
  static identifier = "supplier-email"

  protected readonly mailer_: SmtpMailer | null
  protected readonly from_: string
  protected readonly logger_: LoggerLike

  constructor(container: { manager: EntityManager; logger: LoggerLike }, options: RawForwardingOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    const resolved = resolveForwardingOptions(options)
    this.mailer_ = resolved.email.smtpUrl ? new SmtpMailer(resolved.email.smtpUrl, resolved.deliveryTimeoutMs) : null
    this.from_ = resolved.email.from
    this.logger_ = container.logger
  }

  async sendNotification(event: string, data: unknown): Promise<{ to: string; status: string; data: Record<string, unknown> }> {
    return this.deliver(data as SupplierEmail)
  }

  async resendNotification(notification: { to: string; data: Record<string, unknown> }, config: { to?: string } = {}): Promise<{ to: string; status: string; data: Record<string, unknown> }> {
    return this.deliver({ ...(notification.data as SupplierEmail), to: config.to ?? notification.to })
  }

  private async deliver(mail: SupplierEmail): Promise<{ to: string; status: string; data: Record<string, unknown> }> {
    const record = { subject: mail.subject, text: mail.text, html: mail.html, supplier_order_id: mail.supplier_order_id, supplier_code: mail.supplier_code, webhook_id: mail.webhook_id }
    if (!this.mailer_) {
      this.logger_.info(`Supplier email (no SMTP configured, not sent) to ${mail.to}: ${mail.subject}\n${mail.text}`)
      return { to: mail.to, status: "logged", data: { ...record, transport: "log" } }
    }
    // A stable Message-ID per message: a retry after a lost answer threads with (or is dropped as) the first copy.
    const { messageId } = await this.mailer_.send({ from: this.from_, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: { "Message-ID": `<${mail.webhook_id}@suppliers.zari>`, "X-Supplier-Order-Id": mail.supplier_order_id } })
    return { to: mail.to, status: "sent", data: { ...record, transport: "smtp", message_id: messageId } }
  }
}
