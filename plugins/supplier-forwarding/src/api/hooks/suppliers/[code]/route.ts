import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type SupplierWebhookService from "../../../../services/supplier-webhook"

/** How each refusal reaches the supplier: every one says whether a retry can help. */
const STATUS: Record<string, number> = {
  [MedusaError.Types.UNAUTHORIZED]: 401, // bad signature or stale timestamp: fix the signing, then retry
  [MedusaError.Types.NOT_FOUND]: 404,
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.NOT_ALLOWED]: 409, // the supplier order's state does not allow this move
  [MedusaError.Types.CONFLICT]: 409, // this webhook-id was already processed
}

/**
 * POST /hooks/suppliers/:code: a supplier's signed webhook (Standard Webhooks). The body
 * arrives as raw bytes (see ../../../middlewares.ts): the signature covers them exactly.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
  try {
    const result = await req.scope.resolve<SupplierWebhookService>("supplierWebhookService").receive(req.params.code, raw, req.headers)
    res.status(result.status).json(result.body)
  } catch (error) {
    const e = error as { type?: unknown; message?: string }
    const status = typeof e?.type === "string" ? STATUS[e.type] : undefined
    if (!status) throw error // a real fault: 500, and the supplier retries
    res.status(status).json({ type: e.type, message: e.message })
  }
}
