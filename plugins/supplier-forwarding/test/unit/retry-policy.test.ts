import { DEFAULT_RETRY_POLICY, isPermanentHttpFailure, nextRetry } from "../../src/core/retry-policy"

const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5 }

describe("nextRetry", () => {
  it("doubles the ceiling each attempt, with full jitter below it", () => {
    const top = () => 0.999999
    expect(nextRetry(1, false, policy, top)).toEqual({ retry: true, delayMs: 1000 })
    expect(nextRetry(3, false, policy, top)).toEqual({ retry: true, delayMs: 3999 })
    expect(nextRetry(4, false, policy, () => 0.5)).toEqual({ retry: true, delayMs: 4000 })
  })

  it("caps the delay", () => {
    const decision = nextRetry(4, false, { ...policy, maxDelayMs: 3000 }, () => 0.999999)
    expect(decision).toEqual({ retry: true, delayMs: 2999 })
  })

  it("never retries sooner than a second, even with jitter at zero", () => {
    expect(nextRetry(2, false, policy, () => 0)).toEqual({ retry: true, delayMs: 1000 })
  })

  it("stops after the last attempt and on permanent failures", () => {
    expect(nextRetry(5, false, policy)).toEqual({ retry: false, reason: "exhausted" })
    expect(nextRetry(1, true, policy)).toEqual({ retry: false, reason: "permanent" })
  })

  it("spreads retries: 1,000 failures at the same attempt do not pick one delay", () => {
    const delays = new Set(Array.from({ length: 1000 }, () => (nextRetry(6, false, DEFAULT_RETRY_POLICY) as { delayMs: number }).delayMs))
    expect(delays.size).toBeGreaterThan(900)
  })
})

describe("isPermanentHttpFailure", () => {
  it.each([
    [400, true], [401, true], [404, true], [410, true], [422, true],
    [408, false], [425, false], [429, false], [500, false], [502, false], [503, false],
  ])("%i -> %s", (status, permanent) => {
    expect(isPermanentHttpFailure(status)).toBe(permanent)
  })
})
