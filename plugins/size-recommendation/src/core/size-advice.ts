/**
 * The size advice a shopper sees: for each of a product's sizes, how likely it is to be
 * too small, right or too large, from the size chart (her measurements against each
 * size's ranges) and from the fit model (what reviews taught about her, bodies like
 * hers and this product), blended by how much the model knows about the product.
 */
import { FitModel, FitProbabilities } from "./fit-model"
import { bodyFactsFromMeasurements } from "./body-facts"
import { MeasurementValues, PreferredFit } from "./measurements"
import { SizeChartContent } from "./size-chart"
import { ScaledSize } from "./size-scale"

export type ProductSizing = {
  product_id: string
  category_id: string | null
  sizes: ScaledSize[]
  chart: Pick<SizeChartContent, "measurements" | "rows"> | null
}

export type Shopper = { customer_id: string | null; measurements: Partial<MeasurementValues> | null }

export type SizeProbabilities = { size: string; small: number; fit: number; large: number }

export type SizeAdvice = {
  recommended_size: string | null
  confidence: number | null
  fit_note: string | null
  probabilities: SizeProbabilities[]
  alternatives: { size: string; fit: number; note: string }[]
  reason: string
  based_on: { measurements: boolean; history: boolean; size_chart: boolean; reviews: number }
}

const CHART_MEASURES = ["bust", "waist", "hips"] as const
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))
const round2 = (value: number) => Math.round(value * 100) / 100

/**
 * How a size's chart ranges sit on her: 0 in the middle of every range, +1 a whole
 * size too tight, -1 a whole size too loose. The tightest measurement decides, since a
 * garment too tight at the bust does not fit however roomy the hips.
 */
export function chartTightness(row: Record<string, unknown>, measurements: Partial<MeasurementValues>, measured: string[]): number | null {
  const gaps: number[] = []
  for (const name of CHART_MEASURES) {
    const mine = measurements[`${name}_cm` as const]
    const range = row[name]
    if (typeof mine !== "number" || !measured.includes(name) || !Array.isArray(range)) continue
    const [low, high] = range as [number, number]
    const width = Math.max(high - low, 2)
    gaps.push((mine - (low + high) / 2) / width)
  }
  if (gaps.length === 0) return null
  const tightest = Math.max(...gaps)
  return tightest > 0.5 ? tightest : gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length
}

export function chartProbabilities(tightness: number): FitProbabilities {
  const small = sigmoid(3 * (tightness - 0.5))
  const large = sigmoid(3 * (-tightness - 0.5))
  return { small, large, fit: Math.max(1 - small - large, 0.001) }
}

/** A geometric blend: where both sources are confident they agree, where not the stronger wins. */
export function blend(model: FitProbabilities, chart: FitProbabilities, modelWeight: number): FitProbabilities {
  const mix = (a: number, b: number) => Math.exp(modelWeight * Math.log(Math.max(a, 1e-6)) + (1 - modelWeight) * Math.log(Math.max(b, 1e-6)))
  const small = mix(model.small, chart.small)
  const fit = mix(model.fit, chart.fit)
  const large = mix(model.large, chart.large)
  const total = small + fit + large
  return { small: small / total, fit: fit / total, large: large / total }
}

/** What she would choose between two sizes: snug leans to the smaller, relaxed to the larger. */
function choiceScore(p: FitProbabilities, preferred: PreferredFit | null | undefined): number {
  if (preferred === "snug") return p.fit + 0.35 * p.small
  if (preferred === "relaxed") return p.fit + 0.35 * p.large
  return p.fit
}

export function fitNote(feedback: { small: number; fit: number; large: number; total: number; reviews: number }): string | null {
  if (feedback.reviews < 3 || feedback.total <= 0) return null
  const lean = (feedback.small - feedback.large) / feedback.total
  if (lean > 0.15) return lean > 0.35 ? "runs small: we suggest one size up" : "runs slightly small: if between sizes, take the larger"
  if (lean < -0.15) return lean < -0.35 ? "runs large: we suggest one size down" : "runs slightly large: if between sizes, take the smaller"
  return "true to size"
}

