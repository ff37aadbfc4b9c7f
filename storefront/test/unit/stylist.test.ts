import {
  MAX_MESSAGE_LENGTH,
  addLookText,
  applyStylistEvent,
  chatRequestBody,
  createSseParser,
  emptyAnswer,
  engineLabel,
  normaliseChatResponse,
  normaliseOutfit,
  normaliseSession,
  parseBudget,
  parseSse,
  readChatForm,
  readSessionId,
  retryAfterSeconds,
  sessionCookieName,
  stylistErrorText,
  stylistMoney,
  toStylistEvent,
  type ChatResponse,
  type StylistEvent,
} from "@/lib/core/stylist"
// The backend's own rules: what the page sends must be what the stylist accepts unchanged.
import { validateChatRequest } from "../../../plugins/ai-stylist/src/core/chat-request"

const item = (over: Record<string, unknown> = {}) => ({
  product_id: "prod_1",
  variant_id: "variant_1",
  handle: "satin-slip-dress",
  title: "Satin Slip Dress",
  category: "dresses",
  size: "M",
  color: "Emerald",
  unit_price: 1899,
  currency: "inr",
  thumbnail: "http://localhost:9000/uploads/slip.jpg",
  ...over,
})

const outfit = (over: Record<string, unknown> = {}) => ({
  title: "Evening in emerald",
  rationale: "Jewel tones for a party.",
  items: [item(), item({ product_id: "prod_2", variant_id: "variant_2", handle: "gold-hoops", title: "Gold Hoops", category: "earrings", size: "One Size", color: "Gold", unit_price: 499, thumbnail: null })],
  total: 2398,
  currency: "inr",
  ...over,
})

const response = (over: Record<string, unknown> = {}) => ({
  session_id: "sty_01ABC",
  engine: "offline",
  reply: "Two looks under ₹3,000 in size M.",
  outfits: [outfit()],
  follow_ups: ["Show me more", "Something in blue"],
  alternatives: [],
  notes: ["I read 3k as a maximum of ₹3,000."],
  ...over,
})

function form(fields: Record<string, string>) {
  return { get: (name: string) => fields[name] ?? null }
}

describe("createSseParser", () => {
  it("reads named events, joins data lines and skips comments", () => {
    const events = parseSse(': keep-alive\n\nevent: status\ndata: {"stage":"search",\ndata: "message":"Looking through the catalogue"}\n\nevent: reply\ndata: {"delta":"Hello"}\n\n')
    expect(events).toEqual([
      { event: "status", data: '{"stage":"search",\n"message":"Looking through the catalogue"}' },
      { event: "reply", data: '{"delta":"Hello"}' },
    ])
  })

  it("puts events back together whatever the pieces the network delivers", () => {
    const stream = 'event: reply\r\ndata: {"delta":"Hi "}\r\n\r\nevent: reply\ndata: {"delta":"there"}\n\nevent: done\ndata: {}\n\n'
    const whole = parseSse(stream)
    for (const size of [1, 2, 3, 7, 13]) {
      const parser = createSseParser()
      const events = []
      for (let i = 0; i < stream.length; i += size) events.push(...parser.push(stream.slice(i, i + size)))
      events.push(...parser.end())
      expect(events).toEqual(whole)
    }
    expect(whole.map((e) => e.event)).toEqual(["reply", "reply", "done"])
  })

  it("keeps a \\r\\n split across chunks as one line end", () => {
    const parser = createSseParser()
    expect(parser.push('data: {"delta":"a"}\r')).toEqual([])
    expect(parser.push("\n\r")).toEqual([])
    expect(parser.push("\n")).toEqual([{ event: "message", data: '{"delta":"a"}' }])
  })

  it("drops one space after the colon, no more, and ignores events without data", () => {
    expect(parseSse("event: ping\n\ndata:  two spaces\n\ndata:none\n\n")).toEqual([
      { event: "message", data: " two spaces" },
      { event: "message", data: "none" },
    ])
  })

  it("drops an event the stream never finished", () => {
    expect(parseSse('event: reply\ndata: {"delta":"cut"}')).toEqual([])
    expect(parseSse('event: reply\ndata: {"delta":"cut"}\n')).toEqual([])
  })
})

