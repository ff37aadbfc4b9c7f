import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import type ShiprocketTrackingService from "../../../../../services/shiprocket-tracking"

/**
 * GET /store/orders/:id/tracking: the order's parcels and their timelines. Like Medusa's own
 * GET /store/orders/:id, a guest order is readable by its (unguessable) id; an order that
 * belongs to a registered customer only by that customer (anyone else gets 404).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = req.params.id
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${id} was not found`)
  if (!/^order_[A-Za-z0-9]{1,60}$/.test(id)) throw notFound
  const manager = req.scope.resolve<EntityManager>("manager")
  const [order] = await manager.query(`SELECT o.id, o.customer_id, c.has_account FROM "order" o LEFT JOIN customer c ON c.id = o.customer_id WHERE o.id = $1`, [id])
  const caller = (req as MedusaRequest & { user?: { customer_id?: string } }).user?.customer_id ?? null
  if (!order || (order.has_account && caller !== order.customer_id)) throw notFound
  res.setHeader("cache-control", "private, max-age=30")
  res.json(await req.scope.resolve<ShiprocketTrackingService>("shiprocketTrackingService").storeTimeline(id))
}
