/**
 * The stylist's conversation with OpenAI through the Responses API: function tools in,
 * a strict `stylist_answer` JSON out. Stateless (`store: false`), so every round sends
 * the whole item list again. It never throws and never retries: a run ends in an answer
 * or a failure kind, and the service decides what to do next.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AuthenticationError, PermissionDeniedError, RateLimitError } from "openai"
import type { Response, ResponseCreateParamsNonStreaming, ResponseFunctionToolCall, ResponseInputItem, ResponseOutputItem } from "openai/resources/responses/responses"
import { ModelAnswer, STYLIST_ANSWER_FORMAT, STYLIST_TOOLS, formatProblems, parseModelAnswer } from "../core"

export type ModelTurn = { role: "user" | "assistant"; content: string }

export type ModelFailure = "timeout" | "unavailable" | "rate_limited" | "auth" | "bad_output" | "too_many_rounds" | "http_error"

export type ModelToolCall = { name: string; problem: string | null }

export type ModelRun =
  | { ok: true; answer: ModelAnswer; tool_calls: ModelToolCall[]; rounds: number }
  | { ok: false; failure: ModelFailure; message: string }

/**
 * Runs one tool call. Its value is sent to the model as JSON (a string as it is); an object
 * with an `error` string counts as a failed call, as does an `executeStylistTool` result
 * (`{output, problem}`) with a problem.
 */
export type ToolRunner = (name: string, rawArguments: string) => unknown | Promise<unknown>

export type StylistRunRequest = {
  instructions: string
  input: ModelTurn[]
  executeTool: ToolRunner
  /** Overrides the stylist's `deadlineMs` for this run. */
  deadlineMs?: number
}

export type OpenAIResponsesStylistOptions = {
  apiKey: string
  /** null or absent: the SDK's default (OPENAI_BASE_URL, else api.openai.com). */
  baseURL?: string | null
  model: string
  /** The most one request may take. */
  timeoutMs: number
  /** Rounds of tool calls before the model must answer; default 4. */
  maxToolRounds?: number
  /** The most a whole run may take, tool rounds included; default 2.5 x timeoutMs. */
  deadlineMs?: number
  maxOutputTokens?: number | null
  /**
   * Ask for reasoning items' encrypted content, without which a reasoning model's items cannot
   * be sent back when nothing is stored. Non-reasoning models refuse the request with it, so
   * it defaults to on only for o-series and gpt-5 models.
   */
  encryptedReasoning?: boolean
}

/** The SDK's own timeout only backs ours up, so it is set a little later. */
const SDK_TIMEOUT_MARGIN_MS = 1000

class RunFailure extends Error {
  constructor(readonly failure: ModelFailure, message: string) {
    super(message)
  }
}

const isFunctionCall = (item: ResponseOutputItem): item is ResponseFunctionToolCall => item.type === "function_call"

function messageText(item: ResponseOutputItem): { text: string; refusal: string | null } {
  if (item.type !== "message") return { text: "", refusal: null }
  const text = item.content.map((part) => (part.type === "output_text" ? part.text : "")).join("")
  const refusal = item.content.map((part) => (part.type === "refusal" ? part.refusal : "")).join("")
  return { text, refusal: refusal || null }
}

/**
 * The items of a tool round to send back. Nothing is stored server-side, so ids that point
 * at stored items are left out, and reasoning that came without its encrypted content
 * cannot be sent back at all.
 */
function replayable(output: ResponseOutputItem[]): ResponseInputItem[] {
  return output.flatMap((item): ResponseInputItem[] => {
    if (item.type === "function_call") return [{ type: "function_call", call_id: item.call_id, name: item.name, arguments: item.arguments }]
    if (item.type === "reasoning") return item.encrypted_content ? [{ type: "reasoning", id: item.id, summary: item.summary, encrypted_content: item.encrypted_content }] : []
    if (item.type === "message") {
      const { text } = messageText(item)
      return text ? [{ role: "assistant", content: text }] : []
    }
    return []
  })
}

