import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { ensureValid } from "@fashion/plugin-kit"
import { ChatRequest, clientAddress, validateChatRequest } from "../core"
import type StylistRateLimiterService from "../services/stylist-rate-limiter"
import type { Requester } from "../services/stylist-session"

export type ChatCall = { request: ChatRequest; who: Requester & { ip: string } }

/** Who is asking: the signed-in customer when there is one (guests own their conversation by its id). */
export function requesterOf(req: MedusaRequest): Requester & { ip: string } {
  const user = (req as MedusaRequest & { user?: { customer_id?: string } }).user
  return { customer_id: user?.customer_id ?? null, ip: clientAddress(req.socket?.remoteAddress ?? req.ip, req.headers["x-forwarded-for"]) }
}

/**
 * The chat body checked (400 naming the field) and the caller within the rate limits
 * (429 with Retry-After); null when the answer has already been sent.
 */
export async function readChatCall(req: MedusaRequest, res: MedusaResponse): Promise<ChatCall | null> {
  const request = ensureValid(validateChatRequest(req.body), "chat")
  const who = requesterOf(req)
  const decision = await req.scope.resolve<StylistRateLimiterService>("stylistRateLimiterService").consume(who)
  if (!decision.allowed) {
    res.setHeader("Retry-After", String(decision.retry_after_s))
    res.status(429).json({
      type: "rate_limited",
      message: `Too many messages to the stylist (${decision.limit} a minute per ${decision.per === "ip" ? "connection" : "shopper"}). Try again in ${decision.retry_after_s} seconds.`,
    })
    return null
  }
  return { request, who }
}
