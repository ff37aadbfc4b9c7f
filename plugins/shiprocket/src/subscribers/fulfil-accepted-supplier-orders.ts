import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type ShiprocketShipmentService from "../services/shiprocket-shipment"

type Data = { id: string; order_id: string; pickup_location: string | null }

/**
 * A supplier with a Shiprocket pickup location accepted its part of an order shipped with
 * a Shiprocket option: its items become a fulfillment, which books the courier at the
 * supplier's door (the supplier only packs).
 */
export default async function fulfilAcceptedSupplierOrders({ data, container }: SubscriberArgs<Data>): Promise<void> {
  if (!data?.id || !data.pickup_location) return
  await container.resolve<ShiprocketShipmentService>("shiprocketShipmentService").fulfilSupplierOrder(data.id)
}

export const config: SubscriberConfig = { event: "supplier_order.accepted", context: { subscriberId: "shiprocket-fulfil-accepted-supplier-orders" } }
