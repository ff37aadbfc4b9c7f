/**
 * When to try a delivery again: exponential backoff with full jitter, capped, and a
 * fixed number of attempts after which the supplier order is marked failed and waits
 * for a person (resend from the admin).
 */

export type RetryPolicy = {
  /** Delay before the second attempt, in ms (the first attempt is immediate). */
  baseDelayMs: number
  maxDelayMs: number
  maxAttempts: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 30 * 60_000, maxAttempts: 12 }

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: "exhausted" | "permanent" }

/**
 * @param attemptsMade attempts already made, including the one that just failed (>= 1)
 * @param random a number in [0, 1), injectable so tests are deterministic
 */
export function nextRetry(attemptsMade: number, permanent: boolean, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): RetryDecision {
  if (permanent) return { retry: false, reason: "permanent" }
  if (attemptsMade >= policy.maxAttempts) return { retry: false, reason: "exhausted" }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1))
  // Full jitter spreads retries of many orders after an outage instead of stampeding together.
  const delayMs = Math.max(1_000, Math.floor(random() * ceiling))
  return { retry: true, delayMs }
}

/** HTTP answers that retrying cannot fix (bad request, auth, gone); 408 and 429 are worth another try. */
export function isPermanentHttpFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429
}
