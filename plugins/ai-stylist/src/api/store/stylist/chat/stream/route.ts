import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type StylistService from "../../../../../services/stylist"
import type StylistSessionService from "../../../../../services/stylist-session"
import { readChatCall } from "../../../../chat-input"

const WORDS_PER_DELTA = 4

/**
 * The chat as server-sent events: `status` while it works, then the checked answer as
 * `reply` deltas and one `outfit` per look, then `done` with the whole answer. Nothing of
 * a model's answer is sent before the guarantees have run on it. Errors after the stream
 * has started arrive as an `error` event with the status the plain route would give.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const call = await readChatCall(req, res)
  if (!call) return
  // A conversation that is not the caller's (or is gone) is refused before the stream starts:
  // the plain route's 404, not a 200 stream that carries it as an error event.
  if (call.request.session_id) await req.scope.resolve<StylistSessionService>("stylistSessionService").retrieve(call.request.session_id, call.who)
  res.status(200)
  // no-transform keeps the compression middleware from holding events back.
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8")
  res.setHeader("Cache-Control", "no-cache, no-transform")
  res.setHeader("Connection", "keep-alive")
  res.setHeader("X-Accel-Buffering", "no")
  res.flushHeaders()
  const send = (event: string, data: unknown) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    ;(res as MedusaResponse & { flush?: () => void }).flush?.()
  }
  try {
    const answer = await req.scope.resolve<StylistService>("stylistService").chat(call.request, call.who, (progress) => send("status", progress))
    const words = answer.reply.split(/(?<=\s)/)
    for (let i = 0; i < words.length; i += WORDS_PER_DELTA) send("reply", { delta: words.slice(i, i + WORDS_PER_DELTA).join("") })
    for (const outfit of answer.outfits) send("outfit", { outfit })
    send("done", answer)
  } catch (error) {
    const e = error as { type?: string; message?: string }
    const status = e.type === "not_found" ? 404 : e.type === "invalid_data" ? 400 : 500
    send("error", { status, message: status === 500 ? "The stylist could not answer just now. Please try again." : e.message })
    if (status === 500) req.scope.resolve<{ error(e: unknown): void }>("logger").error(error)
  } finally {
    res.end()
  }
}
