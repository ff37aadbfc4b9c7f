import "server-only"
import { REQUEST_ID_HEADER } from "../core/request-id"
import { backendRequestId } from "./request-id"

/**
 * The one way the storefront talks to Medusa: server-side fetch of the Store API.
 * The backend URL is read at request time, so `next build` needs no backend and one
 * build serves any environment.
 */

export class MedusaError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type?: string
  ) {
    super(message)
    this.name = "MedusaError"
  }
}

/** The backend did not answer at all (down, restarting, wrong URL). */
export class BackendUnavailableError extends Error {
  constructor(readonly url: string, cause: unknown) {
    super(`The store backend at ${url} is not reachable`)
    this.name = "BackendUnavailableError"
    this.cause = cause
  }
}

export function backendUrl(): string {
  return (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
}

type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>

export type RequestOptions = {
  method?: "GET" | "POST" | "DELETE"
  query?: Query
  body?: unknown
  /** Customer JWT (Authorization: Bearer). */
  token?: string | null
  headers?: Record<string, string>
  /** Cache in Next's data cache for this many seconds, under these tags; omitted = no cache. */
  revalidate?: number
  tags?: string[]
  /** Give up after this many milliseconds (default 15 s), for calls a page can do without. */
  timeoutMs?: number
}

export function toSearch(query: Query | undefined): string {
  if (!query) return ""
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    // An empty string is sent: `expand=` tells Medusa to load no relations at all.
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v))
    else params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

const REQUEST_TIMEOUT_MS = 15000

/**
 * The shopper's address as the hop in front of us saw it (the last x-forwarded-for entry),
 * for the backend's per-address limits on sign-in and checkout; null outside a request
 * (a build) or when nobody forwarded one. Only writes ask, so cached reads stay static.
 */
async function shopperAddress(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers")
    return (await headers()).get("x-forwarded-for")?.split(",").pop()?.trim() || null
  } catch {
    return null
  }
}

export async function medusa<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = `${backendUrl()}${path}${toSearch(options.query)}`
  const headers: Record<string, string> = { accept: "application/json", ...options.headers }
  if (options.body !== undefined) headers["content-type"] = "application/json"
  if (options.token) headers.authorization = `Bearer ${options.token}`
  const key = process.env.MEDUSA_PUBLISHABLE_KEY
  if (key) headers["x-publishable-api-key"] = key

  const cached = options.revalidate !== undefined && (options.method ?? "GET") === "GET" && !options.token
  if ((options.method ?? "GET") !== "GET" && !headers["x-forwarded-for"]) {
    const address = await shopperAddress()
    if (address) headers["x-forwarded-for"] = address
  }
  // Every call that renders dynamically anyway carries the request's id. Cached reads carry none:
  // Next keys its data cache on the request headers, so a per-request id would make every read a miss;
  // the backend gives the ones it does receive (cache misses) an id of their own.
  if (!cached && !headers[REQUEST_ID_HEADER]) headers[REQUEST_ID_HEADER] = await backendRequestId()
  let res: Response
  try {
    res = await fetch(url, {
      method: options.method ?? "GET",
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      ...(cached ? { next: { revalidate: options.revalidate, tags: options.tags } } : { cache: "no-store" as const }),
    })
  } catch (error) {
    throw new BackendUnavailableError(backendUrl(), error)
  }
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!res.ok) {
    // Most errors are { message, type }; cart completion answers { errors: [{ message, type, code }] }.
    const payload = (body ?? {}) as { message?: string; type?: string; errors?: { message?: string; type?: string }[] }
    const first = payload.errors?.[0]
    throw new MedusaError(res.status, payload.message || first?.message || `The store answered ${res.status}`, payload.type ?? first?.type)
  }
  return body as T
}

/** For reads where "not there" is an answer, not an error. */
export async function medusaOrNull<T>(path: string, options: RequestOptions = {}): Promise<T | null> {
  try {
    return await medusa<T>(path, options)
  } catch (error) {
    if (error instanceof MedusaError && (error.status === 404 || error.status === 401)) return null
    throw error
  }
}
