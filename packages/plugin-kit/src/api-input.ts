/**
 * Input checked at the edge of a route: a bad body or query becomes a 400 listing every
 * problem by field (e.g. "Invalid review: rating: ...; body: ..."), a missing customer a 401,
 * an id that can name nothing a 404. Thrown as MedusaError so Medusa's error handler answers.
 */
import { MedusaError } from "@medusajs/utils"
import { Result, formatProblems } from "./result"

export function ensureValid<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid ${what}: ${formatProblems(result.problems)}`)
}

/** The logged-in customer's id (session cookie or customer bearer token), or a 401. */
export function customerIdOf(req: { user?: { customer_id?: string } }, doing: string): string {
  const id = req.user?.customer_id
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Log in to ${doing}`)
  return id
}

/**
 * An id or handle from the path. PostgreSQL text cannot hold a NUL character and would fail
 * the query (a 500); such an id, or an absurdly long one, names nothing, so it is a 404.
 */
export function pathId(value: string | undefined, notFound: (id: string) => string): string {
  const id = value ?? ""
  if (!id || id.length > 200 || id.includes("\u0000")) throw new MedusaError(MedusaError.Types.NOT_FOUND, notFound(id.replace(/\u0000/g, "")))
  return id
}

/**
 * An optional filter from the query string (`?product_id=`): one plain id, else a 400 whose
 * message shows `example`, the kind of id the route takes.
 */
export function queryId(query: Record<string, unknown>, key: string, example = "prod_01H..."): string | undefined {
  const value = query[key]
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string" || !/^[\x21-\x7e]{1,100}$/.test(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid query: ${key}: must be one id such as ${example}`)
  }
  return value
}
