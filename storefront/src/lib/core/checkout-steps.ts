/**
 * Checkout is four steps in order: address, delivery, payment, review. A step can be
 * opened once every step before it is done; asking for a later one lands on the first
 * that is not. Pure, so the page and the tests agree on the rules.
 */
export const STEPS = ["address", "delivery", "payment", "review"] as const
export type Step = (typeof STEPS)[number]

export type CheckoutState = {
  hasEmail: boolean
  hasAddress: boolean
  hasShipping: boolean
  hasPayment: boolean
}

export function completedSteps(state: CheckoutState): Record<Step, boolean> {
  const address = state.hasEmail && state.hasAddress
  const delivery = address && state.hasShipping
  const payment = delivery && state.hasPayment
  return { address, delivery, payment, review: false }
}

export function currentStep(requested: string | undefined, state: CheckoutState): Step {
  const done = completedSteps(state)
  const firstOpen = STEPS.find((s) => !done[s]) ?? "review"
  const asked = STEPS.find((s) => s === requested)
  if (!asked) return firstOpen
  return STEPS.indexOf(asked) <= STEPS.indexOf(firstOpen) ? asked : firstOpen
}
