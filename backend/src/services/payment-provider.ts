import { PaymentProviderService as MedusaPaymentProviderService } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"

type AddressLike = { country_code?: string | null; postal_code?: string | null } | null | undefined
type ProcessorContext = ReturnType<MedusaPaymentProviderService["buildPaymentProcessorContext"]> & {
  cart?: { shipping_address?: AddressLike }
  shipping_address?: AddressLike
  context?: Record<string, unknown>
}

/**
 * Medusa 1.20 passes payment processors the cart's billing address but not its delivery
 * address, so a processor that depends on where the parcel goes (cash on delivery by
 * pincode) would have to read the cart again, on another connection, and miss an
 * address changed earlier in the same transaction (`POST /store/carts/:id` saves the
 * address and refreshes the payment sessions before committing). When the cart was loaded
 * with its delivery address, its country and pincode are added to the processor's
 * `context.context` as `shipping_address: { country_code, postal_code }` (or null).
 * Nothing else changes; other processors ignore the extra key.
 *
 * Processors are called inside Medusa's cart transaction without being given it, so one
 * that reads the cart again takes a second connection while the first is held: ten such
 * checkouts at once hold the whole pool and wait for each other forever. The transaction's
 * manager rides along on the context (`transactionManagerOf`), under a symbol, so it is
 * never saved or sent anywhere.
 */
class PaymentProviderService extends MedusaPaymentProviderService {
  static LIFE_TIME = "SINGLETON"

  protected buildPaymentProcessorContext(cartOrData: Parameters<MedusaPaymentProviderService["buildPaymentProcessorContext"]>[0]) {
    const context = super.buildPaymentProcessorContext(cartOrData) as ProcessorContext
    const address = context.cart && "shipping_address" in context.cart ? context.cart.shipping_address : context.shipping_address
    // A copy: context.context is the cart's own `context` column otherwise.
    context.context = { ...(context.context ?? {}) }
    if (address !== undefined) {
      context.context.shipping_address = address ? { country_code: address.country_code ?? null, postal_code: address.postal_code ?? null } : null
    }
    withTransactionManager(context.context, this.activeManager_)
    return context
  }

  async authorizePayment(...[session, context]: Parameters<MedusaPaymentProviderService["authorizePayment"]>) {
    return super.authorizePayment(session, withTransactionManager({ ...context }, this.activeManager_))
  }
}

const TRANSACTION_MANAGER = Symbol.for("fashion.payment.transactionManager")

function withTransactionManager<T extends object>(context: T, manager: EntityManager): T {
  Object.defineProperty(context, TRANSACTION_MANAGER, { value: manager, enumerable: false })
  return context
}

/** The manager of the transaction a payment processor is being called in, if it was passed. */
export function transactionManagerOf(context: unknown): EntityManager | undefined {
  return context && typeof context === "object" ? ((context as Record<symbol, EntityManager | undefined>)[TRANSACTION_MANAGER] ?? undefined) : undefined
}

export default PaymentProviderService
