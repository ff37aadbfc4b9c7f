/**
 * Types for openai-responses-simulator.cjs (hand-written; the module is plain CommonJS).
 *
 * Import it extensionless from TypeScript tests: `import { startOpenAIResponsesSimulator } from
 * "../../simulator/openai-responses-simulator"` (TypeScript reads this file, jest loads the .cjs).
 * Point the `openai` SDK (or OPENAI_BASE_URL) at `sim.url`.
 *
 * ## Endpoint (under `${sim.url}` = `http://127.0.0.1:<port>/v1`)
 *
 * | call                | answers |
 * |---------------------|---------|
 * | POST /responses     | 200 a `Response` (`id: "resp_sim…"`, `object: "response"`, `created_at`, `status: "completed"`, `model` as sent, `output`, `usage`, and the request's `instructions`, `tools`, `text`, `tool_choice`, `store` echoed) |
 * | bad bearer key      | 401 `{error: {message, type: "invalid_request_error", param: null, code}}` (`code: "invalid_api_key"` for a wrong key, null for none) |
 * | bad body            | 400 `{error: {message, type, param, code}}`: not JSON; no `model` or `input`; `stream: true`; a function tool with a bad name or duplicate name; a strict function or `text.format` json_schema where an object lacks `additionalProperties: false` or `required` does not list every property; a `function_call_output` whose call_id matches no earlier `function_call`; a `function_call` with no output after it |
 * | stored-item lookups | 404 "Item with id '…' not found. Items are not persisted when `store` is set to false…" for an `item_reference`, or a `reasoning` item without `encrypted_content`, when `store` is false |
 * | anything else       | 404 "Invalid URL (METHOD /path)" |
 *
 * Every POST /v1/responses body is recorded in `requests` (in arrival order, also the ones
 * refused), and a step is used only by a request that passed the checks above.
 *
 * ## Steps (each answers one call, in queue order; `enqueue(...steps)`)
 *
 * | step                                   | answer |
 * |----------------------------------------|--------|
 * | `{answer: {reply, outfits, follow_ups}}` | an output message whose text is `JSON.stringify(answer)` |
 * | `{tool_calls: [{name, arguments}]}`    | `function_call` items (`call_id: "call_sim…"`) with `arguments` sent as given, malformed JSON included; `tool_choice` is not consulted |
 * | `{raw_text}`                           | an output message with exactly that text |
 * | `{status: 429 \| 500 \| 503, message?}` | that HTTP status with an OpenAI-style error body |
 * | `{delay_ms, then?}`                    | waits, then answers as `then` (default: the default behaviour) |
 * | `{hang: true}`                         | never answers; the connection is cut by `stop()` |
 * | `{over_budget: true}`                  | the fake stylist taking the most expensive piece of each role and ignoring the budget. While the request carries no tool output yet it makes the searches and **stays at the head of the queue**, so one step covers a whole run |
 * | `{hallucinate: true}`                  | an answer whose ids (`variant_01HALLUCINATED…`) and product (`SIMULATOR_INVENTED_TITLE`, named in the reply) do not exist |
 *
 * ## Default behaviour "stylist" (when the queue is empty)
 *
 * A small, honest fake model. With no `function_call_output` in the input (and `tool_choice`
 * not "none", and a `search_catalog` tool offered) it calls `search_catalog` twice:
 * `{query: <last user message>, categories: null, …}` and `{query: "heels", categories: ["heels"], …}`
 * (every strict parameter present, nulls for the rest). When every tool output so far is an
 * `{error: …}` object and fewer than four calls were made, it searches the same way again, as a
 * model retrying would. Once other outputs are present it reads every
 * object with a `product_id` and a `variant_id` in them (role from `role`, else guessed from
 * the title and category; `price` in major units) and the first `budget_for_whole_outfit`
 * number, and answers with one or two complete looks (a dress, a co-ord, or a top with a
 * bottom, plus shoes when they still fit the budget; no base product twice), taking pieces in
 * the order the tools ranked them and naming only those products in the reply. When nothing
 * makes a complete look, it answers with no outfits and asks to change colours or pieces.
 * `setDefault("over_budget" | "hallucinate")` or `setDefault(step)` changes it.
 */

export type SimAnswer = {
  reply: string
  outfits: { title: string; rationale: string; items: { product_id: string; variant_id: string }[] }[]
  follow_ups: string[]
}

export type SimStep =
  | { answer: SimAnswer | Record<string, unknown> }
  | { tool_calls: { name: string; arguments: string }[] }
  | { raw_text: string }
  | { status: number; message?: string }
  | { delay_ms: number; then?: SimStep | SimBehaviour }
  | { hang: true }
  | { over_budget: true }
  | { hallucinate: true }

export type SimBehaviour = "stylist" | "over_budget" | "hallucinate"

export type OpenAIResponsesSimulatorOptions = {
  /** 0 (default) picks a free port */
  port?: number
  /** default "127.0.0.1" */
  host?: string
  /** the only bearer key accepted; default "sk-test" */
  apiKey?: string
}

export type OpenAIResponsesSimulator = {
  /** the base URL to give the SDK, e.g. http://127.0.0.1:4021/v1 */
  readonly url: string
  readonly port: number
  /** every POST /v1/responses body as parsed (`{unparseable: text}` when it was not JSON), in arrival order */
  readonly requests: any[]
  /** queue steps; each answers one call */
  enqueue(...steps: SimStep[]): void
  /** steps still queued */
  pending(): number
  /** how calls are answered when the queue is empty; default "stylist" */
  setDefault(behaviour: SimBehaviour | SimStep): void
  /** empty the queue and `requests`, back to "stylist" (answers already under way still go out) */
  reset(): void
  /** cut every open connection (hung and delayed calls included) and close the server */
  stop(): Promise<void>
}

export function startOpenAIResponsesSimulator(options?: OpenAIResponsesSimulatorOptions): Promise<OpenAIResponsesSimulator>

/** A model name for tests; the simulator answers whatever model is asked for. */
export const SIMULATOR_MODEL: "gpt-sim-stylist"
/** The product the `hallucinate` step invents and names in its reply. */
export const SIMULATOR_INVENTED_TITLE: string
