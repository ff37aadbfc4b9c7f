import { AsyncLocalStorage } from "async_hooks"
import { randomUUID } from "crypto"
import type { IncomingMessage, ServerResponse } from "http"
import { REQUEST_ID_HEADER, chooseRequestId } from "../core/request-id"

/** What code running for a request can know about it. */
export type RequestContext = {
  requestId: string
  /** the last error Medusa's logger wrote while the request ran, for its access line */
  error?: string
}

const storage = new AsyncLocalStorage<RequestContext>()
const contexts = new WeakMap<IncomingMessage, RequestContext>()

/**
 * The request's context, made on first sight: the id is chosen once and answered in the
 * `x-request-id` header straight away, so every response carries it, errors, 404s and
 * rate-limited ones included. Called both when Node announces the request and by the
 * first project middleware; whichever comes first decides.
 */
export function requestContextFor(request: IncomingMessage, response: ServerResponse): RequestContext {
  let context = contexts.get(request)
  if (!context) {
    context = { requestId: chooseRequestId(request.headers[REQUEST_ID_HEADER], randomUUID) }
    contexts.set(request, context)
  }
  if (!response.headersSent && response.getHeader(REQUEST_ID_HEADER) !== context.requestId) response.setHeader(REQUEST_ID_HEADER, context.requestId)
  return context
}

/** Runs `fn` (and everything it starts) inside the request's context. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn)
}

/**
 * Makes the context current for the rest of the work Node does for this request from here on.
 * For the moment Node announces a request, before Express runs: there is no callback to wrap
 * there, and routers mounted before the project's own (Medusa's /health, plugins' routes, in
 * whatever order their loaders finished) would otherwise run without it. The store sits on the
 * connection's async resource until that connection's next request replaces it.
 */
export function enterRequestContext(context: RequestContext): void {
  storage.enterWith(context)
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore()
}

/** The id of the request this code runs for, or undefined outside a request (jobs, subscribers started at boot). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId
}
