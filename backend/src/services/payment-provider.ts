import { PaymentProviderService as MedusaPaymentProviderService } from "@medusajs/medusa"

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
 */
class PaymentProviderService extends MedusaPaymentProviderService {
  static LIFE_TIME = "SINGLETON"

  protected buildPaymentProcessorContext(cartOrData: Parameters<MedusaPaymentProviderService["buildPaymentProcessorContext"]>[0]) {
    const context = super.buildPaymentProcessorContext(cartOrData) as ProcessorContext
    const address = context.cart && "shipping_address" in context.cart ? context.cart.shipping_address : context.shipping_address
    if (address !== undefined) {
      context.context = {
        ...(context.context ?? {}),
        shipping_address: address ? { country_code: address.country_code ?? null, postal_code: address.postal_code ?? null } : null,
      }
    }
    return context
  }
}

export default PaymentProviderService
