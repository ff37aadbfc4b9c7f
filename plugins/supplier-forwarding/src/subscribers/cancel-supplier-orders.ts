import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type SupplierForwardingService from "../services/supplier-forwarding"
import { kickDispatcher } from "../loaders/supplier-dispatch-loop"

/** Cancelling our order cancels its supplier orders; suppliers that may have it are sent `supplier_order.cancelled`. */
export default async function cancelSupplierOrders({ data, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  const result = await container.resolve<SupplierForwardingService>("supplierForwardingService").cancelForOrder(data.id, "the customer's order was cancelled")
  if (result.cancelled) kickDispatcher(container)
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "supplier-forwarding-cancel-orders" } }
