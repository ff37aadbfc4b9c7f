import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type SupplierForwardingService from "../services/supplier-forwarding"

/**
 * Cash-on-delivery orders go to their suppliers as soon as they are placed.
 * Each subscriber names its own event: Medusa 1.20's local event bus does not pass the
 * event name to subscribers.
 */
export default async function forwardCodOrders({ data, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await container.resolve<SupplierForwardingService>("supplierForwardingService").forwardOnEvent("order.placed", data.id)
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "supplier-forwarding-cod-orders" } }
