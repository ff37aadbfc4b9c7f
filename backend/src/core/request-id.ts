/**
 * The id that ties one request's log lines together, here and in the storefront that
 * sent it. A caller's id is kept when it is short and plain (the storefront's, a proxy's,
 * a support ticket's): it ends up in log lines and a response header, so anything that
 * could break a line, a JSON string or a header is replaced rather than cleaned up.
 */
export const REQUEST_ID_HEADER = "x-request-id"

const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === "string" && WELL_FORMED.test(value)
}

/**
 * The caller's id when well formed, otherwise a new one. A header sent twice reaches us
 * joined with ", " (or as a list), which is not one id: a new one is made.
 */
export function chooseRequestId(incoming: string | string[] | undefined | null, generate: () => string): string {
  return isWellFormedRequestId(incoming) ? incoming : generate()
}
