/**
 * One place that remembers what the bench started (backend stack, `next start`, Chrome)
 * and undoes it, newest first, on normal exit, on an error and on SIGINT/SIGTERM.
 */
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
          process.stderr.write(`[lighthouse] cleanup of ${label} failed: ${error?.message ?? error}\n`)
        }
      }
    })()
  }
  return running
}

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    process.stderr.write(`\n[lighthouse] ${signal}: stopping what the bench started…\n`)
    cleanupAll().finally(() => process.exit(code))
  })
}
