/**
 * What the server logged for one request: Medusa's error handler logs the error with its
 * stack before it answers 500, so replaying a finding alone and reading the lines it added
 * to server.log names the cause ("URIError: Failed to decode param") and the frame of our
 * code it came from, mapped back to the TypeScript line through dist/'s source maps.
 */
import fs from "node:fs"
import path from "node:path"
import { SourceMap } from "node:module"

const ANSI = /\x1b\[[0-9;]*m/g
const maps = new Map()

/** Bytes appended to the log since `offset`, once a 5xx access-log line shows up (or after `waitMs`). */
export async function readAppended(file, offset, waitMs = 600) {
  const deadline = Date.now() + waitMs
  let text = ""
  do {
    await new Promise((r) => setTimeout(r, 25))
    const size = fs.statSync(file).size
    if (size > offset) {
      const fd = fs.openSync(file, "r")
      const buf = Buffer.alloc(Math.min(size - offset, 2 * 1024 * 1024))
      fs.readSync(fd, buf, 0, buf.length, offset)
      fs.closeSync(fd)
      text = buf.toString("utf8").replace(ANSI, "")
      if (/HTTP\/1\.1" \d{3} /.test(text)) return text
    }
  } while (Date.now() < deadline)
  return text
}

/** `/repo/plugins/x/dist/a.js:10:5` -> `plugins/x/src/a.ts:12` when a source map knows the line. */
export function sourceLocation(repoRoot, frameFile, line, column) {
  const rel = path.relative(repoRoot, frameFile)
  if (rel.startsWith("..") || rel.includes("node_modules")) return `${rel.replace(/^(\.\.\/)+/, "")}:${line}`
  const mapFile = `${frameFile}.map`
  try {
    if (!maps.has(mapFile)) maps.set(mapFile, fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, "utf8"))) : null)
    const map = maps.get(mapFile)
    const entry = map?.findEntry(line - 1, column - 1)
    if (entry?.originalSource) {
      const original = path.resolve(path.dirname(frameFile), entry.originalSource.replace(/^file:\/\//, ""))
      return `${path.relative(repoRoot, original)}:${entry.originalLine + 1}`
    }
  } catch {
    // a broken map: the compiled location is still a lead
  }
  return `${rel}:${line}`
}

/**
 * The first error in a log excerpt: its class and message, the first frame in our code
 * (plugins/, backend/, packages/) and the first frame at all.
 */
export function firstError(text, repoRoot) {
  const lines = text.split("\n")
  const start = lines.findIndex((l) => /^([A-Z]\w*(Error|Exception)|Error)(\s*\[[\w-]+\])?: /.test(l))
  if (start === -1) {
    const logged = lines.find((l) => /^error:\s/.test(l))
    return logged ? { error: logged.replace(/^error:\s+/, "").trim(), ours: null, first: null } : null
  }
  const frames = []
  for (const l of lines.slice(start + 1)) {
    const m = l.match(/^\s+at (?:async )?(?:(.*?) \()?(\/[^():]+):(\d+):(\d+)\)?/)
    if (!m) {
      if (/^\s+at /.test(l)) continue
      break
    }
    frames.push({ fn: m[1] ?? "", file: m[2], line: Number(m[3]), column: Number(m[4]) })
  }
  const where = (f) => (f ? `${f.fn ? `${f.fn} ` : ""}${sourceLocation(repoRoot, f.file, f.line, f.column)}` : null)
  const isOurs = (f) => !f.file.includes("node_modules") && /\/(plugins|backend|packages)\//.test(f.file)
  return { error: lines[start].trim().slice(0, 300), ours: where(frames.find(isOurs)), first: where(frames[0]) }
}

/**
 * One cause for many messages. An error raised in our code is keyed by its message (ids,
 * quoted values and numbers blanked) and our frame; one raised in a library before any of
 * our code ran (the body parser, Express decoding the path) by its class and where it was thrown.
 */
export function causeKey(found) {
  if (!found) return "nothing logged"
  if (!found.ours) return `${found.error.split(":")[0]} @ ${found.first ?? "?"}`
  const message = found.error
    .replace(/'[^']*'|"[^"]*"/g, "'…'")
    .replace(/\b[a-z]+_[A-Za-z0-9]{6,}\b/g, "<id>")
    .replace(/\d+/g, "N")
  return `${message} @ ${found.ours}`
}
