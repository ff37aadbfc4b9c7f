import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"

/**
 * A body that is not valid JSON (or is larger than the parser's limit) fails in Express's body
 * parser before a route runs, and Medusa's error handler would answer 500 "unknown_error".
 * This turns it into a 400 in Medusa's error shape. It is an Express error middleware (4
 * arguments): list it in a `middlewares.ts` after the parser, for the routes it should cover
 * (each plugin and the backend get their own router, so it only sees the routes listed there).
 */
export function bodyParseErrorsAs400(error: unknown, _req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const e = error as { type?: string; message?: string; status?: number; expose?: boolean; code?: string } | null
  if (e && typeof e === "object" && typeof e.type === "string" && e.type.startsWith("entity.")) {
    const message = e.type === "entity.too.large" ? "The request body is too large" : `The request body is not valid JSON: ${e.message ?? "parse error"}`
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
  }
  // Express could not decode a path parameter ("%ZZ", invalid UTF-8) while matching a route.
  if (error instanceof URIError && !res.headersSent) {
    res.status(400).json({ type: "invalid_data", message: "The path has broken percent-encoding (a % must be followed by two hex digits of valid UTF-8)" })
    return
  }
  // The parser's other refusals (an unsupported charset or Content-Encoding, a body that is
  // not the compression it claims): client errors with a status of their own, answered as such.
  const parserRefusal = e && typeof e === "object" && ((e.expose === true && typeof e.status === "number" && e.status >= 400 && e.status < 500) || /^Z_/.test(e.code ?? ""))
  if (parserRefusal && !res.headersSent) {
    const status = typeof e!.status === "number" && e!.status >= 400 && e!.status < 500 ? e!.status : 400
    res.status(status).json({ type: "invalid_data", message: `The request body could not be read: ${e!.message ?? "bad encoding"}` })
    return
  }
  next(error)
}
