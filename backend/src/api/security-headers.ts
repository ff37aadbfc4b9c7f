import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { securityHeaders } from "../core/security-headers"

const production = process.env.NODE_ENV === "production"

/** Sets the security headers (core/security-headers.ts) before any route answers. */
export function setSecurityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  for (const [name, value] of Object.entries(securityHeaders((req.originalUrl ?? req.url).split("?")[0], production))) res.setHeader(name, value)
  next()
}
