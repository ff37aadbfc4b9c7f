import { currentRequestContext } from "./request-context"

type Info = { level?: unknown; message?: unknown; request_id?: unknown; [key: string]: unknown }
type Format = { transform: (info: Info, options?: unknown) => Info | boolean; options?: unknown }
/** Medusa 1.20's logger (medusa-cli's Reporter) keeps its winston logger here. */
type MedusaLogger = { loggerInstance_?: { format?: Format } }

const TAGGED = Symbol.for("fashion.requestIdTagged")

/**
 * Adds `request_id` to every line Medusa's logger writes while a request runs: its error
 * handler logs an error's message (and stack) on its own, without any request, so this
 * is what ties a 5xx's cause to the request that met it. In production those lines are
 * winston's JSON; in development winston's cli format prints the message only, and the
 * access line (which takes the error's message, kept here) is the one to read.
 *
 * Winston runs `logger.format.transform` on every entry before its transports, so the
 * format is wrapped, not replaced. Returns false, changing nothing, if Medusa's logger
 * is not built that way (another Medusa version): the access lines still carry the id.
 */
export function tagMedusaLoggerWithRequestId(logger: unknown): boolean {
  const winston = (logger as MedusaLogger | null)?.loggerInstance_
  const inner = winston?.format
  if (!winston || !inner || typeof inner.transform !== "function") return false
  if ((inner as { [TAGGED]?: boolean })[TAGGED]) return true
  const tagged: Format & { [TAGGED]: boolean } = {
    [TAGGED]: true,
    options: inner.options,
    transform(info: Info) {
      const context = currentRequestContext()
      if (context) {
        info.request_id ??= context.requestId
        if (info.level === "error" && typeof info.message === "string" && info.message) context.error = info.message
      }
      return inner.transform(info, inner.options)
    },
  }
  winston.format = tagged
  return true
}