describe("toStylistEvent", () => {
  it("reads each kind of event", () => {
    expect(toStylistEvent({ event: "status", data: '{"stage":"search","message":"Looking through the catalogue"}' })).toEqual({ type: "status", stage: "search", message: "Looking through the catalogue" })
    expect(toStylistEvent({ event: "reply", data: '{"delta":" and shoes"}' })).toEqual({ type: "reply", delta: " and shoes" })
    expect(toStylistEvent({ event: "outfit", data: JSON.stringify({ outfit: outfit() }) })).toMatchObject({ type: "outfit", outfit: { title: "Evening in emerald", total: 2398 } })
    expect(toStylistEvent({ event: "done", data: JSON.stringify(response()) })).toMatchObject({ type: "done", response: { session_id: "sty_01ABC", engine: "offline" } })
    expect(toStylistEvent({ event: "error", data: '{"status":429,"message":"Too many requests"}' })).toEqual({ type: "error", status: 429, message: "Too many requests" })
  })

  it("skips what it cannot read and never trusts an error's status blindly", () => {
    expect(toStylistEvent({ event: "reply", data: "not json" })).toBeNull()
    expect(toStylistEvent({ event: "reply", data: '{"delta":""}' })).toBeNull()
    expect(toStylistEvent({ event: "status", data: "{}" })).toBeNull()
    expect(toStylistEvent({ event: "outfit", data: '{"outfit":{"items":[]}}' })).toBeNull()
    expect(toStylistEvent({ event: "heartbeat", data: "{}" })).toBeNull()
    expect(toStylistEvent({ event: "error", data: '{"status":"oops"}' })).toEqual({ type: "error", status: 500, message: "" })
    expect(toStylistEvent({ event: "error", data: '{"status":200}' })).toEqual({ type: "error", status: 500, message: "" })
    // A `done` without a session is no answer at all.
    expect(toStylistEvent({ event: "done", data: '{"reply":"hi"}' })).toEqual({ type: "error", status: 502, message: "" })
  })
})

describe("normalising answers", () => {
  it("keeps a well-formed answer as it is", () => {
    const answer = normaliseChatResponse(response({ engine: "openai" }))
    expect(answer).toEqual({ ...response(), engine: "openai" })
  })

  it("drops items that cannot be shown or bought, and outfits left empty", () => {
    const raw = outfit({ items: [item(), item({ variant_id: "" }), item({ unit_price: "abc" }), item({ handle: null }), "junk"] })
    expect(normaliseOutfit(raw)?.items.map((i) => i.variant_id)).toEqual(["variant_1"])
    expect(normaliseOutfit(outfit({ items: [item({ title: "  " })] }))).toBeNull()
    expect(normaliseOutfit(null)).toBeNull()
  })

  it("reads numbers sent as text, lower-cases currencies and totals an outfit sent without one", () => {
    const read = normaliseOutfit({ items: [item({ unit_price: "1099.5", currency: "INR" }), item({ variant_id: "variant_2", unit_price: 49.99 })] })
    expect(read).toMatchObject({ title: "A look for you", rationale: "", total: 1149.49, currency: "inr" })
    expect(read?.items[0]).toMatchObject({ unit_price: 1099.5, currency: "inr" })
  })

  it("fills what an answer left out and refuses one without a session or anything to say", () => {
    expect(normaliseChatResponse({ session_id: "s1", reply: "Nothing in your size, sorry.", engine: "gpt" })).toEqual({
      session_id: "s1",
      engine: "offline",
      reply: "Nothing in your size, sorry.",
      outfits: [],
      follow_ups: [],
      alternatives: [],
      notes: [],
    })
    expect(normaliseChatResponse({ reply: "hi" })).toBeNull()
    expect(normaliseChatResponse({ session_id: "s1", reply: "" })).toBeNull()
    expect(normaliseChatResponse("nope")).toBeNull()
  })

  it("keeps alternatives with something in them, under their label", () => {
    const answer = normaliseChatResponse(
      response({
        outfits: [],
        alternatives: [
          { label: "Within your budget, not a complete look", items: [item({ unit_price: 45 })], outfits: [] },
          { label: "Empty", items: [], outfits: [] },
          { items: [item()] },
        ],
      })
    )
    expect(answer?.alternatives.map((a) => [a.label, a.items.length])).toEqual([
      ["Within your budget, not a complete look", 1],
      ["Something close", 1],
    ])
  })

  it("reads a saved conversation, wrapped or not", () => {
    const saved = {
      session: {
        id: "s1",
        region_id: "reg_in",
        expires_at: "2030-01-01T00:00:00.000Z",
        messages: [
          { role: "shopper", text: "party dress", created_at: "2030-01-01T00:00:00.000Z" },
          { role: "stylist", text: "Here you go", outfits: [outfit()], created_at: "2030-01-01T00:00:01.000Z" },
          { role: "system", text: "hidden" },
          { role: "shopper", text: "  " },
        ],
      },
    }
    const session = normaliseSession(saved)
    expect(session?.messages.map((m) => [m.role, m.text, m.outfits.length])).toEqual([
      ["shopper", "party dress", 0],
      ["stylist", "Here you go", 1],
    ])
    expect(normaliseSession(saved.session)?.id).toBe("s1")
    expect(normaliseSession({ session: {} })).toBeNull()
  })

  it("shows amounts in major units with the store's money format", () => {
    expect(stylistMoney(2398, "inr")).toBe("₹2,398")
    expect(stylistMoney(123456, "inr")).toBe("₹1,23,456")
    expect(stylistMoney(49.99, "usd")).toBe("$49.99")
    expect(stylistMoney(80, "usd")).toBe("$80")
  })

  it("says which engine answered", () => {
    expect(engineLabel("offline")).toBe("Answered by our catalogue stylist (offline)")
    expect(engineLabel("openai")).toBe("Answered by our AI stylist")
  })
})

