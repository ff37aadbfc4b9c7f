/**
 * The AI stylist (plugins/ai-stylist) as the storefront reads it: the chat's server-sent
 * events, its answers made safe to render whatever arrives, the shopper's form, the
 * session id we keep for her, and what to tell her when the stylist says no.
 * Amounts here are in major units (₹1,099, $49.99), as the stylist sends them.
 */
import { formatMoney, majorToMinor } from "./money"

export type Engine = "openai" | "offline"

export type StylistItem = {
  product_id: string
  variant_id: string
  handle: string
  title: string
  category: string
  size: string
  color: string
  unit_price: number
  currency: string
  thumbnail: string | null
}

export type Outfit = { title: string; rationale: string; items: StylistItem[]; total: number; currency: string }

export type Alternative = { label: string; items: StylistItem[]; outfits: Outfit[] }

export type ChatResponse = {
  session_id: string
  engine: Engine
  reply: string
  outfits: Outfit[]
  follow_ups: string[]
  alternatives: Alternative[]
  notes: string[]
}

export type SessionMessage = { role: "shopper" | "stylist"; text: string; outfits: Outfit[]; created_at: string | null }

export type StylistSession = { id: string; region_id: string; expires_at: string | null; messages: SessionMessage[] }

export const MAX_MESSAGE_LENGTH = 1000
/** The backend refuses larger budgets; a typo of a few extra zeros is better said here. */
export const MAX_BUDGET = 100_000_000
export const SIZES = ["XS", "S", "M", "L", "XL", "XXL"] as const

// ---------------------------------------------------------------------------------------
// Server-sent events
// ---------------------------------------------------------------------------------------

export type SseEvent = { event: string; data: string }

/**
 * A parser for `text/event-stream` fed in whatever pieces the network delivers: a line, an
 * event or a "\r\n" may be split across chunks. Follows the HTML spec's rules: `data:` lines
 * join with "\n", one space after the colon is dropped, `:` lines are comments, an event
 * without data is not dispatched, and an unnamed event is "message".
 */
export function createSseParser(): { push(chunk: string): SseEvent[]; end(): SseEvent[] } {
  let buffer = ""
  let event = ""
  let data: string[] = []
  let hasData = false

  function line(text: string, out: SseEvent[]) {
    if (text === "") {
      if (hasData) out.push({ event: event || "message", data: data.join("\n") })
      event = ""
      data = []
      hasData = false
      return
    }
    if (text.startsWith(":")) return
    const colon = text.indexOf(":")
    const field = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? "" : text.slice(colon + 1)
    if (value.startsWith(" ")) value = value.slice(1)
    if (field === "event") event = value
    else if (field === "data") {
      data.push(value)
      hasData = true
    }
  }

  function drain(final: boolean): SseEvent[] {
    const out: SseEvent[] = []
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer)
      if (!match) break
      // A lone "\r" at the end may be the first half of "\r\n": wait for the next chunk.
      if (match[0] === "\r" && match.index === buffer.length - 1 && !final) break
      line(buffer.slice(0, match.index), out)
      buffer = buffer.slice(match.index + match[0].length)
    }
    return out
  }

  return {
    push(chunk) {
      buffer += chunk
      return drain(false)
    },
    end() {
      const out = drain(true)
      // The spec drops an event the stream did not finish with a blank line; so do we.
      buffer = ""
      event = ""
      data = []
      hasData = false
      return out
    },
  }
}

/** Every event in a whole `text/event-stream` body (a browser that cannot read the stream as it comes). */
export function parseSse(text: string): SseEvent[] {
  const parser = createSseParser()
  return [...parser.push(text), ...parser.end()]
}

export type StylistEvent =
  | { type: "status"; stage: string; message: string }
  | { type: "reply"; delta: string }
  | { type: "outfit"; outfit: Outfit }
  | { type: "done"; response: ChatResponse }
  | { type: "error"; status: number; message: string }

