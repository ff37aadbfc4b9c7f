import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { json } from "express"

/**
 * A body that is not valid JSON (or too large) fails in Express's body parser before a
 * route runs, and Medusa's error handler would answer 500. This answers 400 in Medusa's
 * error shape. Each plugin has its own router, so this sees only this plugin's routes.
 */
export function bodyParseErrorsAs400(error: unknown, _req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const e = error as { type?: string; message?: string }
  if (e && typeof e === "object" && typeof e.type === "string" && e.type.startsWith("entity.")) {
    const message = e.type === "entity.too.large" ? "The request body is too large" : `The request body is not valid JSON: ${e.message ?? "parse error"}`
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
  }
  next(error)
}

// Shiprocket sends JSON, sometimes labelled otherwise: parse whatever arrives as JSON.
const trackingBody = { bodyParser: false as const, middlewares: [json({ type: () => true, limit: "512kb" }), bodyParseErrorsAs400] }

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/hooks/courier-tracking", ...trackingBody },
    { matcher: "/hooks/shiprocket/tracking", ...trackingBody },
    { matcher: "/admin/shiprocket*", middlewares: [bodyParseErrorsAs400] },
  ],
}
