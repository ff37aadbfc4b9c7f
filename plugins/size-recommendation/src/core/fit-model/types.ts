/**
 * What the fit model learns from and predicts: one shopper wearing one size of one
 * item, and how it fitted her. Sizes are numbers on a scale (a chart's position for
 * XS-XXL, the number itself for numeric sizes) so "one size up" is arithmetic.
 */
export const FIT_LABELS = ["small", "fit", "large"] as const
export type FitLabel = (typeof FIT_LABELS)[number]

/** Body facts in metric units; any of them may be unknown. */
export type BodyFacts = {
  height_cm: number | null
  weight_kg: number | null
  bust_cm: number | null
  waist_cm: number | null
  hips_cm: number | null
  /** Bra band in inches (34 of 34B) and cup as a number (A=1, B=2, ... DD=5). */
  band_in: number | null
  cup: number | null
  body_type: string | null
  age: number | null
}

export type FitObservation = {
  /** Null for a guest: nothing about her is remembered. */
  user: string | null
  item: string
  size: number
  category: string | null
  body: BodyFacts
  /** Unknown when we only know she bought the size (an order without a review). */
  fit: FitLabel | null
  /** Milliseconds since the epoch. */
  at: number
  /** How much this feedback counts: a verified purchase 1, an unverified review less. */
  trust: number
}

export type FitProbabilities = { small: number; fit: number; large: number }

/** A model that, having seen the past in time order, says how a size will fit. */
export interface FitPredictor {
  predict(row: FitObservation): FitProbabilities
  /** Learn from a row that happened after training: with a fit or, for history, without. */
  observe(row: FitObservation): void
}

export const EMPTY_BODY: BodyFacts = {
  height_cm: null,
  weight_kg: null,
  bust_cm: null,
  waist_cm: null,
  hips_cm: null,
  band_in: null,
  cup: null,
  body_type: null,
  age: null,
}
