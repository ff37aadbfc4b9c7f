/**
 * What one delivery attempt's answer means for the message: delivered, worth another try,
 * or refused for good (a person has to fix something before a resend).
 */
import { isPermanentHttpFailure } from "./retry-policy"

export type DeliveryOutcome = { delivered: true; detail: string } | { delivered: false; permanent: boolean; error: string }

export function outcomeOfHttpAnswer(status: number, body: string): DeliveryOutcome {
  const excerpt = body.replace(/\s+/g, " ").trim().slice(0, 300)
  if (status >= 200 && status < 300) return { delivered: true, detail: `HTTP ${status}` }
  return { delivered: false, permanent: isPermanentHttpFailure(status), error: `HTTP ${status}${excerpt ? `: ${excerpt}` : ""}` }
}

/** Connection refused, reset, DNS or timeout: the supplier may be down for a while; try again. */
export function outcomeOfNetworkError(error: { name?: string; message?: string; cause?: { code?: string; message?: string } }): DeliveryOutcome {
  const code = error.cause?.code
  const reason = error.name === "TimeoutError" || error.name === "AbortError" ? "no answer before the timeout" : code ?? error.cause?.message ?? error.message ?? "network error"
  return { delivered: false, permanent: false, error: `not delivered: ${reason}` }
}
