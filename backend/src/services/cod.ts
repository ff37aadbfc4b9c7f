/**
 * Cash on delivery (provider id `cod`) for the India region: the shopper pays the
 * courier in cash when the parcel arrives. Whether COD is allowed for a cart is decided by
 * src/core/cod-policy.ts (INR only, a valid pincode outside blocked areas, a maximum
 * order total); the decision is the payment session's data:
 * `{ available, reason, pincode, max_order_amount }`.
 *
 * - initiatePayment / updatePayment never fail for an unavailable COD: they record the
 *   decision, so the region's other payment sessions are still created and the
 *   storefront can show COD disabled with the reason.
 * - authorizePayment re-checks against the cart's current delivery address and total and
 *   refuses with the reason (Medusa answers 400 `invalid_data`; the cart is kept).
 * - An authorized COD payment is "awaiting"; capturing it records that the courier
 *   collected the cash, refunds are paid back outside the courier (bank transfer or UPI)
 *   and recorded here, and cancelling is refused once the cash was collected.
 *
 * Rules come from COD_MAX_ORDER_INR and COD_BLOCKED_PINCODES (read once at startup;
 * runtime-config.js stops startup on malformed values).
 */
import { AbstractPaymentProcessor, PaymentProcessorContext, PaymentProcessorError, PaymentProcessorSessionResponse, PaymentSessionStatus } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { CodConfig, CodDecision, codConfigFromEnv, evaluateCod } from "../core/cod-policy"
import { transactionManagerOf } from "./payment-provider"

type ShippingAddressLike = { country_code?: string | null; postal_code?: string | null } | null

type CartLike = {
  id: string
  total?: number
  region?: { currency_code: string } | null
  shipping_address?: ShippingAddressLike
}

type CartServiceLike = {
  retrieve(id: string, config: Record<string, unknown>): Promise<CartLike>
  retrieveWithTotals(id: string, config: Record<string, unknown>): Promise<CartLike>
  withTransaction(manager: EntityManager): CartServiceLike
}

type LoggerLike = { warn(message: string): void; error(message: string): void }

/** The Shiprocket plugin's service, as far as COD needs it. */
type CourierCodLike = {
  isConfigured: boolean
  estimate(input: { pincode: string; cartId?: string }): Promise<{ estimate: { cod: { available: boolean } } | null }>
}

export const COD_NOT_AVAILABLE = "cod_not_available"

class CodPaymentProcessor extends AbstractPaymentProcessor {
  static identifier = "cod"

