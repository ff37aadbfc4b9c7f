/**
 * A local OpenAI Responses API (POST /v1/responses) for tests and trying the stylist by
 * hand without a key. It follows ../../../../shared/CONTRACTS.md ("OpenAI") and the
 * `openai` SDK's Response types, and is written independently of the plugin's code: it
 * never imports the plugin's src, so a misreading in our client cannot hide behind the
 * same misreading here.
 *
 * It checks requests the way the real API does where our client could get them wrong
 * (bearer key, required fields, strict function and output schemas, every
 * function_call_output answering a function_call, nothing that only exists in stored
 * state when `store` is false), then answers with a scripted step or a small fake
 * stylist that builds outfits only from what the tools returned.
 * Types, steps and behaviours: openai-responses-simulator.d.ts.
 */
"use strict"

const http = require("node:http")

const SIMULATOR_MODEL = "gpt-sim-stylist"
const SIMULATOR_INVENTED_TITLE = "Midnight Sparkle Gown"
const MAX_BODY_BYTES = 4 * 1024 * 1024
const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/
const BEHAVIOURS = ["stylist", "over_budget", "hallucinate"]

// ---------------------------------------------------------------------------------------
// errors, as OpenAI words them

class RequestError extends Error {
  constructor(status, message, param = null, code = null, type = "invalid_request_error") {
    super(message)
    this.status = status
    this.body = { error: { message, type, param, code } }
  }
}

const ERROR_TYPES = { 429: ["requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again in 20ms."], 500: ["server_error", null, "The server had an error while processing your request. Sorry about that!"], 503: ["server_error", null, "The engine is currently overloaded, please try again later."] }

function statusError(status, message) {
  const [type, code, fallback] = ERROR_TYPES[status] ?? ["server_error", null, `The server answered ${status}.`]
  return new RequestError(status, message ?? fallback, null, code, type)
}

// ---------------------------------------------------------------------------------------
// request checks

const typesOf = (schema) => (Array.isArray(schema.type) ? schema.type : [schema.type])

/** The first way a schema breaks the rules of strict mode, in OpenAI's words, or null. */
function strictSchemaProblem(schema, context) {
  if (typeof schema !== "object" || schema === null) return `In context=(${context}), schema must be an object.`
  for (const key of ["anyOf", "allOf", "oneOf"]) {
    if (Array.isArray(schema[key])) {
      for (let i = 0; i < schema[key].length; i++) {
        const problem = strictSchemaProblem(schema[key][i], `${context}${context ? ", " : ""}'${key}', '${i}'`)
        if (problem) return problem
      }
    }
  }
  const types = typesOf(schema)
  if (types.includes("object")) {
    if (schema.additionalProperties !== false) return `In context=(${context}), 'additionalProperties' is required to be supplied and to be false.`
    const properties = schema.properties ?? {}
    const required = Array.isArray(schema.required) ? schema.required : null
    const missing = Object.keys(properties).filter((key) => !required || !required.includes(key))
    if (!required || missing.length > 0) return `In context=(${context}), 'required' is required to be supplied and to be an array including every key in properties.${missing.length ? ` Missing '${missing[0]}'.` : ""}`
    const extra = required.filter((key) => !(key in properties))
    if (extra.length > 0) return `In context=(${context}), 'required' lists '${extra[0]}', which is not in properties.`
    for (const [key, value] of Object.entries(properties)) {
      const problem = strictSchemaProblem(value, `${context}${context ? ", " : ""}'properties', '${key}'`)
      if (problem) return problem
    }
  }
  if (types.includes("array") && schema.items !== undefined) {
    const problem = strictSchemaProblem(schema.items, `${context}${context ? ", " : ""}'items'`)
    if (problem) return problem
  }
  return null
}