/** One SSE event as the chat reads it; null for anything it does not know or cannot read (skipped, never fatal). */
export function toStylistEvent(raw: SseEvent): StylistEvent | null {
  let body: unknown
  try {
    body = JSON.parse(raw.data)
  } catch {
    return null
  }
  const o = record(body)
  switch (raw.event) {
    case "status": {
      const message = text(o.message)
      return message ? { type: "status", stage: text(o.stage), message } : null
    }
    case "reply": {
      const delta = typeof o.delta === "string" ? o.delta : ""
      return delta ? { type: "reply", delta } : null
    }
    case "outfit": {
      const outfit = normaliseOutfit(o.outfit)
      return outfit ? { type: "outfit", outfit } : null
    }
    case "done": {
      const response = normaliseChatResponse(body)
      return response ? { type: "done", response } : { type: "error", status: 502, message: "" }
    }
    case "error": {
      const status = Number(o.status)
      return { type: "error", status: Number.isInteger(status) && status >= 400 && status < 600 ? status : 500, message: text(o.message) }
    }
    default:
      return null
  }
}

// ---------------------------------------------------------------------------------------
// Answers, made safe to render
// ---------------------------------------------------------------------------------------

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : ""
}

function amount(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : null
}

function list<T>(value: unknown, read: (v: unknown) => T | null): T[] {
  return Array.isArray(value) ? value.map(read).filter((v): v is T => v !== null) : []
}

function strings(value: unknown): string[] {
  return list(value, (v) => text(v) || null)
}

/** An item the shopper can see and buy, or null: without a variant, a handle, a title or a price it cannot be either. */
export function normaliseItem(value: unknown): StylistItem | null {
  const o = record(value)
  const price = amount(o.unit_price)
  const variant_id = text(o.variant_id)
  const handle = text(o.handle)
  const title = text(o.title)
  const currency = text(o.currency).toLowerCase()
  if (!variant_id || !handle || !title || price === null || !currency) return null
  return {
    product_id: text(o.product_id),
    variant_id,
    handle,
    title,
    category: text(o.category),
    size: text(o.size),
    color: text(o.color),
    unit_price: price,
    currency,
    thumbnail: text(o.thumbnail) || null,
  }
}

/** An outfit with at least one readable item; its total is the stylist's, or the items' sum when it sent none. */
export function normaliseOutfit(value: unknown): Outfit | null {
  const o = record(value)
  const items = list(o.items, normaliseItem)
  if (!items.length) return null
  const currency = text(o.currency).toLowerCase() || items[0].currency
  const total = amount(o.total) ?? Math.round(items.reduce((sum, i) => sum + i.unit_price, 0) * 100) / 100
  return { title: text(o.title) || "A look for you", rationale: text(o.rationale), items, total, currency }
}

export function normaliseAlternative(value: unknown): Alternative | null {
  const o = record(value)
  const items = list(o.items, normaliseItem)
  const outfits = list(o.outfits, normaliseOutfit)
  if (!items.length && !outfits.length) return null
  return { label: text(o.label) || "Something close", items, outfits }
}

/** The chat's answer (POST /store/stylist/chat, or the stream's `done`); null without a session or anything to say. */
export function normaliseChatResponse(value: unknown): ChatResponse | null {
  const o = record(value)
  const session_id = text(o.session_id)
  const reply = typeof o.reply === "string" ? o.reply.trim() : ""
  const outfits = list(o.outfits, normaliseOutfit)
  const alternatives = list(o.alternatives, normaliseAlternative)
  if (!session_id || (!reply && !outfits.length && !alternatives.length)) return null
  return {
    session_id,
    engine: o.engine === "openai" ? "openai" : "offline",
    reply,
    outfits,
    follow_ups: strings(o.follow_ups).slice(0, 6),
    alternatives,
    notes: strings(o.notes),
  }
}

/** GET /store/stylist/sessions/:id (either `{session}` or the session itself); null when unreadable. */
export function normaliseSession(value: unknown): StylistSession | null {
  const outer = record(value)
  const o = record(outer.session ?? value)
  const id = text(o.id)
  if (!id) return null
  const messages = list(o.messages, (m): SessionMessage | null => {
    const r = record(m)
    const role = r.role === "shopper" || r.role === "stylist" ? r.role : null
    const body = typeof r.text === "string" ? r.text.trim() : ""
    const outfits = list(r.outfits, normaliseOutfit)
    if (!role || (!body && !outfits.length)) return null
    return { role, text: body, outfits, created_at: text(r.created_at) || null }
  })
  return { id, region_id: text(o.region_id), expires_at: text(o.expires_at) || null, messages }
}