describe("applyStylistEvent", () => {
  const run = (events: StylistEvent[]) => events.reduce(applyStylistEvent, emptyAnswer())

  it("shows the latest status while waiting, grows the reply and adds looks as they come", () => {
    const answer = run([
      { type: "status", stage: "search", message: "Looking through the catalogue" },
      { type: "reply", delta: "Here are " },
      { type: "status", stage: "compose", message: "Putting looks together" },
      { type: "reply", delta: "two looks." },
      { type: "outfit", outfit: normaliseOutfit(outfit())! },
    ])
    expect(answer).toMatchObject({ status: "Putting looks together", reply: "Here are two looks.", response: null, error: null })
    expect(answer.outfits).toHaveLength(1)
  })

  it("takes the final answer as the truth and ignores anything after it", () => {
    const final = normaliseChatResponse(response({ reply: "Rewritten reply." })) as ChatResponse
    const answer = run([{ type: "reply", delta: "Draft" }, { type: "outfit", outfit: normaliseOutfit(outfit({ title: "Dropped" }))! }, { type: "done", response: final }, { type: "reply", delta: " extra" }])
    expect(answer.reply).toBe("Rewritten reply.")
    expect(answer.outfits.map((o) => o.title)).toEqual(["Evening in emerald"])
    expect(answer.status).toBeNull()
    expect(answer.response).toBe(final)
  })

  it("stops at an error", () => {
    const answer = run([{ type: "status", stage: "s", message: "Looking" }, { type: "error", status: 429, message: "Slow down" }, { type: "reply", delta: "late" }])
    expect(answer).toMatchObject({ status: null, reply: "", error: { status: 429, message: "Slow down" } })
  })
})

describe("the shopper's form", () => {
  it("reads budgets as shoppers type them", () => {
    expect(parseBudget("3000")).toBe(3000)
    expect(parseBudget("3,000")).toBe(3000)
    expect(parseBudget("₹ 2,500")).toBe(2500)
    expect(parseBudget("Rs. 1500")).toBe(1500)
    expect(parseBudget("$49.99")).toBe(49.99)
    expect(parseBudget("3k")).toBeNull()
    expect(parseBudget("-5")).toBeNull()
    expect(parseBudget("1.234")).toBeNull()
  })

  it("sends only the context she gave", () => {
    expect(readChatForm(form({ message: "  party dress  ", budget: "", size: "" }))).toEqual({ value: { message: "party dress", context: {} }, fieldErrors: {} })
    expect(readChatForm(form({ message: "party dress", budget: "3,000", size: "m" }))).toEqual({ value: { message: "party dress", context: { budget: 3000, size: "M" } }, fieldErrors: {} })
  })

  it("names every field that is wrong", () => {
    expect(readChatForm(form({ message: " ", budget: "lots", size: "XXXXL" })).fieldErrors).toEqual({
      message: "Tell the stylist what you are looking for",
      budget: "Enter your budget as a number, like 3000",
      size: "Choose a size from XS to XXL",
    })
    expect(readChatForm(form({ message: "x".repeat(MAX_MESSAGE_LENGTH + 1) })).fieldErrors.message).toBe("Keep your message under 1,000 characters (it has 1,001)")
    expect(readChatForm(form({ message: "hi", budget: "0" })).fieldErrors.budget).toBe("Enter a budget above 0")
    expect(readChatForm(form({ message: "hi", budget: "1000000000" })).fieldErrors.budget).toBe("That budget is too large")
  })

  it("builds a request the stylist accepts as it is", () => {
    const cases: { form: Record<string, string>; session: string | null }[] = [
      { form: { message: "party dress", budget: "3000", size: "M" }, session: null },
      { form: { message: "x".repeat(MAX_MESSAGE_LENGTH), budget: "49.99", size: "" }, session: "sty_01ABC" },
      { form: { message: "something in blue" }, session: "sess-2" },
    ]
    for (const c of cases) {
      const { value, fieldErrors } = readChatForm(form(c.form))
      expect(fieldErrors).toEqual({})
      const body = chatRequestBody(value, "reg_01IN", c.session)
      const checked = validateChatRequest(body)
      expect(checked.ok).toBe(true)
      if (checked.ok) expect(checked.value).toMatchObject({ message: value.message, region_id: "reg_01IN", session_id: c.session })
    }
    expect(chatRequestBody({ message: "hi", context: {} }, "reg_1", null)).toEqual({ message: "hi", region_id: "reg_1" })
  })
})

