import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { raw } from "express"

/**
 * A body that is not valid JSON (or is too large) fails in Express's body parser before a
 * route runs, and Medusa's error handler would answer 500 "unknown_error". This turns it
 * into a 400 in Medusa's error shape. It is an Express error middleware (4 arguments) and
 * only sees this plugin's routes: each plugin gets its own router.
 */
export function bodyParseErrorsAs400(error: unknown, _req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const e = error as { type?: string; message?: string }
  if (e && typeof e === "object" && typeof e.type === "string" && e.type.startsWith("entity.")) {
    const message = e.type === "entity.too.large" ? "The request body is too large" : `The request body is not valid JSON: ${e.message ?? "parse error"}`
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
  }
  next(error)
}

export const config: MiddlewaresConfig = {
  routes: [
    // Signatures cover the exact bytes: keep them raw, whatever the content type says.
    { matcher: "/hooks/suppliers/:code", bodyParser: false, middlewares: [raw({ type: () => true, limit: "1mb" }), bodyParseErrorsAs400] },
    { matcher: "/admin/suppliers*", middlewares: [bodyParseErrorsAs400] },
    { matcher: "/admin/supplier-orders*", middlewares: [bodyParseErrorsAs400] },
    { matcher: "/admin/supplier-mappings*", middlewares: [bodyParseErrorsAs400] },
    { matcher: "/admin/orders/:id/supplier-orders*", middlewares: [bodyParseErrorsAs400] },
  ],
}
