import type { MedusaRequest } from "@medusajs/medusa"
import type ShiprocketShipmentService from "../../../services/shiprocket-shipment"
import type { ShipmentRow } from "../../../services/shiprocket-shipment"
import type ShiprocketTrackingService from "../../../services/shiprocket-tracking"

const num = (v: string | null): number | null => (v === null || v === undefined ? null : Number(v))

/** Shipments as the admin shows them: every field, Shiprocket ids as numbers, and their events. */
export async function presentShipments(req: MedusaRequest, rows: ShipmentRow[]) {
  const events = await req.scope.resolve<ShiprocketTrackingService>("shiprocketTrackingService").eventsFor(rows.map((r) => r.id))
  return rows.map((r) => {
    const { claimed_until: _claimed, create_requested_at: _requested, ...rest } = r
    return {
      ...rest,
      sr_order_id: num(r.sr_order_id),
      sr_shipment_id: num(r.sr_shipment_id),
      events: (events.get(r.id) ?? []).map(({ stage, label, status_id, at, location, activity, source }) => ({ stage, label, status_id, at, location, activity, source })),
    }
  })
}

export function shipmentService(req: MedusaRequest): ShiprocketShipmentService {
  return req.scope.resolve<ShiprocketShipmentService>("shiprocketShipmentService")
}