function toolResult(value: unknown): { output: string; problem: string | null } {
  const isObject = typeof value === "object" && value !== null
  const keys = isObject ? Object.keys(value) : []
  if (isObject && keys.length === 2 && keys.includes("output") && keys.includes("problem")) {
    const execution = value as { output: unknown; problem: unknown }
    return { output: toolResult(execution.output).output, problem: typeof execution.problem === "string" ? execution.problem : null }
  }
  const error = isObject ? (value as { error?: unknown }).error : undefined
  return { output: typeof value === "string" ? value : JSON.stringify(value ?? null), problem: typeof error === "string" ? error : null }
}

function failureOf(error: unknown, deadlinePassed: boolean): { failure: ModelFailure; message: string } {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof RunFailure) return { failure: error.failure, message }
  if (deadlinePassed || error instanceof APIUserAbortError) return { failure: "timeout", message: "the run's deadline passed" }
  if (error instanceof APIConnectionTimeoutError) return { failure: "timeout", message }
  if (error instanceof APIConnectionError) return { failure: "unavailable", message }
  if (error instanceof RateLimitError) return { failure: "rate_limited", message }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return { failure: "auth", message }
  if (error instanceof APIError && typeof error.status === "number" && error.status >= 500) return { failure: "unavailable", message }
  return { failure: "http_error", message }
}

