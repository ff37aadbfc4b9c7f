import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierForwardingService from "../../../../../services/supplier-forwarding"
import { actorOf, markSentSchema, validate } from "../../../../validation"

/** POST /admin/supplier-orders/:id/mark-sent: the merchant passed a manual-queue order on (phone, visit, chat). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { note } = validate(markSentSchema, req.body, "request")
  const supplier_order = await req.scope.resolve<SupplierForwardingService>("supplierForwardingService").markSent(req.params.id, actorOf(req as never), note)
  res.json({ supplier_order })
}
