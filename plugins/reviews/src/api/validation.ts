import type { MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"

/**
 * Medusa's error handler answers a DUPLICATE_ERROR with 422 and replaces the message of a
 * CONFLICT with a generic one about idempotency keys. A second review of the same size is a
 * conflict the shopper must read about, so it is answered here: 409 with the message kept.
 */
export function answerDuplicateAs409(error: unknown, res: MedusaResponse): boolean {
  const e = error as { type?: unknown; message?: string } | null
  if (e && e.type === MedusaError.Types.DUPLICATE_ERROR) {
    res.status(409).json({ type: "duplicate_error", code: "invalid_request_error", message: e.message })
    return true
  }
  return false
}
