import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { kickShiprocketLoop } from "../loaders/shiprocket-loop"
import type ShiprocketShipmentService from "../services/shiprocket-shipment"

type Data = { id: string; fulfillment_id?: string; return_id?: string }

/**
 * A fulfillment or a return made with a Shiprocket shipping option becomes a parcel to
 * book. Recording is all that happens here; the loop books it (and a sweep records those
 * whose event was lost).
 */
export default async function recordShiprocketParcels({ data, container }: SubscriberArgs<Data>): Promise<void> {
  const shipments = container.resolve<ShiprocketShipmentService>("shiprocketShipmentService")
  // Told apart by their data: Medusa's local event bus does not pass the event name.
  const recorded = data?.fulfillment_id
    ? await shipments.recordForFulfillment(data.fulfillment_id)
    : data?.return_id
      ? await shipments.recordForReturn(data.return_id)
      : null
  if (recorded) kickShiprocketLoop(container)
}

export const config: SubscriberConfig = {
  event: ["order.fulfillment_created", "order.return_requested"],
  context: { subscriberId: "shiprocket-record-parcels" },
}
