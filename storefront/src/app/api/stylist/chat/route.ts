import { NextResponse, type NextRequest } from "next/server"
import { getRegion } from "@/lib/data/regions"
import { sendStylistChat } from "@/lib/data/stylist"
import { chatRequestBody, normaliseChatResponse, readChatForm } from "@/lib/core/stylist"
import { BackendUnavailableError } from "@/lib/medusa/client"
import { clearStylistSessionId, getStylistSessionId, setStylistSessionId } from "@/lib/session"
import { logServerError } from "@/lib/server-log"

const NO_STORE = { "cache-control": "no-store" }

/**
 * The stylist page's chat. The browser never talks to the backend itself: the shopper's
 * login and conversation live in httpOnly cookies, added here. Answers as the stylist's
 * event stream, passed on as it arrives, or as one JSON answer when the store cannot
 * stream (no streaming route, or `stream: false`).
 *
 * A conversation the stylist no longer knows (404: expired, deleted, another customer's)
 * is started afresh at once; the `x-stylist-new-conversation` header tells the page so.
 */
export async function POST(request: NextRequest) {
  const input = (await request.json().catch(() => null)) as Record<string, unknown> | null
  if (!input || typeof input !== "object") return NextResponse.json({ type: "invalid_data", message: "Send the message as JSON" }, { status: 400, headers: NO_STORE })
  const country = typeof input.country === "string" ? input.country : ""
  const region = await getRegion(country).catch(() => null)
  if (!region) return NextResponse.json({ type: "invalid_data", message: "Unknown country" }, { status: 400, headers: NO_STORE })
  const { value, fieldErrors } = readChatForm({ get: (name) => (typeof input[name] === "string" || typeof input[name] === "number" ? String(input[name]) : null) })
  const firstError = Object.values(fieldErrors)[0]
  if (firstError) return NextResponse.json({ type: "invalid_data", message: firstError, field_errors: fieldErrors }, { status: 400, headers: NO_STORE })

  // The stylist's per-IP limit believes x-forwarded-for from our own hops: pass on the address the hop before us saw, not one a shopper typed.
  const forwardedFor = request.headers.get("x-forwarded-for")?.split(",").pop()?.trim() || null
  let sessionId = input.fresh === true ? null : await getStylistSessionId(country)
  let stream = input.stream !== false
  let restarted = false
  const send = () => sendStylistChat(chatRequestBody(value, region.id, sessionId), { stream, forwardedFor, signal: request.signal })

  let res: Response
  try {
    res = await send()
    if (res.status === 404 && sessionId) {
      await res.body?.cancel()
      await clearStylistSessionId(country)
      sessionId = null
      restarted = true
      res = await send()
    }
    // Without a session a 404 cannot mean "conversation ended": the store has no streaming route.
    if (stream && (res.status === 405 || res.status === 501 || (res.status === 404 && !sessionId))) {
      await res.body?.cancel()
      stream = false
      res = await send()
    }
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) await logServerError("The stylist could not be asked:", error)
    return NextResponse.json({ message: "Our stylist is not answering right now. Please try again in a moment." }, { status: 503, headers: NO_STORE })
  }

  const headers: Record<string, string> = { ...NO_STORE, ...(restarted ? { "x-stylist-new-conversation": "1" } : {}) }
  if (res.ok && (res.headers.get("content-type") ?? "").includes("text/event-stream") && res.body) {
    // no-transform keeps Next's compression from holding events back to fill a block.
    return new Response(res.body, {
      status: 200,
      headers: { ...headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no" },
    })
  }

  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null
  if (!res.ok) {
    const retryAfter = res.headers.get("retry-after")
    const message = typeof body?.message === "string" ? body.message : ""
    // A 404 here, with any ended conversation already restarted above, means no stylist at all.
    const status = res.status === 400 || res.status === 429 ? res.status : res.status === 404 || res.status >= 500 ? 503 : res.status
    if (res.status >= 500) console.warn(`The stylist answered ${res.status}:`, message)
    return NextResponse.json({ message, type: body?.type }, { status, headers: { ...headers, ...(retryAfter ? { "retry-after": retryAfter } : {}) } })
  }
  const answer = normaliseChatResponse(body)
  if (!answer) return NextResponse.json({ message: "" }, { status: 502, headers })
  // A plain answer's headers are still ours to set: keep the conversation here.
  await setStylistSessionId(country, answer.session_id)
  return NextResponse.json(answer, { headers })
}
