import { BackendUnavailableError, MedusaError } from "../medusa/client"
import { logServerError } from "../server-log"

/** What a server action tells the form that called it. */
export type ActionResult<F extends string = string> =
  | { ok: true; message?: string }
  | { ok: false; error: string; fieldErrors?: Partial<Record<F, string>> }

/** Turns a failed store call into words for the shopper; unexpected errors are logged, not shown. */
export function failure(error: unknown, fallback: string): { ok: false; error: string } {
  if (error instanceof MedusaError && error.status < 500) return { ok: false, error: friendlyMessage(error.message) }
  if (error instanceof BackendUnavailableError) return { ok: false, error: "The store is not answering right now. Please try again in a moment." }
  void logServerError(fallback, error)
  return { ok: false, error: fallback }
}

/** Medusa's messages name ids and internals; say what the shopper can do instead. */
export function friendlyMessage(message: string): string {
  if (/does not have the required inventory|insufficient inventory|not enough stock/i.test(message)) {
    return "Some items in your bag have just sold out or have fewer units left. Adjust the quantities and try again."
  }
  if (/discount.*(not found|invalid)|not valid|is expired|has been used/i.test(message)) return "That code is not valid. Check it and try again."
  if (/email.*(exists|already)/i.test(message)) return "An account with this email already exists. Log in instead."
  return message
}
