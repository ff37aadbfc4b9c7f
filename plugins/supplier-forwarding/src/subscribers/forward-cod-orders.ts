import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type SupplierForwardingService from "../services/supplier-forwarding"
import { kickDispatcher } from "../loaders/supplier-dispatch-loop"

/**
 * Cash-on-delivery orders go to their suppliers as soon as they are placed.
 * Each subscriber names its own event: Medusa 1.20's local event bus does not pass the
 * event name to subscribers.
 */
export default async function forwardCodOrders({ data, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  const result = await container.resolve<SupplierForwardingService>("supplierForwardingService").forwardOnEvent("order.placed", data.id)
  if (result?.created) kickDispatcher(container)
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "supplier-forwarding-cod-orders" } }
