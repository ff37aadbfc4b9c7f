/**
 * The real client (the `openai` SDK underneath) against the Responses simulator, over real
 * sockets on 127.0.0.1: tool round trips through the real executor and seed catalogue,
 * and every way a run can fail. Assertions are on outcomes, never on elapsed time.
 */
// Extensionless: TypeScript takes the types from openai-responses-simulator.d.ts, jest loads the .cjs.
import { SIMULATOR_INVENTED_TITLE, SIMULATOR_MODEL, startOpenAIResponsesSimulator, type OpenAIResponsesSimulator } from "../../simulator/openai-responses-simulator"
import { ModelRun, OpenAIResponsesStylist, OpenAIResponsesStylistOptions } from "../../src/clients/openai-responses"
import { STYLIST_TOOLS, ShopperConstraints, enforceGuarantees, executeStylistTool, parseShopperRequest, stylistInstructions } from "../../src/core"
import { seedIndex } from "../unit/catalogue"

const index = seedIndex("inr")
let sim: OpenAIResponsesSimulator

beforeAll(async () => {
  sim = await startOpenAIResponsesSimulator({ port: 0 })
})
afterAll(async () => {
  await sim.stop()
})
beforeEach(() => sim.reset())

const stylist = (options: Partial<OpenAIResponsesStylistOptions> = {}) => new OpenAIResponsesStylist({ apiKey: "sk-test", baseURL: sim.url, model: SIMULATOR_MODEL, timeoutMs: 5000, ...options })

function conversation(message: string) {
  const constraints: ShopperConstraints = parseShopperRequest(message, {}, "inr")
  const executed: { name: string; raw: string }[] = []
  const executeTool = (name: string, raw: string) => {
    executed.push({ name, raw })
    return executeStylistTool(name, raw, { index, constraints, shopper: null }).output
  }
  return { constraints, executed, request: { instructions: stylistInstructions(constraints, { store_name: "Test Store" }), input: [{ role: "user" as const, content: message }], executeTool } }
}

const answerOf = (run: ModelRun) => {
  if (!run.ok) throw new Error(`expected an answer, got ${run.failure}: ${run.message}`)
  return run
}
const failureOf = (run: ModelRun) => (run.ok ? "ok" : run.failure)
const outputsIn = (body: any) => body.input.filter((item: any) => item.type === "function_call_output")