/** Rejects when the signal aborts, so a tool that never settles cannot outlive the run. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new RunFailure("timeout", "the run's deadline passed"))
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RunFailure("timeout", "the run's deadline passed during a tool call"))
    signal.addEventListener("abort", onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort))
  })
}

export class OpenAIResponsesStylist {
  private readonly client: OpenAI
  private readonly model: string
  private readonly timeoutMs: number
  private readonly maxToolRounds: number
  private readonly deadlineMs: number
  private readonly maxOutputTokens: number | null
  private readonly encryptedReasoning: boolean

  constructor(options: OpenAIResponsesStylistOptions) {
    if (!options.apiKey) throw new Error("OpenAIResponsesStylist needs an apiKey")
    if (!options.model) throw new Error("OpenAIResponsesStylist needs a model")
    if (!(options.timeoutMs > 0)) throw new Error("OpenAIResponsesStylist needs a positive timeoutMs")
    this.model = options.model
    this.timeoutMs = Math.ceil(options.timeoutMs)
    this.maxToolRounds = Math.max(1, Math.floor(options.maxToolRounds ?? 4))
    this.deadlineMs = options.deadlineMs ?? 2.5 * this.timeoutMs
    this.maxOutputTokens = options.maxOutputTokens ?? null
    this.encryptedReasoning = options.encryptedReasoning ?? /^(o\d|gpt-5)(?!.*chat)/i.test(options.model)
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL ?? undefined, timeout: this.timeoutMs, maxRetries: 0 })
  }

  async run(request: StylistRunRequest): Promise<ModelRun> {
    const deadlineMs = request.deadlineMs ?? this.deadlineMs
    const startedAt = Date.now()
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), deadlineMs)
    try {
      return await this.converse(request, controller.signal, () => deadlineMs - (Date.now() - startedAt))
    } catch (error) {
      return { ok: false, ...failureOf(error, controller.signal.aborted) }
    } finally {
      clearTimeout(timer)
    }
  }

  private async converse(request: StylistRunRequest, signal: AbortSignal, remainingMs: () => number): Promise<ModelRun> {
    const conversation: ResponseInputItem[] = request.input.map((turn) => ({ role: turn.role, content: turn.content }))
    const toolCalls: ModelToolCall[] = []
    for (let round = 1; ; round++) {
      const remaining = remainingMs()
      if (remaining <= 0) throw new RunFailure("timeout", "the run's deadline passed")
      // The round after the last tool round allows no tools, so the model has to answer.
      const mustAnswer = round > this.maxToolRounds
      const response = await this.create(this.params(request.instructions, conversation, mustAnswer), signal, Math.max(1, Math.floor(Math.min(this.timeoutMs, remaining))))
      if (!Array.isArray(response.output)) throw new RunFailure("bad_output", "the response has no output items")
      const calls = response.output.filter(isFunctionCall)
      if (calls.length === 0) return this.answerOf(response, toolCalls, round)
      if (mustAnswer) throw new RunFailure("too_many_rounds", `the model still called tools after ${this.maxToolRounds} rounds`)
      conversation.push(...replayable(response.output))
      for (const call of calls) {
        const { output, problem } = await this.runTool(request.executeTool, call, signal)
        toolCalls.push({ name: call.name, problem })
        conversation.push({ type: "function_call_output", call_id: call.call_id, output })
      }
    }
  }

  /**
   * One request, timed by our own abort rather than the SDK's timeout: the SDK tells its
   * timeouts from other connection errors by the error's class, which fails when fetch
   * lives in another realm (as under jest), and a timeout must never read as "unavailable".
   */
  private async create(params: ResponseCreateParamsNonStreaming, deadline: AbortSignal, ms: number): Promise<Response> {
    const controller = new AbortController()
    const abort = () => controller.abort()
    const timer = setTimeout(abort, ms)
    deadline.addEventListener("abort", abort, { once: true })
    try {
      return await this.client.responses.create(params, { signal: controller.signal, timeout: ms + SDK_TIMEOUT_MARGIN_MS })
    } catch (error) {
      if (controller.signal.aborted) throw new RunFailure("timeout", deadline.aborted ? "the run's deadline passed" : `no answer within ${ms} ms`)
      throw error
    } finally {
      clearTimeout(timer)
      deadline.removeEventListener("abort", abort)
    }
  }

  private params(instructions: string, input: ResponseInputItem[], mustAnswer: boolean): ResponseCreateParamsNonStreaming {
    return {
      model: this.model,
      instructions,
      input: [...input],
      tools: STYLIST_TOOLS,
      text: { format: STYLIST_ANSWER_FORMAT },
      store: false,
      ...(mustAnswer ? { tool_choice: "none" as const } : {}),
      ...(this.encryptedReasoning ? { include: ["reasoning.encrypted_content" as const] } : {}),
      ...(this.maxOutputTokens ? { max_output_tokens: this.maxOutputTokens } : {}),
    }
  }

  private async runTool(executeTool: ToolRunner, call: ResponseFunctionToolCall, signal: AbortSignal): Promise<{ output: string; problem: string | null }> {
    try {
      return toolResult(await untilAborted(Promise.resolve().then(() => executeTool(call.name, call.arguments)), signal))
    } catch (error) {
      if (error instanceof RunFailure) throw error
      // The model can still answer from the other tools' results.
      const message = error instanceof Error ? error.message : String(error)
      return { output: JSON.stringify({ error: `${call.name} failed inside the store; carry on without it.` }), problem: `threw: ${message}` }
    }
  }

  private answerOf(response: Response, toolCalls: ModelToolCall[], rounds: number): ModelRun {
    if (response.status === "incomplete") throw new RunFailure("bad_output", `the answer was cut short (${response.incomplete_details?.reason ?? "no reason given"})`)
    if (response.status === "failed") throw new RunFailure("unavailable", response.error?.message ?? "the response failed")
    const messages = response.output.map(messageText).filter((m) => m.text || m.refusal)
    const last = messages[messages.length - 1]
    if (!last) throw new RunFailure("bad_output", "the response has no message")
    if (!last.text) throw new RunFailure("bad_output", `the model refused: ${last.refusal}`)
    const parsed = parseModelAnswer(last.text)
    if (!parsed.ok) throw new RunFailure("bad_output", `the answer is not a stylist_answer: ${formatProblems(parsed.problems)}`)
    return { ok: true, answer: parsed.value, tool_calls: toolCalls, rounds }
  }
}
