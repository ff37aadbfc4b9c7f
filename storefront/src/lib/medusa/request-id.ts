import "server-only"
import { chooseRequestId, REQUEST_ID_HEADER } from "../core/request-id"

type RequestHeaders = { get(name: string): string | null }

/**
 * One id per incoming request, remembered against that request's headers: Next hands out
 * the same headers object for every headers() call of one request (render, server action
 * or route handler alike), and the entry goes when the request does.
 */
const ids = new WeakMap<RequestHeaders, string>()

/**
 * The `x-request-id` for the backend calls made while serving this request: the id nginx
 * (or another proxy) gave the request when it set one, otherwise one made here and shared by
 * every call of the same render or action. Reads headers(), so it is only for code that is
 * dynamic anyway (see medusa() in client.ts); outside a request (a build) each call gets its own.
 */
export async function backendRequestId(): Promise<string> {
  let incoming: RequestHeaders
  try {
    const { headers } = await import("next/headers")
    incoming = await headers()
  } catch {
    return crypto.randomUUID()
  }
  let id = ids.get(incoming)
  if (!id) {
    id = chooseRequestId(incoming.get(REQUEST_ID_HEADER), () => crypto.randomUUID())
    ids.set(incoming, id)
  }
  return id
}
