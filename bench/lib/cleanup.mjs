/**
 * One place that remembers what a bench started (backend stack, `next start`, Chrome,
 * simulators) and undoes it, newest first, on normal exit, on an error and on SIGINT/SIGTERM.
 * Shared by every bench; messages carry the bench's name (its folder).
 */
import path from "node:path"

/** The running bench, e.g. "lighthouse" for lighthouse/run.mjs. */
const bench = path.basename(path.dirname(process.argv[1] ?? "bench"))
const tasks = []
let running = null

/** Registers an async undo step; returns a function that runs it early and forgets it. */
export function onCleanup(label, fn) {
  const task = { label, fn }
  tasks.push(task)
  return async () => {
    const i = tasks.indexOf(task)
    if (i === -1) return
    tasks.splice(i, 1)
    await fn()
  }
}

/** Runs every registered step once (later calls wait for the same run). */
export function cleanupAll() {
  if (!running) {
    running = (async () => {
      while (tasks.length) {
        const { label, fn } = tasks.pop()
        try {
          await fn()
        } catch (error) {
          process.stderr.write(`[${bench}] cleanup of ${label} failed: ${error?.message ?? error}\n`)
        }
      }
    })()
  }
  return running
}

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    process.stderr.write(`\n[${bench}] ${signal}: stopping what the bench started…\n`)
    cleanupAll().finally(() => process.exit(code))
  })
}