/** A stylist amount (major units) as the store shows money everywhere else: "₹1,099", "$49.99". */
export function stylistMoney(amount: number, currency: string): string {
  return formatMoney(majorToMinor(amount, currency), currency)
}

/** Who answered, in the shopper's words. */
export function engineLabel(engine: Engine): string {
  return engine === "openai" ? "Answered by our AI stylist" : "Answered by our catalogue stylist (offline)"
}

// ---------------------------------------------------------------------------------------
// One stylist answer as it streams in
// ---------------------------------------------------------------------------------------

export type LiveAnswer = {
  /** The latest "what I am doing" line, shown while she waits. */
  status: string | null
  reply: string
  outfits: Outfit[]
  /** Set once the answer is complete (the `done` event or the plain answer). */
  response: ChatResponse | null
  error: { status: number; message: string } | null
}

export const emptyAnswer = (): LiveAnswer => ({ status: null, reply: "", outfits: [], response: null, error: null })

/**
 * The answer after one more event. `done` is the truth: its reply and outfits replace
 * whatever streamed before (the server may have dropped or rewritten a piece since).
 */
export function applyStylistEvent(answer: LiveAnswer, event: StylistEvent): LiveAnswer {
  if (answer.response || answer.error) return answer
  switch (event.type) {
    case "status":
      return { ...answer, status: event.message }
    case "reply":
      return { ...answer, reply: answer.reply + event.delta }
    case "outfit":
      return { ...answer, outfits: [...answer.outfits, event.outfit] }
    case "done":
      return { ...answer, status: null, reply: event.response.reply, outfits: event.response.outfits, response: event.response }
    case "error":
      return { ...answer, status: null, error: { status: event.status, message: event.message } }
  }
}

// ---------------------------------------------------------------------------------------
// The shopper's form
// ---------------------------------------------------------------------------------------

export type ChatContext = { budget?: number; size?: string }
export type ChatForm = { message: string; context: ChatContext }
export type ChatFormField = "message" | "budget" | "size"

type FormLike = { get(name: string): FormDataEntryValue | null }

/** "3000", "3,000", "₹ 3,000", "Rs. 2500", "$60", "49.99" → the number; null when it is not one. */
export function parseBudget(raw: string): number | null {
  const cleaned = raw.replace(/^\s*(₹|rs\.?|inr|\$|usd)\s*/i, "").replace(/[,\s]/g, "")
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null
  return Number(cleaned)
}

/** The message, and the optional budget and size sent as `context`, checked as the backend would. */
export function readChatForm(form: FormLike): { value: ChatForm; fieldErrors: Partial<Record<ChatFormField, string>> } {
  const fieldErrors: Partial<Record<ChatFormField, string>> = {}
  const message = String(form.get("message") ?? "").trim()
  if (!message) fieldErrors.message = "Tell the stylist what you are looking for"
  else if (message.length > MAX_MESSAGE_LENGTH) fieldErrors.message = `Keep your message under ${MAX_MESSAGE_LENGTH.toLocaleString("en-US")} characters (it has ${message.length.toLocaleString("en-US")})`

  const context: ChatContext = {}
  const budgetText = String(form.get("budget") ?? "").trim()
  if (budgetText) {
    const budget = parseBudget(budgetText)
    if (budget === null) fieldErrors.budget = "Enter your budget as a number, like 3000"
    else if (budget <= 0) fieldErrors.budget = "Enter a budget above 0"
    else if (budget > MAX_BUDGET) fieldErrors.budget = "That budget is too large"
    else context.budget = budget
  }
  const size = String(form.get("size") ?? "").trim().toUpperCase()
  if (size) {
    if ((SIZES as readonly string[]).includes(size)) context.size = size
    else fieldErrors.size = `Choose a size from ${SIZES[0]} to ${SIZES[SIZES.length - 1]}`
  }
  return { value: { message, context }, fieldErrors }
}

