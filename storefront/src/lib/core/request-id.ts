/**
 * The id that ties a storefront request to the backend calls made for it: the backend
 * keeps a well-formed `x-request-id` (the same rule as backend/src/core/request-id.ts) and
 * logs it on each call's access line, so one page render is found by one id on both sides.
 */
export const REQUEST_ID_HEADER = "x-request-id"

const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === "string" && WELL_FORMED.test(value)
}

/** The id the proxy in front of us set when it is well formed (a malformed one would be replaced by the backend anyway), else a new one. */
export function chooseRequestId(incoming: string | null | undefined, generate: () => string): string {
  return isWellFormedRequestId(incoming) ? incoming : generate()
}

/** A server log message that names the request, for finding the backend's lines of the same request. */
export function withRequestId(message: string, requestId: string): string {
  return `${message} [request_id=${requestId}]`
}