export function adviseSize(model: FitModel | null, product: ProductSizing, shopper: Shopper, now = Date.now()): SizeAdvice {
  const measurements = shopper.measurements ?? {}
  const body = bodyFactsFromMeasurements(measurements)
  const hasMeasurements = Object.values(body).some((value) => value !== null)
  const history = model && shopper.customer_id ? model.shopperSize(shopper.customer_id) : { trueSize: null, bought: null }
  const hasHistory = history.trueSize !== null
  const feedback = model?.itemFeedback(product.product_id) ?? { small: 0, fit: 0, large: 0, total: 0, reviews: 0 }
  const reviews = feedback.reviews
  const modelKnowsHer = model !== null && model.isTrained() && (hasHistory || hasMeasurements)
  const modelWeight = 0.4 + 0.5 * (reviews / (reviews + 10))

  let chartUsed = false
  const probabilities: SizeProbabilities[] = product.sizes.map(({ label, position }) => {
    const row = product.chart?.rows.find((r) => String(r.size).trim().toUpperCase() === label.toUpperCase())
    const tightness = row && product.chart ? chartTightness(row, measurements, product.chart.measurements) : null
    const fromChart = tightness === null ? null : chartProbabilities(tightness)
    const fromModel = modelKnowsHer
      ? model!.predict({ user: shopper.customer_id, item: product.product_id, size: position, category: product.category_id, body, fit: null, at: now, trust: 1 })
      : null
    if (fromChart) chartUsed = true
    const p = fromModel && fromChart ? blend(fromModel, fromChart, modelWeight) : fromModel ?? fromChart
    return p ? { size: label, small: round2(p.small), fit: round2(p.fit), large: round2(p.large) } : { size: label, small: NaN, fit: NaN, large: NaN }
  })
  const known = probabilities.filter((p) => !Number.isNaN(p.fit))
  const note = fitNote(feedback)
  const based_on = { measurements: hasMeasurements, history: hasHistory, size_chart: chartUsed, reviews }

  if (known.length === 0) {
    return {
      recommended_size: null,
      confidence: null,
      fit_note: note,
      probabilities: [],
      alternatives: [],
      reason: hasMeasurements
        ? "We could not match your measurements to this product's sizes yet: add your bust, waist and hips, or check the size guide."
        : "Add your measurements (or sign in) and we will suggest your size.",
      based_on,
    }
  }
  const ranked = [...known].sort((a, b) => choiceScore(b, measurements.preferred_fit) - choiceScore(a, measurements.preferred_fit))
  // Near-ties (the model often cannot tell a good size from one up) go to the size nearest where she should fit.
  const expected = modelKnowsHer ? model!.expectedSize({ user: shopper.customer_id, body, item: product.product_id }) : null
  const topScore = choiceScore(ranked[0], measurements.preferred_fit)
  const position = (label: string) => product.sizes.find((s) => s.label === label)!.position
  const best =
    expected === null
      ? ranked[0]
      : ranked
          .filter((p) => choiceScore(p, measurements.preferred_fit) >= topScore - 0.05)
          .sort((a, b) => Math.abs(position(a.size) - expected) - Math.abs(position(b.size) - expected))[0]
  ranked.splice(ranked.indexOf(best), 1)
  ranked.unshift(best)
  const bestIndex = product.sizes.findIndex((s) => s.label === best.size)
  const alternatives = ranked
    .slice(1)
    .filter((p) => p.fit >= 0.15)
    .slice(0, 2)
    .map((p) => ({
      size: p.size,
      fit: p.fit,
      note: product.sizes.findIndex((s) => s.label === p.size) < bestIndex ? "for a closer fit" : "for a looser fit",
    }))
  return {
    recommended_size: best.size,
    confidence: best.fit,
    fit_note: note,
    probabilities,
    alternatives,
    reason: explain(based_on, note, history.trueSize, product),
    based_on,
  }
}

function explain(basis: SizeAdvice["based_on"], note: string | null, trueSize: number | null, product: ProductSizing): string {
  const parts: string[] = []
  if (basis.measurements && basis.size_chart) parts.push("your measurements against this product's size chart")
  else if (basis.measurements) parts.push("your measurements and what shoppers with similar measurements wear")
  if (basis.history && trueSize !== null) {
    const nearest = [...product.sizes].sort((a, b) => Math.abs(a.position - trueSize) - Math.abs(b.position - trueSize))[0]
    parts.push(nearest ? `your reviews (you usually take ${nearest.label})` : "your reviews")
  }
  if (basis.reviews > 0) parts.push(`${basis.reviews} fit review${basis.reviews === 1 ? "" : "s"} of this product${note ? ` (${note.split(":")[0]})` : ""}`)
  return `Based on ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0]}.`
}
