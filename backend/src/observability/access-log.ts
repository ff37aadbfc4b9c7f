import { AccessEntry, LogFormat, LogLevel, accessLevel, formatAccessLine, levelEnabled } from "../core/access-log"
import { runtimeChoices } from "./runtime"

type Writer = (line: string) => void

/**
 * Straight to stdout rather than through Medusa's logger: its development format (winston's
 * cli) prints the message only, and the request's fields are the point of the line.
 */
let write: Writer = (line) => {
  process.stdout.write(`${line}\n`)
}
let settings: { format: LogFormat; level: LogLevel } | null = null

/** Where lines go and how they look; for tests that read the lines in-process. */
export function setAccessLogOutput(writer: Writer, options?: { format: LogFormat; level: LogLevel }): void {
  write = writer
  if (options) settings = options
}

/** Writes the access line of one finished (or abandoned) request, if LOG_LEVEL lets it through. */
export function logAccess(entry: AccessEntry): void {
  try {
    settings ??= runtimeChoices().logging
    if (!levelEnabled(accessLevel(entry.status), settings.level)) return
    write(formatAccessLine(entry, settings.format))
  } catch {
    // Runs in a response's "close" listener, where a throw would take the process down; a lost line would not.
  }
}