function checkTools(tools) {
  if (tools === undefined || tools === null) return
  if (!Array.isArray(tools)) throw new RequestError(400, "Invalid type for 'tools': expected an array.", "tools", "invalid_type")
  const seen = new Set()
  tools.forEach((tool, i) => {
    const param = `tools[${i}]`
    if (typeof tool !== "object" || tool === null || typeof tool.type !== "string") throw new RequestError(400, `Missing required parameter: '${param}.type'.`, `${param}.type`, "missing_required_parameter")
    if (tool.type !== "function") return
    if (typeof tool.name !== "string" || !NAME_PATTERN.test(tool.name)) throw new RequestError(400, `Invalid '${param}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, `${param}.name`, "invalid_value")
    if (seen.has(tool.name)) throw new RequestError(400, `Duplicate function name: '${tool.name}'.`, `${param}.name`, "invalid_value")
    seen.add(tool.name)
    const parameters = tool.parameters
    if (parameters !== null && parameters !== undefined && (typeof parameters !== "object" || Array.isArray(parameters))) throw new RequestError(400, `Invalid type for '${param}.parameters': expected an object.`, `${param}.parameters`, "invalid_type")
    if (parameters && !typesOf(parameters).includes("object")) throw new RequestError(400, `Invalid schema for function '${tool.name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${parameters.type}"'.`, `${param}.parameters`, "invalid_function_parameters")
    if (tool.strict !== false && parameters) {
      const problem = strictSchemaProblem(parameters, "")
      if (problem) throw new RequestError(400, `Invalid schema for function '${tool.name}': ${problem}`, `${param}.parameters`, "invalid_function_parameters")
    }
  })
}

function checkTextFormat(text) {
  const format = text && text.format
  if (!format) return
  if (format.type === "text" || format.type === "json_object") return
  if (format.type !== "json_schema") throw new RequestError(400, `Invalid value: '${format.type}'. Supported values are: 'text', 'json_object' and 'json_schema'.`, "text.format.type", "invalid_value")
  if (typeof format.name !== "string" || !NAME_PATTERN.test(format.name)) throw new RequestError(400, "Missing required parameter: 'text.format.name'.", "text.format.name", "missing_required_parameter")
  if (typeof format.schema !== "object" || format.schema === null) throw new RequestError(400, "Missing required parameter: 'text.format.schema'.", "text.format.schema", "missing_required_parameter")
  if (format.strict === true) {
    const problem = strictSchemaProblem(format.schema, "")
    if (problem) throw new RequestError(400, `Invalid schema for response_format '${format.name}': ${problem}`, "text.format.schema", "invalid_json_schema")
  }
}

function checkInput(body) {
  if (typeof body.input === "string") return
  if (!Array.isArray(body.input)) throw new RequestError(400, "Invalid type for 'input': expected a string or an array of input items.", "input", "invalid_type")
  const calls = new Set()
  const answered = new Set()
  body.input.forEach((item, i) => {
    if (typeof item !== "object" || item === null) throw new RequestError(400, `Invalid type for 'input[${i}]': expected an object.`, `input[${i}]`, "invalid_type")
    // Without storage the server has nothing to look these up in.
    if (body.store === false && (item.type === "item_reference" || (item.type === "reasoning" && !item.encrypted_content))) {
      throw new RequestError(404, `Item with id '${item.id}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`, "input")
    }
    if (item.type === "function_call") {
      if (typeof item.call_id !== "string" || typeof item.name !== "string" || typeof item.arguments !== "string") throw new RequestError(400, `Missing required parameter: 'input[${i}].call_id'.`, `input[${i}]`, "missing_required_parameter")
      calls.add(item.call_id)
    }
    if (item.type === "function_call_output") {
      if (!calls.has(item.call_id)) throw new RequestError(400, `No tool call found for function call output with call_id ${item.call_id}.`, "input")
      if (typeof item.output !== "string" && !Array.isArray(item.output)) throw new RequestError(400, `Invalid type for 'input[${i}].output': expected a string.`, `input[${i}].output`, "invalid_type")
      answered.add(item.call_id)
    }
  })
  const unanswered = [...calls].find((id) => !answered.has(id))
  if (unanswered) throw new RequestError(400, `No tool output found for function call ${unanswered}.`, "input")
}

function checkBody(body) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new RequestError(400, "We could not parse the JSON body of your request.")
  if (typeof body.model !== "string" || body.model === "") throw new RequestError(400, "Missing required parameter: 'model'.", "model", "missing_required_parameter")
  if (body.input === undefined || body.input === null) throw new RequestError(400, "Missing required parameter: 'input'.", "input", "missing_required_parameter")
  if (body.stream === true) throw new RequestError(400, "This simulator does not stream; send stream: false.", "stream", "unsupported_value")
  checkTools(body.tools)
  checkTextFormat(body.text)
  checkInput(body)
}

// ---------------------------------------------------------------------------------------
// reading the conversation