describe("a tool round trip", () => {
  it("runs the model's searches through the executor and returns outfits of real, eligible variants", async () => {
    const { constraints, executed, request } = conversation("a party dress in size M, shoe size 38, under 5000")
    const run = answerOf(await stylist().run(request))

    expect(executed.map((e) => e.name)).toEqual(["search_catalog", "search_catalog"])
    expect(JSON.parse(executed[0].raw).query).toBe("a party dress in size M, shoe size 38, under 5000")
    expect(run.tool_calls).toEqual([{ name: "search_catalog", problem: null }, { name: "search_catalog", problem: null }])
    expect(run.rounds).toBe(2)
    expect(run.answer.outfits.length).toBeGreaterThan(0)
    const checked = enforceGuarantees(run.answer.outfits, constraints, index)
    expect(checked.dropped).toEqual([])
    expect(checked.outfits.length).toBe(run.answer.outfits.length)
    expect(checked.outfits.some((o) => o.items.some((i) => i.role === "shoes" && i.size === "38"))).toBe(true)
  })

  it("sends the instructions, strict tools, answer format and store: false, and the whole item list again", async () => {
    const { request } = conversation("something for brunch in size S")
    answerOf(await stylist().run(request))

    expect(sim.requests).toHaveLength(2)
    const [first, second] = sim.requests
    for (const body of sim.requests) {
      expect(body).toMatchObject({ model: SIMULATOR_MODEL, instructions: request.instructions, store: false, text: { format: { type: "json_schema", name: "stylist_answer", strict: true } } })
      expect(body.tools).toEqual(JSON.parse(JSON.stringify(STYLIST_TOOLS)))
      expect(body.include).toBeUndefined()
    }
    expect(first.input).toEqual([{ role: "user", content: "something for brunch in size S" }])
    const calls = second.input.filter((item: any) => item.type === "function_call")
    expect(calls).toHaveLength(2)
    expect(calls[0]).not.toHaveProperty("id")
    expect(outputsIn(second).map((o: any) => o.call_id)).toEqual(calls.map((c: any) => c.call_id))
    expect(JSON.parse(outputsIn(second)[0].output).results.length).toBeGreaterThan(0)
  })

  it("asks reasoning models for encrypted reasoning, so nothing has to be stored", async () => {
    const { request } = conversation("a dress")
    answerOf(await stylist({ model: "gpt-5-mini" }).run(request))
    expect(sim.requests[0].include).toEqual(["reasoning.encrypted_content"])
  })

  it("answers malformed tool arguments with an error output and carries on", async () => {
    sim.enqueue({ tool_calls: [{ name: "search_catalog", arguments: "{\"query\": \"dress\", " }, { name: "try_on", arguments: "{}" }] })
    const { executed, request } = conversation("a dress in size M under 4000")
    const run = answerOf(await stylist().run(request))

    expect(executed.map((e) => e.name)).toEqual(["search_catalog", "try_on", "search_catalog", "search_catalog"])
    expect(run.tool_calls[0]).toEqual({ name: "search_catalog", problem: expect.stringMatching(/not valid JSON/) })
    expect(run.tool_calls[1]).toEqual({ name: "try_on", problem: expect.stringMatching(/There is no tool "try_on"/) })
    expect(run.rounds).toBe(3)
    const errors = outputsIn(sim.requests[1]).map((o: any) => JSON.parse(o.output).error)
    expect(errors[0]).toMatch(/Call it again/)
    expect(run.answer.outfits.length).toBeGreaterThan(0)
  })

  it("turns a tool that throws into an error output", async () => {
    const request = { ...conversation("a dress").request, executeTool: () => Promise.reject(new Error("database down")) }
    const run = answerOf(await stylist().run(request))
    expect(run.tool_calls.length).toBeGreaterThanOrEqual(2)
    expect(run.tool_calls.every((c) => c.problem === "threw: database down")).toBe(true)
    expect(JSON.parse(outputsIn(sim.requests[1])[0].output).error).toMatch(/failed inside the store/)
    expect(run.answer.outfits).toEqual([])
  })

  it("passes answers through as proposals: invented ids are the guarantees' job", async () => {
    sim.enqueue({ hallucinate: true })
    const { constraints, request } = conversation("a dress")
    const run = answerOf(await stylist().run(request))
    expect(run.answer.reply).toContain(SIMULATOR_INVENTED_TITLE)
    expect(enforceGuarantees(run.answer.outfits, constraints, index).dropped.map((d) => d.reason)).toEqual(["unknown_variant", "unknown_variant"])
  })

  it("returns an over-budget proposal for the guarantees to trim", async () => {
    sim.enqueue({ over_budget: true })
    const { constraints, request } = conversation("a dress in size M, shoe size 38, under 3000")
    const run = answerOf(await stylist().run(request))
    const total = (o: (typeof run.answer.outfits)[number]) => o.items.reduce((sum, i) => sum + index.byVariant.get(i.variant_id)!.price_minor!, 0)
    expect(run.answer.outfits.some((o) => total(o) > constraints.budget_minor!)).toBe(true)
    expect(enforceGuarantees(run.answer.outfits, constraints, index).dropped.map((d) => d.reason)).toContain("over_budget")
  })

  it("reads a scripted answer", async () => {
    const answer = { reply: "One look.", outfits: [{ title: "Look", rationale: "Why.", items: [{ product_id: "prod_x", variant_id: "variant_x" }] }], follow_ups: [] }
    sim.enqueue({ answer })
    const run = answerOf(await stylist().run(conversation("hi").request))
    expect(run).toEqual({ ok: true, answer, tool_calls: [], rounds: 1 })
  })
})

