export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`)
    this.name = "TimeoutError"
  }
}

/**
 * Settles with `work` or rejects after `ms`, whichever comes first. The work itself is not
 * cancelled (a pool checkout or a Redis command cannot be), only no longer waited for;
 * callers that can cancel on the server side (statement_timeout) do so as well.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms)
    timer.unref()
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

/** Elapsed milliseconds since `start` (a performance.now() reading), rounded for humans. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10
}
