import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { kickDispatcher } from "../../../../../loaders/supplier-dispatch-loop"
import type SupplierForwardingService from "../../../../../services/supplier-forwarding"
import { actorOf, cancelSchema, validate } from "../../../../validation"

/** POST /admin/supplier-orders/:id/cancel: cancels it; a supplier that may have it is sent supplier_order.cancelled. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { reason } = validate(cancelSchema, req.body, "cancellation")
  const supplier_order = await req.scope.resolve<SupplierForwardingService>("supplierForwardingService").cancel(req.params.id, reason ?? `cancelled by ${actorOf(req as never)}`)
  kickDispatcher(req.scope)
  res.json({ supplier_order })
}