function partsText(content) {
  if (typeof content === "string") return content
  if (!Array.isArray(content)) return ""
  return content.map((part) => (part && typeof part.text === "string" ? part.text : "")).join("")
}

function lastUserText(input) {
  if (typeof input === "string") return input
  for (let i = input.length - 1; i >= 0; i--) {
    const item = input[i]
    if ((item.type === undefined || item.type === "message") && item.role === "user") return partsText(item.content)
  }
  return ""
}

/** Every function_call_output in the input, parsed when it is JSON. */
function toolOutputs(input) {
  if (!Array.isArray(input)) return []
  return input
    .filter((item) => item.type === "function_call_output")
    .map((item) => {
      const text = partsText(item.output)
      try {
        return JSON.parse(text)
      } catch {
        return text
      }
    })
}

/** Items (objects with a product_id and a variant_id) anywhere in the tool outputs, first seen first, and the budget they state. */
function itemsAndBudget(outputs) {
  const items = []
  const seen = new Set()
  let budget = null
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk)
    if (typeof value !== "object" || value === null) return
    if (typeof value.budget_for_whole_outfit === "number" && budget === null) budget = value.budget_for_whole_outfit
    if (typeof value.product_id === "string" && typeof value.variant_id === "string" && !seen.has(value.variant_id)) {
      seen.add(value.variant_id)
      items.push({ ...value, role: value.role || roleFromWords(`${value.title || ""} ${value.category || ""}`), price: typeof value.price === "number" ? value.price : 0 })
    }
    Object.values(value).forEach(walk)
  }
  outputs.forEach(walk)
  return { items, budget }
}

const ROLE_WORDS = [
  [/co-?ord|set\b/i, "coord"], [/dress|gown/i, "dress"], [/skirt|jeans|trouser|pant|short/i, "bottom"], [/top|tee|shirt|corset|cami/i, "top"],
  [/heel|stiletto|pump|shoe|sandal/i, "shoes"], [/clutch|bag/i, "bag"], [/earring|necklace|jewel/i, "jewellery"],
]
function roleFromWords(text) {
  const found = ROLE_WORDS.find(([pattern]) => pattern.test(text))
  return found ? found[1] : "other"
}

// ---------------------------------------------------------------------------------------
// the fake stylist

/**
 * One or two complete looks (a dress, a co-ord, or a top with a bottom, plus shoes when
 * they fit) from the items the tools returned. "stylist" takes pieces in the order the
 * tools ranked them and keeps each look within the stated budget; "over_budget" takes the
 * most expensive piece of each role and ignores the budget.
 */
function composeLooks(items, budget, mode) {
  const greedy = mode === "over_budget"
  const ofRole = (role) => {
    const list = items.filter((item) => item.role === role)
    return greedy ? [...list].sort((a, b) => b.price - a.price) : list
  }
  const fits = (pieces) => greedy || budget === null || pieces.reduce((sum, item) => sum + item.price, 0) <= budget
  const bases = [...ofRole("dress").map((d) => [d]), ...ofRole("coord").map((c) => [c])]
  for (const top of ofRole("top").slice(0, 3)) for (const bottom of ofRole("bottom").slice(0, 3)) bases.push([top, bottom])
  if (greedy) bases.sort((a, b) => b.reduce((s, i) => s + i.price, 0) - a.reduce((s, i) => s + i.price, 0))
  const shoes = ofRole("shoes")
  const looks = []
  for (const base of bases) {
    if (looks.length === 2) break
    if (!fits(base)) continue
    if (looks.some((look) => look.some((item) => base.some((b) => b.product_id === item.product_id)))) continue
    const usedShoes = new Set(looks.flatMap((look) => look.filter((item) => item.role === "shoes").map((item) => item.variant_id)))
    const shoe = [...shoes.filter((s) => !usedShoes.has(s.variant_id)), ...shoes].find((s) => fits([...base, s]))
    looks.push(shoe ? [...base, shoe] : base)
  }
  return looks
}