describe("failures", () => {
  it("raw text that is not the JSON answer is bad_output", async () => {
    sim.enqueue({ raw_text: "Sure! Try the emerald dress." })
    const run = await stylist().run(conversation("a dress").request)
    expect(run).toEqual({ ok: false, failure: "bad_output", message: expect.stringMatching(/not a stylist_answer/) })
  })

  it.each([
    [500, "unavailable"],
    [503, "unavailable"],
    [429, "rate_limited"],
  ])("HTTP %i is %s, with no retry", async (status, failure) => {
    sim.enqueue({ status })
    const run = await stylist().run(conversation("a dress").request)
    expect(failureOf(run)).toBe(failure)
    expect(sim.requests).toHaveLength(1)
  })

  it("a wrong key is auth", async () => {
    const run = await stylist({ apiKey: "sk-wrong" }).run(conversation("a dress").request)
    expect(failureOf(run)).toBe("auth")
  })

  it("an answer later than the request timeout is timeout", async () => {
    sim.enqueue({ delay_ms: 2000 })
    const run = await stylist({ timeoutMs: 300 }).run(conversation("a dress").request)
    expect(failureOf(run)).toBe("timeout")
    expect(sim.requests).toHaveLength(1)
  })

  it("rounds that together pass the run's deadline are timeout", async () => {
    sim.enqueue({ delay_ms: 200, then: { tool_calls: [{ name: "get_shopper_profile", arguments: "{}" }] } }, { delay_ms: 200, then: { tool_calls: [{ name: "get_shopper_profile", arguments: "{}" }] } }, { delay_ms: 200, then: { tool_calls: [{ name: "get_shopper_profile", arguments: "{}" }] } })
    const run = await stylist({ timeoutMs: 5000, deadlineMs: 300 }).run(conversation("a dress").request)
    expect(failureOf(run)).toBe("timeout")
  })

  it("a tool that never settles is cut off by the deadline", async () => {
    const request = { ...conversation("a dress").request, executeTool: () => new Promise(() => undefined) }
    const run = await stylist({ timeoutMs: 5000, deadlineMs: 300 }).run(request)
    expect(failureOf(run)).toBe("timeout")
  })

  it("a hung server is timeout", async () => {
    sim.enqueue({ hang: true })
    const run = await stylist({ timeoutMs: 300 }).run(conversation("a dress").request)
    expect(failureOf(run)).toBe("timeout")
  })

  it("a model that keeps calling tools is too_many_rounds, after a last round that allowed none", async () => {
    const search = { tool_calls: [{ name: "search_catalog", arguments: JSON.stringify({ query: "dress", categories: null, colors: null, occasion: null, max_price: null, limit: 3 }) }] }
    sim.enqueue(search, search, search)
    const run = await stylist({ maxToolRounds: 2 }).run(conversation("a dress").request)
    expect(failureOf(run)).toBe("too_many_rounds")
    expect(sim.requests).toHaveLength(3)
    expect(sim.requests.map((body) => body.tool_choice)).toEqual([undefined, undefined, "none"])
  })

  it("an unreachable server is unavailable", async () => {
    const closed = await startOpenAIResponsesSimulator({ port: 0 })
    const url = closed.url
    await closed.stop()
    const run = await new OpenAIResponsesStylist({ apiKey: "sk-test", baseURL: url, model: SIMULATOR_MODEL, timeoutMs: 2000 }).run(conversation("a dress").request)
    expect(failureOf(run)).toBe("unavailable")
  })
})

describe("the simulator's checks", () => {
  const errorBody = async (response: globalThis.Response) => ((await response.json()) as { error: { message: string; param: string | null; code: string | null } }).error

  it("refuses a non-strict schema marked strict, as OpenAI does", async () => {
    const response = await fetch(`${sim.url}/responses`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: JSON.stringify({ model: SIMULATOR_MODEL, input: "hi", tools: [{ type: "function", name: "f", strict: true, parameters: { type: "object", properties: { a: { type: "string" } }, required: [], additionalProperties: false } }] }),
    })
    expect(response.status).toBe(400)
    expect(await errorBody(response)).toMatchObject({ param: "tools[0].parameters", code: "invalid_function_parameters", message: expect.stringMatching(/Missing 'a'/) })
  })

  it("refuses a function_call_output that answers no call", async () => {
    const response = await fetch(`${sim.url}/responses`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: JSON.stringify({ model: SIMULATOR_MODEL, input: [{ role: "user", content: "hi" }, { type: "function_call_output", call_id: "call_x", output: "{}" }] }),
    })
    expect(response.status).toBe(400)
    expect((await errorBody(response)).message).toMatch(/No tool call found for function call output with call_id call_x/)
  })

  it("refuses a body without model or input, and a missing key", async () => {
    const post = (body: unknown, key = "sk-test") => fetch(`${sim.url}/responses`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) })
    expect((await errorBody(await post({ input: "hi" }))).param).toBe("model")
    expect((await errorBody(await post({ model: "m" }))).param).toBe("input")
    expect((await post({ model: "m", input: "hi" }, "")).status).toBe(401)
  })
})
