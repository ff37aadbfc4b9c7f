import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { bodyParseErrorsAs400 } from "./body-parse-errors"

/**
 * What PostgreSQL or Express cannot take, refused at the edge with a 400 that says what is
 * wrong, before any route or query sees it: a path whose percent-encoding is broken (Express
 * would throw while matching the route), and text holding a NUL character or half of a
 * UTF-16 surrogate pair (PostgreSQL text and jsonb reject both) in the path, the query or a
 * parsed JSON body. Raw bodies (signed webhooks) are left to their routes.
 */
export function rejectUnstorableInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const problem = unstorableInputProblem(req.originalUrl ?? req.url, req.query, req.body)
  if (problem) {
    res.status(400).json({ type: "invalid_data", message: problem })
    return
  }
  next()
}

const MAX_DEPTH = 64

/** Pure, for tests: the first problem with a request's path, query and body, or null. */
export function unstorableInputProblem(url: string, query: unknown, body: unknown): string | null {
  const path = url.split("?")[0]
  for (const segment of path.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return `The path ${truncate(path)} has broken percent-encoding (a % must be followed by two hex digits of valid UTF-8)`
    }
    if (unstorable(decoded)) return `The path holds a character that cannot be stored (NUL or half a surrogate pair)`
  }
  const inQuery = findUnstorable(query, "query", 0)
  if (inQuery) return `${inQuery} holds a character that cannot be stored (NUL or half a surrogate pair)`
  if (body && typeof body === "object" && !Buffer.isBuffer(body)) {
    const inBody = findUnstorable(body, "body", 0)
    if (inBody) return `${inBody} holds a character that cannot be stored (NUL or half a surrogate pair)`
  }
  return null
}

// A lone high surrogate (not followed by a low one) or a lone low surrogate (not after a high one).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function unstorable(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text)
}

function findUnstorable(value: unknown, at: string, depth: number): string | null {
  if (typeof value === "string") return unstorable(value) ? at : null
  if (!value || typeof value !== "object" || depth > MAX_DEPTH) return null
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (unstorable(key)) return `${at} (a field name)`
    const found = findUnstorable(child, Array.isArray(value) ? `${at}[${key}]` : `${at}.${key}`, depth + 1)
    if (found) return found
  }
  return null
}

const truncate = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text)

/**
 * The guards for every /store and /admin route of a router (each plugin and the backend have
 * their own): spread into a `middlewares.ts`. Not /hooks: signed webhooks read raw bytes.
 */
export const storeAndAdminInputGuards = [
  // Regular expressions without groups: a "/store*" string would capture the rest of the path
  // as a parameter, and Express, failing to decode a broken one, would skip these handlers too.
  { matcher: /^\/store(?:\/.*)?$/, middlewares: [rejectUnstorableInput, bodyParseErrorsAs400] },
  { matcher: /^\/admin(?:\/.*)?$/, middlewares: [rejectUnstorableInput, bodyParseErrorsAs400] },
]

/**
 * For /hooks routes, which keep their raw bodies: only the error half (a broken path, a body
 * the parser refused) answered as a 400 instead of a 500.
 */
export const hookPathGuard = { matcher: /^\/hooks(?:\/.*)?$/, middlewares: [bodyParseErrorsAs400] }