describe("the session id", () => {
  it("is kept per country", () => {
    expect(sessionCookieName("in")).toBe("zari_stylist_in")
    expect(sessionCookieName("US")).toBe("zari_stylist_us")
    expect(sessionCookieName("in;x=1")).toBe("zari_stylist_inx")
  })

  it("is passed on only when it looks like one", () => {
    expect(readSessionId("sty_01HXYZ")).toBe("sty_01HXYZ")
    expect(readSessionId(" 3f2b-9c ")).toBe("3f2b-9c")
    expect(readSessionId("../admin")).toBeNull()
    expect(readSessionId("")).toBeNull()
    expect(readSessionId(undefined)).toBeNull()
    expect(readSessionId("x".repeat(101))).toBeNull()
  })
})

describe("when the stylist says no", () => {
  const now = Date.parse("2030-01-01T00:00:00Z")

  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterSeconds("30", now)).toBe(30)
    expect(retryAfterSeconds("Tue, 01 Jan 2030 00:02:00 GMT", now)).toBe(120)
    expect(retryAfterSeconds("Mon, 31 Dec 2029 23:00:00 GMT", now)).toBe(0)
    expect(retryAfterSeconds(null, now)).toBeNull()
    expect(retryAfterSeconds("soon", now)).toBeNull()
  })

  it("puts refusals in plain words", () => {
    expect(stylistErrorText(429, "Too many requests", 30)).toBe("Our stylist is getting a lot of questions right now. Please try again in 30 seconds.")
    expect(stylistErrorText(429, "", 90)).toBe("Our stylist is getting a lot of questions right now. Please try again in 2 minutes.")
    expect(stylistErrorText(429, "")).toBe("Our stylist is getting a lot of questions right now. Please try again in a minute.")
    expect(stylistErrorText(400, "context.budget: must be more than 0")).toBe("Please check your budget: enter it as a number above 0, like 3000.")
    expect(stylistErrorText(400, "message: must be at most 1000 characters")).toBe("Your message is too long. Please keep it under 1,000 characters.")
    expect(stylistErrorText(400, "region_id: is required")).toBe("The stylist could not read that request. Please rephrase it and try again.")
    expect(stylistErrorText(503, "")).toBe("Our stylist is not answering right now. Please try again in a moment.")
    expect(stylistErrorText(500, "TypeError: x is undefined")).not.toMatch(/TypeError/)
  })
})

describe("addLookText", () => {
  const items = [
    { variant_id: "variant_1", title: "Satin Slip Dress", size: "M" },
    { variant_id: "variant_2", title: "Gold Hoops", size: "One Size" },
    { variant_id: "variant_3", title: "Block Heels", size: "38" },
  ]

  it("counts what went in", () => {
    expect(addLookText(items, { added: ["variant_1", "variant_2", "variant_3"], failed: [] })).toEqual({ ok: true, text: "Added 3 items to your bag" })
    expect(addLookText(items.slice(0, 1), { added: ["variant_1"], failed: [] })).toEqual({ ok: true, text: "Added 1 item to your bag" })
  })

  it("names each piece that could not go in, and why", () => {
    expect(addLookText(items, { added: ["variant_1", "variant_2"], failed: [{ variant_id: "variant_3", error: "It has just sold out in this size." }] })).toEqual({
      ok: false,
      text: "Added 2 items to your bag; Block Heels (38) could not be added. It has just sold out in this size.",
    })
    expect(addLookText(items, { added: [], failed: items.map((i) => ({ variant_id: i.variant_id, error: "The store is not answering." })) }).text).toBe(
      "Satin Slip Dress (M), Gold Hoops (One Size), Block Heels (38) could not be added. The store is not answering."
    )
  })
})