/** The body of POST /store/stylist/chat: optional fields only when there is something to send (the backend refuses unknown keys). */
export function chatRequestBody(form: ChatForm, regionId: string, sessionId: string | null): Record<string, unknown> {
  const context = Object.fromEntries(Object.entries(form.context).filter(([, v]) => v !== undefined && v !== ""))
  return {
    ...(sessionId ? { session_id: sessionId } : {}),
    message: form.message,
    region_id: regionId,
    ...(Object.keys(context).length ? { context } : {}),
  }
}

// ---------------------------------------------------------------------------------------
// The session id we keep for her
// ---------------------------------------------------------------------------------------

/**
 * Conversations are kept per country (the session is bound to its region's currency and
 * catalogue), in an httpOnly cookie: the page shows the conversation again on reload from
 * the server, and page scripts never hold it between visits.
 */
export function sessionCookieName(countryCode: string): string {
  return `zari_stylist_${countryCode.toLowerCase().replace(/[^a-z]/g, "")}`
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,100}$/

/** A session id as the stylist issues them; anything else (a tampered cookie) is not sent on. */
export function readSessionId(value: string | null | undefined): string | null {
  const id = value?.trim() ?? ""
  return SESSION_ID.test(id) ? id : null
}

/** A conversation kept for a day: the stylist may forget it sooner (404), and then a new one starts. */
export const SESSION_COOKIE_MAX_AGE = 60 * 60 * 24

// ---------------------------------------------------------------------------------------
// When the stylist says no
// ---------------------------------------------------------------------------------------

/** Retry-After as seconds to wait: either seconds or an HTTP date (against `now`); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, now: number): number | null {
  const value = header?.trim()
  if (!value) return null
  if (/^\d+$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

function waitWords(seconds: number): string {
  if (seconds <= 1) return "in a moment"
  if (seconds < 60) return `in ${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? "in a minute" : `in ${minutes} minutes`
}

/**
 * What to tell the shopper for a refusal, in plain words. The backend's 400s name fields
 * ("context.budget must be more than 0"); she typed a message, a budget and a size.
 */
export function stylistErrorText(status: number, message: string, retryAfter: number | null = null): string {
  if (status === 429) return `Our stylist is getting a lot of questions right now. Please try again ${retryAfter !== null ? waitWords(retryAfter) : "in a minute"}.`
  if (status === 400) {
    if (/budget/i.test(message)) return "Please check your budget: enter it as a number above 0, like 3000."
    if (/size/i.test(message)) return "Please check your size: choose one from the list, or leave it empty."
    if (/message/i.test(message) && /at most|too long|characters/i.test(message)) return `Your message is too long. Please keep it under ${MAX_MESSAGE_LENGTH.toLocaleString("en-US")} characters.`
    if (/message/i.test(message)) return "Please type a message for the stylist."
    return "The stylist could not read that request. Please rephrase it and try again."
  }
  if (status === 404) return "Your earlier conversation has ended. Please ask again to start a new one."
  if (status === 503 || status === 502 || status === 504) return "Our stylist is not answering right now. Please try again in a moment."
  return "Something went wrong while the stylist was answering. Please try again."
}

/** The add-the-look action's report: what went in, and each item that did not with why. */
export type AddLookResult = { ok: boolean; added: string[]; failed: { variant_id: string; error: string }[]; message?: string; error?: string }

/** "Added 3 items to your bag", or which pieces could not go in and why. */
export function addLookText(items: Pick<StylistItem, "variant_id" | "title" | "size">[], result: Pick<AddLookResult, "added" | "failed">): { ok: boolean; text: string } {
  const added = result.added.length
  const noun = (n: number) => `${n} ${n === 1 ? "item" : "items"}`
  if (!result.failed.length) return { ok: true, text: `Added ${noun(added)} to your bag` }
  const names = result.failed.map((f) => {
    const item = items.find((i) => i.variant_id === f.variant_id)
    return item ? `${item.title}${item.size ? ` (${item.size})` : ""}` : "One item"
  })
  const reasons = Array.from(new Set(result.failed.map((f) => f.error).filter(Boolean)))
  const why = reasons.length === 1 ? ` ${reasons[0]}` : ""
  const head = added ? `Added ${noun(added)} to your bag; ` : ""
  return { ok: false, text: `${head}${names.join(", ")} could not be added.${why}`.replace(/^(\w)/, (c) => c.toUpperCase()) }
}
