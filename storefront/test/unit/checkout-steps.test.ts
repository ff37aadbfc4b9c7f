import { completedSteps, currentStep, STEPS, type CheckoutState } from "@/lib/core/checkout-steps"

const none: CheckoutState = { hasEmail: false, hasAddress: false, hasShipping: false, hasPayment: false }
const addressed: CheckoutState = { ...none, hasEmail: true, hasAddress: true }
const shipped: CheckoutState = { ...addressed, hasShipping: true }
const paid: CheckoutState = { ...shipped, hasPayment: true }

describe("STEPS", () => {
  it("lists the four steps in order", () => {
    expect(STEPS).toEqual(["address", "delivery", "payment", "review"])
  })
})

describe("completedSteps", () => {
  it("has nothing done for a fresh cart", () => {
    expect(completedSteps(none)).toEqual({ address: false, delivery: false, payment: false, review: false })
  })

  it("needs both email and address for the address step", () => {
    expect(completedSteps({ ...none, hasEmail: true }).address).toBe(false)
    expect(completedSteps({ ...none, hasAddress: true }).address).toBe(false)
    expect(completedSteps(addressed)).toEqual({ address: true, delivery: false, payment: false, review: false })
  })

  it("marks each step done only when every step before it is done", () => {
    expect(completedSteps(shipped)).toEqual({ address: true, delivery: true, payment: false, review: false })
    expect(completedSteps(paid)).toEqual({ address: true, delivery: true, payment: true, review: false })
    // a shipping method or payment left over from before does not count while the address is missing
    expect(completedSteps({ ...none, hasShipping: true, hasPayment: true })).toEqual({ address: false, delivery: false, payment: false, review: false })
    expect(completedSteps({ ...addressed, hasPayment: true })).toEqual({ address: true, delivery: false, payment: false, review: false })
    expect(completedSteps({ ...paid, hasEmail: false })).toEqual({ address: false, delivery: false, payment: false, review: false })
  })

  it("never marks review done: placing the order is what finishes it", () => {
    expect(completedSteps(paid).review).toBe(false)
  })
})

describe("currentStep", () => {
  it("opens the first incomplete step when nothing is asked for", () => {
    expect(currentStep(undefined, none)).toBe("address")
    expect(currentStep(undefined, addressed)).toBe("delivery")
    expect(currentStep(undefined, shipped)).toBe("payment")
    expect(currentStep(undefined, paid)).toBe("review")
  })

  it("opens a requested step that is reachable, including going back", () => {
    expect(currentStep("review", paid)).toBe("review")
    expect(currentStep("payment", paid)).toBe("payment")
    expect(currentStep("delivery", paid)).toBe("delivery")
    expect(currentStep("address", paid)).toBe("address")
    expect(currentStep("address", none)).toBe("address")
    expect(currentStep("delivery", addressed)).toBe("delivery")
    expect(currentStep("address", shipped)).toBe("address")
  })

  it("falls back to the first incomplete step when the requested one is not reachable yet", () => {
    expect(currentStep("review", none)).toBe("address")
    expect(currentStep("payment", none)).toBe("address")
    expect(currentStep("delivery", none)).toBe("address")
    expect(currentStep("review", addressed)).toBe("delivery")
    expect(currentStep("payment", addressed)).toBe("delivery")
    expect(currentStep("review", shipped)).toBe("payment")
    expect(currentStep("review", { ...paid, hasShipping: false })).toBe("delivery")
  })

  it("treats unknown step names as no request", () => {
    for (const junk of ["", "Review", "REVIEW", "shipping", "confirm", "review ", "0", "constructor", "__proto__"]) {
      expect(currentStep(junk, shipped)).toBe("payment")
      expect(currentStep(junk, paid)).toBe("review")
    }
  })

  it("always answers one of the steps, never beyond the first incomplete one", () => {
    const flags = [false, true]
    for (const hasEmail of flags)
      for (const hasAddress of flags)
        for (const hasShipping of flags)
          for (const hasPayment of flags) {
            const state = { hasEmail, hasAddress, hasShipping, hasPayment }
            const done = completedSteps(state)
            const firstOpen = STEPS.findIndex((s) => !done[s])
            for (const requested of [undefined, "nope", ...STEPS]) {
              const step = currentStep(requested, state)
              expect(STEPS).toContain(step)
              expect(STEPS.indexOf(step)).toBeLessThanOrEqual(firstOpen)
              if (requested && (STEPS as readonly string[]).includes(requested) && STEPS.indexOf(requested as (typeof STEPS)[number]) <= firstOpen) {
                expect(step).toBe(requested)
              }
            }
          }
  })
})