function looksAnswer(looks) {
  if (looks.length === 0) {
    return {
      reply: "I couldn't put together a complete look from what's in stock for you right now. Could I try other colours or pieces?",
      outfits: [],
      follow_ups: ["Try other colours", "Show me separates instead"],
    }
  }
  const describe = (look) => look.map((item) => item.title).join(" with ")
  return {
    reply: `Here ${looks.length === 1 ? "is a look" : `are ${looks.length} looks`} from what's in stock for you: ${looks.map(describe).join("; and ")}.`,
    outfits: looks.map((look, i) => ({
      title: `Look ${i + 1}: ${String(look[0].color || "").toLowerCase()} ${look[0].role}`.replace(/\s+/g, " ").trim(),
      rationale: "Pieces that work together, all in stock in your size.",
      items: look.map((item) => ({ product_id: item.product_id, variant_id: item.variant_id })),
    })),
    follow_ups: ["Show me something in another colour", "Add a clutch"],
  }
}

function hallucinatedAnswer() {
  return {
    reply: `You'll love the ${SIMULATOR_INVENTED_TITLE} with the Velvet Dream Heels: both are perfect for you.`,
    outfits: [
      {
        title: SIMULATOR_INVENTED_TITLE,
        rationale: `The ${SIMULATOR_INVENTED_TITLE} is made for evenings out.`,
        items: [
          { product_id: "prod_01HALLUCINATED0000000001", variant_id: "variant_01HALLUCINATED0000000001" },
          { product_id: "prod_01HALLUCINATED0000000002", variant_id: "variant_01HALLUCINATED0000000002" },
        ],
      },
    ],
    follow_ups: ["Show me more like this"],
  }
}

/** What the fake model does with a request: call tools, or answer. */
function behave(body, mode) {
  if (mode === "hallucinate") return { answer: hallucinatedAnswer() }
  const outputs = toolOutputs(body.input)
  const tools = Array.isArray(body.tools) ? body.tools.filter((tool) => tool.type === "function").map((tool) => tool.name) : []
  // A model whose every tool call so far failed tries again, a few times at most.
  const calls = Array.isArray(body.input) ? body.input.filter((item) => item.type === "function_call").length : 0
  const allFailed = outputs.length > 0 && outputs.every((output) => typeof output === "object" && output !== null && typeof output.error === "string")
  if ((outputs.length === 0 || (allFailed && calls < 4)) && body.tool_choice !== "none" && tools.includes("search_catalog")) {
    const search = (query, categories) => ({ name: "search_catalog", arguments: JSON.stringify({ query, categories, colors: null, occasion: null, max_price: null, limit: null }) })
    return { tool_calls: [search(lastUserText(body.input), null), search("heels", ["heels"])] }
  }
  const { items, budget } = itemsAndBudget(outputs)
  return { answer: looksAnswer(composeLooks(items, budget, mode)) }
}

// ---------------------------------------------------------------------------------------
// the server

const estimateTokens = (value) => Math.ceil(JSON.stringify(value ?? "").length / 4)