  protected readonly rules_: CodConfig

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    super(container, options)
    this.rules_ = codConfigFromEnv(process.env)
  }

  // Resolved on use: the cart service depends on the payment providers, so not in the constructor.
  protected get cartService_(): CartServiceLike {
    return this.container.cartService as CartServiceLike
  }

  /**
   * The cart service in the checkout's own transaction when payment-provider.ts passed it:
   * a read on another connection would wait for the pool while this one is held.
   */
  protected cartServiceIn(context: unknown): CartServiceLike {
    const manager = transactionManagerOf(context)
    return manager ? this.cartService_.withTransaction(manager) : this.cartService_
  }

  protected get logger_(): LoggerLike {
    return (this.container.logger as LoggerLike) ?? console
  }

  async initiatePayment(context: PaymentProcessorContext): Promise<PaymentProcessorError | PaymentProcessorSessionResponse> {
    return { session_data: await this.decide(context) }
  }

  async updatePayment(context: PaymentProcessorContext): Promise<PaymentProcessorError | PaymentProcessorSessionResponse | void> {
    return { session_data: await this.decide(context) }
  }

  /** The shopper has nothing to send for cash on delivery; data from the client is never trusted. */
  async updatePaymentData(_sessionId: string, _data: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    return {}
  }

  async authorizePayment(
    _paymentSessionData: Record<string, unknown>,
    context: Record<string, unknown>
  ): Promise<PaymentProcessorError | { status: PaymentSessionStatus; data: PaymentProcessorSessionResponse["session_data"] }> {
    const cartId = typeof context?.cart_id === "string" ? context.cart_id : null
    if (!cartId) return { error: "Cash on delivery could not be checked for this order", code: COD_NOT_AVAILABLE }
    const cart = await this.cartServiceIn(context).retrieveWithTotals(cartId, { relations: ["shipping_address", "region"] })
    const decision = evaluateCod(
      {
        currency_code: cart.region?.currency_code,
        country_code: cart.shipping_address?.country_code,
        pincode: cart.shipping_address?.postal_code,
        total: cart.total ?? 0,
      },
      this.rules_
    )
    const checked = await this.withCourierCheck(decision, cartId)
    if (!checked.available) return { error: checked.reason ?? "Cash on delivery is not available for this order", code: COD_NOT_AVAILABLE }
    return { status: PaymentSessionStatus.AUTHORIZED, data: checked }
  }

  /** The payment's data: the decision it was authorized with. */
  async retrievePayment(paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    return { ...paymentSessionData }
  }

  async getPaymentStatus(paymentSessionData: Record<string, unknown>): Promise<PaymentSessionStatus> {
    if (paymentSessionData?.cancelled_at) return PaymentSessionStatus.CANCELED
    if (paymentSessionData?.available === true) return PaymentSessionStatus.AUTHORIZED
    if (paymentSessionData?.available === false) return PaymentSessionStatus.ERROR
    return PaymentSessionStatus.PENDING
  }

  /** Capturing a COD payment records that the courier collected the cash. */
  async capturePayment(paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    if (paymentSessionData?.cancelled_at) {
      return { error: "This cash on delivery payment was cancelled", code: "cod_cancelled", detail: "Cancelled payments cannot be collected" }
    }
    return { ...paymentSessionData, collected_at: paymentSessionData?.collected_at ?? new Date().toISOString() }
  }

  /** The shop pays the shopper back outside the courier (bank transfer or UPI); the refund is recorded here. */
  async refundPayment(paymentSessionData: Record<string, unknown>, refundAmount: number): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    if (!paymentSessionData?.collected_at) {
      return { error: "Nothing to refund", code: "cod_not_collected", detail: "The cash for this order has not been collected yet" }
    }
    const refunds = Array.isArray(paymentSessionData.refunds) ? paymentSessionData.refunds : []
    return { ...paymentSessionData, refunds: [...refunds, { amount: refundAmount, refunded_at: new Date().toISOString() }] }
  }

  /** Cancelling before delivery needs nothing from anyone; after the cash was collected, refund instead. */
  async cancelPayment(paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    if (paymentSessionData?.collected_at) {
      return { error: "The cash for this order was already collected", code: "cod_collected", detail: "Refund the shopper instead of cancelling the payment" }
    }
    return { ...paymentSessionData, cancelled_at: paymentSessionData?.cancelled_at ?? new Date().toISOString() }
  }

  async deletePayment(_paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    return {}
  }

  /** The decision for the cart behind a session; never throws, so the other sessions are still created. */
  protected async decide(context: PaymentProcessorContext): Promise<CodDecision> {
    const address = await this.shippingAddressOf(context)
    const decision = evaluateCod(
      { currency_code: context.currency_code, country_code: address?.country_code, pincode: address?.postal_code, total: context.amount },
      this.rules_
    )
    return this.withCourierCheck(decision, context.resource_id ?? null)
  }

  /**
   * Our rules allow COD; can a courier collect cash at that pincode, from the items'
   * suppliers? Asked of Shiprocket when it is configured. When it cannot answer (down), our
   * rules stand: refusing every COD order during an outage would cost more than the rare
   * parcel a courier then refuses (booking falls back to any COD courier).
   */
  protected async withCourierCheck(decision: CodDecision, cartId: string | null): Promise<CodDecision> {
    if (!decision.available || !decision.pincode) return decision
    let courier: CourierCodLike | null = null
    try {
      courier = this.container.shiprocketService as CourierCodLike
    } catch {
      return decision // the Shiprocket plugin is not installed
    }
    if (!courier?.isConfigured) return decision
    try {
      const answer = await courier.estimate({ pincode: decision.pincode, ...(cartId ? { cartId } : {}) })
      if (answer.estimate && !answer.estimate.cod.available) {
        return { ...decision, available: false, reason: `Cash on delivery is not available at pincode ${decision.pincode}: no courier collects cash there. Pay online instead.` }
      }
    } catch (error) {
      this.logger_.warn(`cod: courier check for ${decision.pincode} failed (${(error as Error).message}); our own rules decide`)
    }
    return decision
  }

  /**
   * The cart's delivery address. Medusa hands payment processors no shipping address, so
   * src/services/payment-provider.ts adds it to `context.context` when the cart was loaded
   * with it (it may have changed in the same, uncommitted transaction); otherwise it is read.
   */
  protected async shippingAddressOf(context: PaymentProcessorContext): Promise<ShippingAddressLike> {
    const passed = (context.context as { shipping_address?: ShippingAddressLike } | undefined)?.shipping_address
    if (passed !== undefined) return passed
    if (!context.resource_id) return null
    try {
      const cart = await this.cartServiceIn(context.context).retrieve(context.resource_id, { relations: ["shipping_address"] })
      return cart.shipping_address ?? null
    } catch (error) {
      this.logger_.warn(`cod: no cart ${context.resource_id} to read the delivery address from (${(error as Error).message})`)
      return null
    }
  }
}

export default CodPaymentProcessor
