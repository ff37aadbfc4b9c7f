"use client"

import { useEffect, useId, useRef, useState } from "react"
import {
  MAX_MESSAGE_LENGTH,
  SIZES,
  applyStylistEvent,
  createSseParser,
  emptyAnswer,
  engineLabel,
  normaliseChatResponse,
  parseSse,
  retryAfterSeconds,
  stylistErrorText,
  toStylistEvent,
  readChatForm,
  type ChatContext,
  type ChatFormField,
  type LiveAnswer,
  type SseEvent,
} from "@/lib/core/stylist"
import { endStylistConversation, keepStylistSession } from "@/lib/actions/stylist"
import { LookItem, OutfitCard } from "./outfit-card"
import { AddLookButton } from "./add-look-button"

export type Turn =
  | { id: string; role: "shopper"; text: string }
  /** `restored`: from an earlier visit, complete but without its suggestions and alternatives. */
  | { id: string; role: "stylist"; answer: LiveAnswer; restored?: boolean; errorText?: string; notice?: string }

type Payload = { country: string; message: string; fresh?: boolean; stream?: boolean } & ChatContext

const NEW_CONVERSATION_NOTICE = "Your earlier conversation had ended, so the stylist started a new one."

let turnIds = 0
const nextId = () => `turn-${++turnIds}`

/**
 * The stylist's conversation: her messages and its replies, streamed in as they are
 * written (status lines while it searches, the reply word by word, each look as it is
 * chosen). Talks to /api/stylist/chat, which adds her login and conversation from cookies.
 */