async function startOpenAIResponsesSimulator(options = {}) {
  const apiKey = options.apiKey ?? "sk-test"
  const host = options.host ?? "127.0.0.1"
  const requests = []
  const queue = []
  let fallback = "stylist"
  let seq = 0
  const timers = new Set()
  const sockets = new Set()
  const held = new Set()
  const nextId = (prefix) => `${prefix}_sim${String(++seq).padStart(6, "0")}`

  function send(res, status, body) {
    if (res.writableEnded || res.destroyed) return
    const text = JSON.stringify(body)
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "x-request-id": nextId("req"), "openai-processing-ms": "1" })
    res.end(text)
  }

  function responseObject(body, output) {
    const input_tokens = estimateTokens(body.input) + estimateTokens(body.instructions) + estimateTokens(body.tools)
    const output_tokens = estimateTokens(output)
    return {
      id: nextId("resp"),
      object: "response",
      created_at: Math.floor(Date.now() / 1000),
      status: "completed",
      background: false,
      error: null,
      incomplete_details: null,
      instructions: body.instructions ?? null,
      max_output_tokens: body.max_output_tokens ?? null,
      metadata: body.metadata ?? {},
      model: body.model,
      output,
      parallel_tool_calls: body.parallel_tool_calls ?? true,
      previous_response_id: body.previous_response_id ?? null,
      reasoning: { effort: null, summary: null },
      service_tier: "default",
      store: body.store ?? true,
      temperature: body.temperature ?? 1,
      text: body.text ?? { format: { type: "text" } },
      tool_choice: body.tool_choice ?? "auto",
      tools: body.tools ?? [],
      top_p: body.top_p ?? 1,
      truncation: body.truncation ?? "disabled",
      usage: { input_tokens, input_tokens_details: { cached_tokens: 0 }, output_tokens, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: input_tokens + output_tokens },
      user: null,
    }
  }

  const message = (text) => ({ id: nextId("msg"), type: "message", status: "completed", role: "assistant", content: [{ type: "output_text", text, annotations: [], logprobs: [] }] })
  const functionCall = (call) => ({ id: nextId("fc"), type: "function_call", status: "completed", call_id: nextId("call"), name: call.name, arguments: call.arguments })

  /** A step (or a behaviour name) turned into an HTTP answer; resolves when it has been sent or dropped. */
  function answer(res, body, step) {
    if (typeof step === "string") step = { behaviour: step }
    if (step.hang) {
      held.add(res)
      res.on("close", () => held.delete(res))
      return
    }
    if (typeof step.delay_ms === "number") {
      const timer = setTimeout(() => {
        timers.delete(timer)
        answer(res, body, step.then ?? fallback)
      }, step.delay_ms)
      timers.add(timer)
      return
    }
    if (typeof step.status === "number") {
      const error = statusError(step.status, step.message)
      return send(res, error.status, error.body)
    }
    if (step.raw_text !== undefined) return send(res, 200, responseObject(body, [message(String(step.raw_text))]))
    if (step.answer !== undefined) return send(res, 200, responseObject(body, [message(JSON.stringify(step.answer))]))
    if (Array.isArray(step.tool_calls)) return send(res, 200, responseObject(body, step.tool_calls.map(functionCall)))
    const mode = step.over_budget ? "over_budget" : step.hallucinate ? "hallucinate" : BEHAVIOURS.includes(step.behaviour) ? step.behaviour : "stylist"
    const made = behave(body, mode)
    if (made.tool_calls) return send(res, 200, responseObject(body, made.tool_calls.map(functionCall)))
    return send(res, 200, responseObject(body, [message(JSON.stringify(made.answer))]))
  }

  /** The queued step for this call; an over_budget step that only searched stays queued for the answer. */
  function nextStep(body) {
    if (queue.length === 0) return fallback
    const step = queue[0]
    const searchesFirst = step && typeof step === "object" && step.over_budget && toolOutputs(body.input).length === 0 && body.tool_choice !== "none"
    if (!searchesFirst) queue.shift()
    return step
  }

  function handle(req, res, raw) {
    let body
    try {
      body = raw.length ? JSON.parse(raw) : undefined
    } catch {
      requests.push({ unparseable: raw })
      return send(res, 400, new RequestError(400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)").body)
    }
    requests.push(body)
    const auth = req.headers.authorization || ""
    if (!auth.startsWith("Bearer ")) return send(res, 401, new RequestError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).").body)
    const given = auth.slice("Bearer ".length).trim()
    if (given !== apiKey) return send(res, 401, new RequestError(401, `Incorrect API key provided: ${given.slice(0, 3)}***${given.slice(-2)}. You can find your API key at https://platform.openai.com/account/api-keys.`, null, "invalid_api_key").body)
    try {
      checkBody(body)
    } catch (error) {
      if (error instanceof RequestError) return send(res, error.status, error.body)
      throw error
    }
    answer(res, body, nextStep(body))
  }

  const server = http.createServer((req, res) => {
    const path = (req.url || "").split("?")[0].replace(/\/+$/, "")
    if (req.method !== "POST" || path !== "/v1/responses") {
      req.resume()
      return send(res, 404, new RequestError(404, `Invalid URL (${req.method} ${req.url})`).body)
    }
    const chunks = []
    let size = 0
    req.on("data", (chunk) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        send(res, 413, new RequestError(413, "Request body too large.").body)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) return
      try {
        handle(req, res, Buffer.concat(chunks).toString("utf8"))
      } catch (error) {
        send(res, 500, statusError(500, `The simulator failed: ${error && error.message}`).body)
      }
    })
  })
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })

  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const port = server.address().port

  return {
    url: `http://${host}:${port}/v1`,
    port,
    requests,
    enqueue(...steps) {
      queue.push(...steps)
    },
    pending() {
      return queue.length
    },
    setDefault(behaviour) {
      fallback = behaviour ?? "stylist"
    },
    reset() {
      queue.length = 0
      requests.length = 0
      fallback = "stylist"
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      held.clear()
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

module.exports = { startOpenAIResponsesSimulator, SIMULATOR_MODEL, SIMULATOR_INVENTED_TITLE }
