/**
 * A conversation is several requests: what she said before still holds unless she says
 * otherwise ("something cheaper" keeps her size, occasion and the colours she avoids).
 * Only the request's own `context` is a ceiling; earlier messages are defaults she may change.
 */
import { ShopperConstraints } from "./constraints"

/** Today's constraints with yesterday's filling what today's message left unsaid. Exclusions only ever add up. */
export function continueConstraints(previous: ShopperConstraints | null, current: ShopperConstraints, options: { more: boolean }): ShopperConstraints {
  if (!previous || previous.currency !== current.currency) return current
  const avoid = [...current.avoid]
  for (const exclusion of previous.avoid) {
    if (!avoid.some((a) => a.kind === exclusion.kind && a.value === exclusion.value)) avoid.push(exclusion)
  }
  const avoidedColours = new Set(avoid.filter((e) => e.kind === "color").map((e) => e.value))
  const keepsOccasion = current.occasion === null
  const budget = current.budget_minor ?? previous.budget_minor
  return {
    ...current,
    budget_minor: budget,
    budget_floor_minor: current.budget_minor !== null ? current.budget_floor_minor : previous.budget_floor_minor,
    size: current.size ?? previous.size,
    shoe_size: current.shoe_size ?? previous.shoe_size,
    occasion: keepsOccasion ? previous.occasion : current.occasion,
    occasions: keepsOccasion ? previous.occasions : current.occasions,
    colors_wanted: (current.colors_wanted.length > 0 ? current.colors_wanted : previous.colors_wanted).filter((c) => !avoidedColours.has(c)),
    avoid,
    // "Show me more" keeps the pieces she asked for; a new request names its own.
    categories_wanted: current.categories_wanted.length > 0 || !options.more ? current.categories_wanted : previous.categories_wanted,
  }
}

const MORE = /\b(more|other|others|another|different|else|alternatives?|instead|again|new ones?)\b/i

/** "Show me more", "something different", "other options": looks she has seen are not repeated. */
export function wantsDifferentLooks(message: string): boolean {
  return MORE.test(message)
}

/** How long a conversation lives after its last message. */
export function sessionExpiry(now: Date, ttlMinutes: number): Date {
  return new Date(now.getTime() + ttlMinutes * 60_000)
}