export function StylistChat({
  countryCode,
  currencySymbol,
  initialTurns,
  initialSessionId,
  examples,
}: {
  countryCode: string
  currencySymbol: string
  initialTurns: Turn[]
  initialSessionId: string | null
  examples: string[]
}) {
  const id = useId()
  const [turns, setTurns] = useState<Turn[]>(initialTurns)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState("")
  const [budget, setBudget] = useState("")
  const [size, setSize] = useState("")
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ChatFormField, string>>>({})
  const [announcement, setAnnouncement] = useState("")
  const [resetNote, setResetNote] = useState<string | null>(null)
  const sessionRef = useRef<string | null>(initialSessionId)
  const inflight = useRef<AbortController | null>(null)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const lastTurnRef = useRef<HTMLLIElement>(null)

  useEffect(() => () => inflight.current?.abort(), [])
  const turnCount = turns.length
  useEffect(() => {
    if (turnCount > initialTurns.length) lastTurnRef.current?.scrollIntoView({ block: "nearest" })
  }, [turnCount, initialTurns.length])

  function updateAnswer(turnId: string, change: Partial<Extract<Turn, { role: "stylist" }>>) {
    setTurns((all) => all.map((t) => (t.id === turnId && t.role === "stylist" ? { ...t, ...change } : t)))
  }

  /** One request; the answer as it stands when the response ends. */
  async function request(turnId: string, payload: Payload, signal: AbortSignal): Promise<LiveAnswer> {
    const res = await fetch("/api/stylist/chat", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream, application/json" },
      body: JSON.stringify(payload),
      signal,
    })
    if (res.headers.get("x-stylist-new-conversation") === "1") updateAnswer(turnId, { notice: NEW_CONVERSATION_NOTICE })
    const type = res.headers.get("content-type") ?? ""
    if (res.ok && type.includes("text/event-stream")) {
      let answer = emptyAnswer()
      let seen = 0
      const take = (events: SseEvent[]) => {
        for (const raw of events) {
          const event = toStylistEvent(raw)
          if (!event) continue
          seen++
          answer = applyStylistEvent(answer, event)
          if (event.type === "status") setAnnouncement(event.message)
        }
        if (events.length) updateAnswer(turnId, { answer })
      }
      const reader = res.body?.getReader()
      if (reader) {
        const parser = createSseParser()
        const decoder = new TextDecoder()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          take(parser.push(decoder.decode(value, { stream: true })))
        }
        take(parser.push(decoder.decode()))
        take(parser.end())
      } else {
        // A browser that cannot read a response as it arrives gets the whole stream at once.
        take(parseSse(await res.text()))
      }
      // Nothing at all came through (a proxy that swallows streams): ask again without streaming.
      if (!seen && payload.stream !== false) return request(turnId, { ...payload, stream: false }, signal)
      if (!answer.response && !answer.error) answer = { ...answer, status: null, error: { status: 502, message: "" } }
      return answer.error ? { ...answer, error: { status: answer.error.status, message: stylistErrorText(answer.error.status, answer.error.message) } } : answer
    }
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null
    if (res.ok) {
      const response = normaliseChatResponse(body)
      if (response) return applyStylistEvent(emptyAnswer(), { type: "done", response })
    }
    const message = typeof body?.message === "string" ? body.message : ""
    // The page's own checks (with field_errors) are already in her words; the stylist's are not.
    const text = body?.field_errors && message ? message : stylistErrorText(res.ok ? 502 : res.status, message, retryAfterSeconds(res.headers.get("retry-after"), Date.now()))
    return { ...emptyAnswer(), error: { status: res.ok ? 502 : res.status, message: text } }
  }

  async function ask(text: string, context: ChatContext) {
    if (busy) return
    inflight.current?.abort()
    const controller = new AbortController()
    inflight.current = controller
    const stylistTurn: Turn = { id: nextId(), role: "stylist", answer: emptyAnswer() }
    setTurns((all) => [...all, { id: nextId(), role: "shopper", text }, stylistTurn])
    setBusy(true)
    setResetNote(null)
    setAnnouncement("The stylist is thinking…")
    const payload: Payload = { country: countryCode, message: text, ...context }
    try {
      let answer = await request(stylistTurn.id, payload, controller.signal)
      // The stylist forgot the conversation mid-answer: once more, as a new one.
      if (answer.error?.status === 404) {
        updateAnswer(stylistTurn.id, { answer: emptyAnswer(), notice: NEW_CONVERSATION_NOTICE })
        sessionRef.current = null
        answer = await request(stylistTurn.id, { ...payload, fresh: true }, controller.signal)
      }
      if (controller.signal.aborted) return
      if (answer.error) {
        updateAnswer(stylistTurn.id, { answer, errorText: answer.error.message })
        setAnnouncement(answer.error.message)
        // Her words back in the box, to send again once she has changed what was wrong or waited.
        setMessage((m) => m || text)
        return
      }
      updateAnswer(stylistTurn.id, { answer })
      const response = answer.response
      if (response) {
        const looks = response.outfits.length
        setAnnouncement(`The stylist replied: ${response.reply}${looks ? ` ${looks} ${looks === 1 ? "look" : "looks"} below.` : ""}`)
        if (response.session_id !== sessionRef.current) {
          sessionRef.current = response.session_id
          void keepStylistSession(countryCode, response.session_id).catch(() => undefined)
        }
      }
    } catch {
      if (controller.signal.aborted) return
      const errorText = "We could not reach the stylist. Check your connection and try again."
      updateAnswer(stylistTurn.id, { answer: { ...emptyAnswer(), error: { status: 503, message: errorText } }, errorText })
      setAnnouncement(errorText)
    } finally {
      if (inflight.current === controller) {
        inflight.current = null
        setBusy(false)
      }
    }
  }

  /** Budget and size as typed, checked; null (with the fields marked) when something is wrong. */
  function readContext(text: string): { message: string; context: ChatContext } | null {
    const values: Record<string, string> = { message: text, budget, size }
    const { value, fieldErrors: errors } = readChatForm({ get: (name) => values[name] ?? null })
    setFieldErrors(errors)
    const first = (Object.keys(errors) as ChatFormField[])[0]
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus()
      return null
    }
    return value
  }

  function send(text: string) {
    const read = readContext(text)
    if (!read) return
    setMessage("")
    void ask(read.message, read.context)
  }

  async function startOver() {
    inflight.current?.abort()
    inflight.current = null
    setBusy(false)
    setTurns([])
    setAnnouncement("")
    sessionRef.current = null
    const result = await endStylistConversation(countryCode).catch(() => null)
    setResetNote(result?.ok ? (result.message ?? "New conversation started.") : "New conversation started.")
    inputRef.current?.focus()
  }

  const lastStylist = [...turns].reverse().find((t): t is Extract<Turn, { role: "stylist" }> => t.role === "stylist")
  const followUps = !busy && lastStylist?.answer.response ? lastStylist.answer.response.follow_ups : []
  const remaining = MAX_MESSAGE_LENGTH - message.length

  return (
    <div className="space-y-6" data-testid="stylist-chat">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted" data-testid="stylist-reset-note" role="status">
          {resetNote ?? ""}
        </p>
        {turns.length ? (
          <button type="button" className="btn-secondary min-h-10 px-4" onClick={() => void startOver()} data-testid="stylist-new-conversation">
            New conversation
          </button>
        ) : null}
      </div>

      {/* Read out once per answer (and status lines while waiting), not word by word as it streams. */}
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="stylist-announcer">
        {announcement}
      </p>

      {turns.length ? (
        <ol className="space-y-6" aria-label="Conversation with the stylist" data-testid="stylist-conversation">
          {turns.map((turn, i) => (
            <li key={turn.id} ref={i === turns.length - 1 ? lastTurnRef : undefined} className="scroll-mt-24">
              {turn.role === "shopper" ? (
                <div className="flex justify-end">
                  <p className="max-w-[85%] whitespace-pre-line rounded-2xl rounded-br-sm bg-plum px-4 py-3 text-sm text-ivory" data-testid="shopper-message">
                    <span className="sr-only">You said: </span>
                    {turn.text}
                  </p>
                </div>
              ) : (
                <StylistTurn turn={turn} countryCode={countryCode} />
              )}
            </li>
          ))}
        </ol>
      ) : (
        <div className="rounded-2xl bg-sand/70 p-5" data-testid="stylist-empty">
          <p className="text-sm">Tell the stylist the occasion, your size and your budget, and what you would rather avoid. Every look is made from pieces in stock in your size.</p>
          <ul className="mt-3 flex flex-wrap gap-2" aria-label="Try asking">
            {examples.map((example) => (
              <li key={example}>
                <button
                  type="button"
                  className="rounded-full border border-line bg-white px-4 py-2 text-sm hover:border-plum"
                  onClick={() => {
                    send(example)
                    inputRef.current?.focus()
                  }}
                  disabled={busy}
                  data-testid="stylist-example"
                >
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {followUps.length ? (
        <div>
          <h2 id={`${id}-follow-ups`} className="font-sans text-sm font-semibold text-muted">
            Ask next
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2" aria-labelledby={`${id}-follow-ups`} data-testid="stylist-follow-ups">
            {followUps.map((f) => (
              <li key={f}>
                <button
                  type="button"
                  className="rounded-full border border-plum/40 bg-white px-4 py-2 text-sm text-plum hover:bg-sand"
                  onClick={() => {
                    send(f)
                    // The chips go while the stylist answers: keep her place in the form, not on the page's top.
                    inputRef.current?.focus()
                  }}
                  data-testid="follow-up"
                >
                  {f}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <form
        className="space-y-4 rounded-2xl border border-line bg-white p-4"
        noValidate
        aria-label="Ask the stylist"
        data-testid="stylist-form"
        onSubmit={(e) => {
          e.preventDefault()
          send(message)
        }}
      >
        <div>
          <label htmlFor={`${id}-message`} className="field-label">
            Your message
          </label>
          <textarea
            id={`${id}-message`}
            ref={inputRef}
            name="message"
            rows={2}
            className="field py-2"
            value={message}
            maxLength={MAX_MESSAGE_LENGTH}
            placeholder="A party dress under 3000, size M, no black"
            onChange={(e) => {
              setMessage(e.target.value)
              if (fieldErrors.message) setFieldErrors((fe) => ({ ...fe, message: undefined }))
            }}
            onKeyDown={(e) => {
              // Enter sends, as in any chat; Shift+Enter starts a new line.
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault()
                send(message)
              }
            }}
            aria-invalid={Boolean(fieldErrors.message)}
            aria-describedby={`${fieldErrors.message ? `${id}-message-error ` : ""}${id}-message-help`}
          />
          <p id={`${id}-message-help`} className="mt-1 text-xs text-muted">
            Enter to send, Shift+Enter for a new line. {remaining < 100 ? `${remaining} characters left.` : ""}
          </p>
          {fieldErrors.message ? (
            <p id={`${id}-message-error`} className="field-error">
              {fieldErrors.message}
            </p>
          ) : null}
        </div>
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="mb-1 text-sm font-medium text-muted">Optional: always kept to</legend>
          <div>
            <label htmlFor={`${id}-budget`} className="field-label">
              Budget ({currencySymbol})
            </label>
            <input
              id={`${id}-budget`}
              name="budget"
              inputMode="decimal"
              autoComplete="off"
              className="field"
              value={budget}
              onChange={(e) => {
                setBudget(e.target.value)
                if (fieldErrors.budget) setFieldErrors((fe) => ({ ...fe, budget: undefined }))
              }}
              aria-invalid={Boolean(fieldErrors.budget)}
              aria-describedby={fieldErrors.budget ? `${id}-budget-error` : undefined}
              data-testid="stylist-budget"
            />
            {fieldErrors.budget ? (
              <p id={`${id}-budget-error`} className="field-error">
                {fieldErrors.budget}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor={`${id}-size`} className="field-label">
              Your size
            </label>
            <select
              id={`${id}-size`}
              name="size"
              className="field"
              value={size}
              onChange={(e) => setSize(e.target.value)}
              aria-invalid={Boolean(fieldErrors.size)}
              aria-describedby={fieldErrors.size ? `${id}-size-error` : undefined}
              data-testid="stylist-size"
            >
              <option value="">Any size</option>
              {SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            {fieldErrors.size ? (
              <p id={`${id}-size-error`} className="field-error">
                {fieldErrors.size}
              </p>
            ) : null}
          </div>
        </fieldset>
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy} data-testid="stylist-send">
          {busy ? "The stylist is answering…" : "Send"}
        </button>
      </form>
    </div>
  )
}

/** One reply: its text (growing as it streams), looks, alternatives, notes and who answered. */
function StylistTurn({ turn, countryCode }: { turn: Extract<Turn, { role: "stylist" }>; countryCode: string }) {
  const headingId = useId()
  const { answer } = turn
  const response = answer.response
  const pending = !turn.restored && !response && !answer.error
  const outfits = response?.outfits ?? answer.outfits
  const alternatives = response?.alternatives ?? []
  return (
    <div className="space-y-4" data-testid="stylist-message" aria-busy={pending || undefined}>
      {turn.notice ? (
        <p className="text-sm text-muted" data-testid="stylist-notice">
          {turn.notice}
        </p>
      ) : null}
      {answer.reply ? (
        <p className="max-w-prose whitespace-pre-line rounded-2xl rounded-bl-sm bg-sand px-4 py-3 text-sm leading-relaxed" data-testid="stylist-reply">
          {answer.reply}
        </p>
      ) : null}
      {pending ? (
        <p className="flex items-center gap-2 text-sm text-muted" data-testid="stylist-status">
          <span aria-hidden="true" className="h-3 w-3 animate-spin rounded-full border-2 border-plum border-t-transparent" />
          {answer.status ?? "The stylist is thinking…"}
        </p>
      ) : null}
      {turn.errorText ? (
        <p role="alert" className="rounded-xl border border-sale/30 bg-white px-4 py-3 text-sm font-medium text-sale" data-testid="stylist-error">
          {turn.errorText}
        </p>
      ) : null}
      {response?.notes.length ? (
        <ul className="list-disc space-y-1 pl-5 text-xs text-muted" aria-label="How the stylist read your request" data-testid="stylist-notes">
          {response.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {outfits.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Looks for you" data-testid="stylist-outfits">
          {outfits.map((outfit, i) => (
            <li key={`${i}-${outfit.title}`} className="flex">
              <div className="w-full">
                <OutfitCard outfit={outfit} countryCode={countryCode} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {alternatives.length ? (
        <section aria-labelledby={headingId} className="space-y-4 rounded-2xl border border-dashed border-gold/50 p-4" data-testid="stylist-alternatives">
          <div>
            <h3 id={headingId} className="text-lg">
              Alternatives
            </h3>
            <p className="text-sm text-muted">Not exactly what you asked for, but the closest we have.</p>
          </div>
          {alternatives.map((alt, i) => (
            <div key={`${i}-${alt.label}`} className="space-y-3" data-testid="stylist-alternative">
              <h4 className="font-sans text-sm font-semibold" data-testid="stylist-alternative-label">
                {alt.label}
              </h4>
              {alt.outfits.length ? (
                <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
                  {alt.outfits.map((outfit, j) => (
                    <li key={`${j}-${outfit.title}`} className="flex">
                      <div className="w-full">
                        <OutfitCard outfit={outfit} countryCode={countryCode} alternative />
                      </div>
                    </li>
                  ))}
                </ul>
              ) : null}
              {alt.items.length ? (
                <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
                  {alt.items.map((item) => (
                    <li key={item.variant_id} className="rounded-2xl border border-line bg-white p-4" data-testid="stylist-alternative-item">
                      <p className="mb-2 text-xs font-semibold uppercase tracking-wider text-gold">Alternative</p>
                      <ul>
                        <LookItem item={item} countryCode={countryCode} />
                      </ul>
                      <AddLookButton countryCode={countryCode} items={[item]} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      {response ? (
        <p className="text-xs text-muted" data-testid="stylist-engine">
          {engineLabel(response.engine)}
        </p>
      ) : null}
    </div>
  )
}
