/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * min(max, base * 2^(n-1)). The floor keeps a burst of 429s from being hammered at once;
 * the jitter spreads several clients (replicas) apart.
 */
export type BackoffPolicy = { baseMs: number; maxMs: number }

export function backoffDelayMs(retry: number, { baseMs, maxMs }: BackoffPolicy, random: () => number = Math.random): number {
  if (!Number.isInteger(retry) || retry < 1) throw new RangeError(`retry must be an integer >= 1, got ${retry}`)
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(retry - 1, 30))
  const r = Math.min(1, Math.max(0, random()))
  return Math.round(cap / 2 + (cap / 2) * r)
}
