/**
 * One line per finished request. Only what cannot carry a shopper's data goes in: the
 * route label (a pattern such as `/store/products/:id`, never the URL with its ids and
 * query string), the method, the status and the time taken. Bodies, cookies and
 * authorization never reach this module.
 */

export type LogFormat = "json" | "text"
export type LogLevel = "error" | "warn" | "info" | "http" | "verbose" | "debug" | "silly"

/** winston's npm levels, which Medusa's logger uses: a lower number is more severe. */
const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, http: 3, verbose: 4, debug: 5, silly: 6 }

/** An error message longer than this is cut: one runaway message must not make a line of megabytes. */
export const MAX_ERROR_LENGTH = 500

export type AccessEntry = {
  requestId: string
  method: string
  route: string
  status: number
  durationMs: number
  time: Date
  /** the client hung up before the answer was complete */
  aborted?: boolean
  /** what was logged as an error while the request ran (5xx only) */
  error?: string
}

/** Whether a line of `level` is written under LOG_LEVEL `threshold` (Medusa's default is silly: everything). */
export function levelEnabled(level: LogLevel, threshold: LogLevel): boolean {
  return LEVELS[level] <= LEVELS[threshold]
}

/** A 5xx is our failure and is logged as one; 4xx answers are the caller's business. */
export function accessLevel(status: number): LogLevel {
  return status >= 500 && status <= 599 ? "error" : "info"
}

function shortError(message: string): string {
  const oneLine = message.replace(/\s+/g, " ").trim()
  return oneLine.length > MAX_ERROR_LENGTH ? `${oneLine.slice(0, MAX_ERROR_LENGTH)}…` : oneLine
}

/** The line without its newline: JSON for collectors, or a short readable form for a developer's terminal. */
export function formatAccessLine(entry: AccessEntry, format: LogFormat): string {
  const level = accessLevel(entry.status)
  const durationMs = Math.round(entry.durationMs * 10) / 10
  const error = level === "error" && entry.error ? shortError(entry.error) : undefined
  if (format === "json") {
    return JSON.stringify({
      level,
      msg: "request",
      request_id: entry.requestId,
      method: entry.method,
      route: entry.route,
      status: entry.status,
      duration_ms: durationMs,
      time: entry.time.toISOString(),
      ...(entry.aborted ? { aborted: true } : {}),
      ...(error ? { error } : {}),
    })
  }
  const tail = [entry.aborted ? "aborted" : "", error ? `error="${error.replace(/"/g, "'")}"` : ""].filter(Boolean).join(" ")
  return `${entry.time.toISOString()} ${level} ${entry.method} ${entry.route} ${entry.status} ${durationMs}ms request_id=${entry.requestId}${tail ? ` ${tail}` : ""}`
}
