import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requestContextFor, runInRequestContext } from "../observability/request-context"

/**
 * The first project middleware: the request id (chosen when Node announced the request,
 * see observability/http-instrumentation.ts, or here when that is not running) is answered
 * in `x-request-id` and the rest of the request runs in its context, where
 * currentRequestId() finds it. Medusa's own `req.requestId` took the raw header unchecked;
 * it gets the checked id.
 */
export function withRequestId(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const context = requestContextFor(req, res)
  ;(req as { requestId?: string }).requestId = context.requestId
  runInRequestContext(context, next)
}
