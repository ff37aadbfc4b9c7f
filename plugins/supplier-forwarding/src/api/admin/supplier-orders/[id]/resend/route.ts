import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { kickDispatcher } from "../../../../../loaders/supplier-dispatch-loop"
import type SupplierForwardingService from "../../../../../services/supplier-forwarding"
import { actorOf } from "../../../../validation"

/** POST /admin/supplier-orders/:id/resend: sends a failed, rejected or manual-queue supplier order through the supplier's channel. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const supplier_order = await req.scope.resolve<SupplierForwardingService>("supplierForwardingService").resend(req.params.id, actorOf(req as never))
  kickDispatcher(req.scope)
  res.json({ supplier_order })
}
