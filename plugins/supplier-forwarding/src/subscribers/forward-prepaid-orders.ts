import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type SupplierForwardingService from "../services/supplier-forwarding"
import { kickDispatcher } from "../loaders/supplier-dispatch-loop"

/**
 * Prepaid orders (Razorpay, Stripe) go to their suppliers once the payment is captured.
 * Each subscriber names its own event: Medusa 1.20's local event bus does not pass the
 * event name to subscribers.
 */
export default async function forwardPrepaidOrders({ data, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  const result = await container.resolve<SupplierForwardingService>("supplierForwardingService").forwardOnEvent("order.payment_captured", data.id)
  if (result?.created) kickDispatcher(container)
}

export const config: SubscriberConfig = { event: "order.payment_captured", context: { subscriberId: "supplier-forwarding-prepaid-orders" } }
