/**
 * Input checked at the edge: a bad body becomes a 400 listing every problem by field,
 * e.g. "Invalid measurements: bust_cm: must be between 40 and 200 cm; bra_size: ...".
 */
import { MedusaError } from "@medusajs/utils"
import { Result, formatProblems } from "../core/result"

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

/** An optional filter from the query string (`?product_id=`): one plain id, else a 400. */
export function queryId(query: Record<string, unknown>, key: string): string | undefined {
  const value = query[key]
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string" || !/^[\x21-\x7e]{1,100}$/.test(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid query: ${key}: must be one id such as prod_01H... or pcat_01H...`)
  }
  return value
}
