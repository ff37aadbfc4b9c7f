/**
 * The size model. For a shopper, an item and a size it estimates how likely the size
 * is to be too small, right or too large from four kinds of evidence:
 *
 * - how the item runs: its reviews' shares of small / fit / large, overall and for
 *   that size, pulled towards the store average while they are few;
 * - her body: a regression from height, weight, bust, bra size, body type and age to
 *   the size that fits, shifted by how the item runs for bodies like hers;
 * - her history: her true size (each review's size moved a step towards her
 *   complaint, less how that item runs), the sizes she buys, and how often she finds
 *   things small or large;
 * - how much of each there is (counts), so the model can trust each accordingly.
 *
 * A softmax regression turns these into probabilities. Training replays the reviews in
 * time order and describes each one only by what was known before it, the situation
 * the model is in when it advises a shopper.
 */
import { BodyCentre, bodyCentre, bodyDot, bodyVector, hasBodyFacts } from "./body"
import { ClassCounts, FitHistory, emptyCounts, shrunkMean, smoothedShares } from "./fit-history"
import { fitSoftmax, ridgeRegression, softmax3, SoftmaxWeights } from "./linear"
import { FitLabel, FitObservation, FitPredictor, FitProbabilities } from "./types"

export type FitModelOptions = {
  /** Half-life of a review's weight, in days: recent reviews say more about today's cut. */
  halfLifeDays: number
  /** Pseudo-observations pulling an item's, a size's and a shopper's shares to the prior. */
  itemStrength: number
  sizeStrength: number
  shopperStrength: number
  /** L2 penalties of the body regression and the softmax. */
  bodyRidge: number
  softmaxRidge: number
  /** Bins per feature (1: linear only). */
  bins: number
  /** How many of the latest reviews the softmax is fitted on. */
  classifierRows: number
  /** Called with (done, total) while replaying the reviews. */
  onProgress?: (done: number, total: number) => void
}

export const DEFAULT_FIT_MODEL_OPTIONS: FitModelOptions = {
  halfLifeDays: 730,
  itemStrength: 4,
  sizeStrength: 4,
  shopperStrength: 3,
  bodyRidge: 1,
  softmaxRidge: 100,
  bins: 6,
  classifierRows: 50_000,
}

const DAY = 86_400_000
const CLIP_STEPS = 4
const LABEL_INDEX: Record<FitLabel, number> = { small: 0, fit: 1, large: 2 }

export type FitModelSummary = {
  reviews: number
  items: number
  shoppers: number
  sizeStep: number
  overall: { small: number; fit: number; large: number }
}

export class FitModel implements FitPredictor {
  private weights: SoftmaxWeights = { small: new Float64Array(0), large: new Float64Array(0) }
  private featureMeans = new Float64Array(0)
  private featureScales = new Float64Array(0)
  /** Per feature, the quantile cut points of its bins (the softmax learns a step per bin). */
  private featureCuts: number[][] = []
  private binOffsets: number[] = []
  private expandedWidth = 0

  private constructor(
    private readonly options: FitModelOptions,
    private readonly history: FitHistory,
    private readonly bodyCoefficients: Float64Array | null,
    private readonly centre: BodyCentre,
    readonly sizeStep: number,
    private readonly referenceTime: number,
    private readonly trainedRows: number
  ) {}

  static train(rows: FitObservation[], options: Partial<FitModelOptions> = {}): FitModel {
    const opts = { ...DEFAULT_FIT_MODEL_OPTIONS, ...options }
    const ordered = [...rows].sort((a, b) => a.at - b.at)
    const labelled = ordered.filter((row) => row.fit !== null)
    const referenceTime = ordered.length ? ordered[ordered.length - 1].at : 0
    const sizeStep = typicalSizeStep(labelled.map((row) => row.size))
    const withBody = labelled.filter((row) => hasBodyFacts(row.body))
    const centre = bodyCentre(withBody.map((row) => row.body))
    const bodyCoefficients =
      withBody.length >= 20
        ? ridgeRegression(
            withBody.map((row) => bodyVector(row.body, centre)),
            withBody.map((row) => rightSize(row, sizeStep)),
            withBody.map((row) => row.trust),
            opts.bodyRidge
          )
        : null
    const model = new FitModel(opts, new FitHistory(), bodyCoefficients, centre, sizeStep, referenceTime, labelled.length)

    const features: Float64Array[] = []
    const labels: number[] = []
    const weights: number[] = []
    ordered.forEach((row, i) => {
      if (row.fit !== null) {
        features.push(model.rawFeatures(row))
        labels.push(LABEL_INDEX[row.fit])
        weights.push(row.trust)
      }
      model.observe(row)
      if (opts.onProgress && (i % 2000 === 0 || i === ordered.length - 1)) opts.onProgress(i + 1, ordered.length)
    })
    // The classifier learns from the latest reviews: enough to fit its few hundred weights,
    // and training stays in seconds however long the store's history grows.
    const from = Math.max(0, features.length - opts.classifierRows)
    model.fitClassifier(features.slice(from), labels.slice(from), weights.slice(from))
    return model
  }

  /**
   * A model that crossed a thread boundary made whole again: structured clone keeps its data
   * (maps, typed arrays, numbers) but not its classes.
   */
  static revive(data: unknown): FitModel {
    const model = Object.setPrototypeOf(data as object, FitModel.prototype) as FitModel
    Object.setPrototypeOf(model.history, FitHistory.prototype)
    return model
  }

  predict(row: FitObservation): FitProbabilities {
    if (this.weights.small.length === 0) return smoothedShares(this.history.overall, { small: 1 / 3, fit: 1 / 3, large: 1 / 3 }, 1)
    return softmax3(this.weights, this.standardise(this.rawFeatures(row)))
  }

  observe(row: FitObservation): void {
    // Her size apart from this item: her true size from earlier reviews, else what her body says.
    const own = row.user === null ? null : this.shopperSize(row.user).trueSize
    const herSize = own ?? this.bodySize(row)
    const itemOffset = this.itemOffset(row)
    const weight = row.trust * Math.pow(0.5, (this.referenceTime - row.at) / (this.options.halfLifeDays * DAY))
    this.history.record(row, weight, row.fit === null ? null : rightSize(row, this.sizeStep), herSize, itemOffset)
  }

  summary(): FitModelSummary {
    const overall = this.history.overall
    return {
      reviews: this.trainedRows,
      items: this.history.items.size,
      shoppers: this.history.shoppers.size,
      sizeStep: this.sizeStep,
      overall: smoothedShares(overall, { small: 0, fit: 1, large: 0 }, overall.total ? 0 : 1),
    }
  }

  /** Whether there were enough reviews, of every kind, to learn from. */
  isTrained(): boolean {
    return this.weights.small.length > 0
  }

  /** An item's fit reviews: how many, and their classes weighted (recent and verified count more). */
  itemFeedback(item: string): ClassCounts {
    const counts = this.history.items.get(item)
    return counts ? { ...counts } : emptyCounts()
  }

  /** How an item runs, in size steps: positive means shoppers take it larger than their body suggests. */
  itemOffsetSteps(item: string): { steps: number; reviews: number } {
    const offset = this.history.itemOffsets.get(item)
    return {
      steps: shrunkMean(offset, 0, this.options.itemStrength) / this.sizeStep,
      reviews: this.history.items.get(item)?.reviews ?? 0,
    }
  }

  /** Her true size on the size scale, when she has reviews; the sizes she buys otherwise. */
  shopperSize(user: string): { trueSize: number | null; bought: number | null } {
    const shopper = this.history.shoppers.get(user)
    if (!shopper) return { trueSize: null, bought: null }
    return {
      trueSize: shopper.trueSize.weight > 0 ? shopper.trueSize.sum / shopper.trueSize.weight : null,
      bought: shopper.bought.weight > 0 ? shopper.bought.sum / shopper.bought.weight : null,
    }
  }

  /** Where on the size scale this item should fit her: her size (history, else body, else what she buys) plus how the item runs. */
  expectedSize(row: Pick<FitObservation, "user" | "body" | "item">): number | null {
    const own = row.user === null ? { trueSize: null, bought: null } : this.shopperSize(row.user)
    const base = own.trueSize ?? this.bodySize(row) ?? own.bought
    if (base === null) return null
    return base + this.itemOffset({ item: row.item, category: null })
  }

  /** How the item runs in size units, pulled towards its category while it has few reviews. */
  private itemOffset(row: Pick<FitObservation, "item" | "category">): number {
    const category = row.category === null ? 0 : shrunkMean(this.history.categoryOffsets.get(row.category), 0, 20)
    return shrunkMean(this.history.itemOffsets.get(row.item), category, this.options.itemStrength)
  }

  bodySize(row: Pick<FitObservation, "body">): number | null {
    if (!this.bodyCoefficients || !hasBodyFacts(row.body)) return null
    return bodyDot(row.body, this.centre, this.bodyCoefficients)
  }

  private rawFeatures(row: FitObservation): Float64Array {
    const { history, options, sizeStep } = this
    const prior = smoothedShares(history.overall, { small: 0.15, fit: 0.7, large: 0.15 }, 10)
    const category = row.category === null ? prior : smoothedShares(history.categories.get(row.category), prior, 20)
    const itemCounts = history.items.get(row.item)
    const item = smoothedShares(itemCounts, category, options.itemStrength)
    const bodyTypeCounts = row.body.body_type === null ? undefined : history.itemBodyTypes.get(FitHistory.itemSizeKey(row.item, row.body.body_type))
    const itemBodyType = smoothedShares(bodyTypeCounts, item, options.sizeStrength)
    const sizeCounts = history.itemSizes.get(FitHistory.itemSizeKey(row.item, row.size))
    const itemSize = smoothedShares(sizeCounts, item, options.sizeStrength)
    const itemOffset = this.itemOffset(row)

    const body = this.bodySize(row)
    const bodyGap = body === null ? null : clip((row.size - body - itemOffset) / sizeStep)

    const shopper = row.user === null ? undefined : history.shoppers.get(row.user)
    const trueSize = shopper && shopper.trueSize.weight > 0 ? shopper.trueSize.sum / shopper.trueSize.weight : null
    const trueGap = trueSize === null ? null : clip((row.size - trueSize - itemOffset) / sizeStep)
    const bought = shopper && shopper.bought.weight > 0 ? shopper.bought.sum / shopper.bought.weight : null
    const boughtGap = bought === null ? null : clip((row.size - bought) / sizeStep)
    const habits = smoothedShares(shopper?.counts, prior, options.shopperStrength)
    const itemBought = history.itemBought.get(row.item)
    const categoryBought = row.category === null ? undefined : history.categoryBought.get(row.category)
    const typicalBought = categoryBought && categoryBought.weight > 0 ? shrunkMean(itemBought, categoryBought.sum / categoryBought.weight, 3) : itemBought && itemBought.weight > 0 ? itemBought.sum / itemBought.weight : null
    const sizeAmongBuyers = typicalBought === null ? null : clip((row.size - typicalBought) / sizeStep)

    const itemSmall = Math.log(itemSize.small / itemSize.fit)
    const itemLarge = Math.log(itemSize.large / itemSize.fit)
    const personalGap = trueGap ?? bodyGap ?? boughtGap ?? 0
    return Float64Array.from([
      1,
      personalGap * itemSmall,
      personalGap * itemLarge,
      Math.abs(personalGap) * itemSmall,
      Math.abs(personalGap) * itemLarge,
      Math.log(item.small / item.fit),
      Math.log(item.large / item.fit),
      Math.log1p(itemCounts?.total ?? 0),
      Math.log(itemSize.small / itemSize.fit),
      Math.log(itemSize.large / itemSize.fit),
      Math.log1p(sizeCounts?.total ?? 0),
      Math.log(itemBodyType.small / itemBodyType.fit),
      Math.log(itemBodyType.large / itemBodyType.fit),
      Math.log(category.small / category.fit),
      Math.log(category.large / category.fit),
      itemOffset / sizeStep,
      ...gapFeatures(bodyGap),
      ...gapFeatures(trueGap),
      Math.log1p(shopper?.trueSize.weight ?? 0),
      ...gapFeatures(boughtGap),
      Math.log1p(shopper?.bought.weight ?? 0),
      Math.log(habits.small / habits.fit),
      Math.log(habits.large / habits.fit),
      // Where this size sits among the sizes the item's buyers take: its end sizes fit differently.
      ...gapFeatures(sizeAmongBuyers),
    ])
  }

  private fitClassifier(features: Float64Array[], labels: number[], weights: number[]): void {
    if (features.length < 30 || new Set(labels).size < 3) return
    const width = features[0].length
    this.featureMeans = new Float64Array(width)
    this.featureScales = new Float64Array(width).fill(1)
    for (let j = 1; j < width; j++) {
      let sum = 0
      let squares = 0
      for (const x of features) {
        sum += x[j]
        squares += x[j] * x[j]
      }
      const mean = sum / features.length
      const variance = squares / features.length - mean * mean
      this.featureMeans[j] = mean
      this.featureScales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1
    }
    this.featureCuts = [[]]
    this.binOffsets = [0]
    let offset = width
    for (let j = 1; j < width; j++) {
      const values = features.map((x) => x[j]).sort((a, b) => a - b)
      const cuts: number[] = []
      for (let q = 1; q < this.options.bins; q++) {
        const cut = values[Math.floor((q / this.options.bins) * values.length)]
        if (cut > values[0] && cut !== cuts[cuts.length - 1]) cuts.push(cut)
      }
      this.featureCuts.push(cuts)
      this.binOffsets.push(offset)
      offset += cuts.length
    }
    this.expandedWidth = offset
    this.weights = fitSoftmax(
      features.map((x) => this.standardise(x)),
      labels,
      weights,
      this.options.softmaxRidge
    )
  }

  private standardise(x: Float64Array): Float64Array {
    const out = new Float64Array(x.length)
    out[0] = 1
    for (let j = 1; j < x.length; j++) out[j] = (x[j] - this.featureMeans[j]) / this.featureScales[j]
    const expanded = new Float64Array(this.expandedWidth)
    expanded.set(out)
    for (let j = 1; j < x.length; j++) {
      const cuts = this.featureCuts[j]
      let bin = 0
      while (bin < cuts.length && x[j] >= cuts[bin]) bin++
      if (bin > 0) expanded[this.binOffsets[j] + bin - 1] = 1
    }
    return expanded
  }
}

/** Known flag, the gap, its square and its two sides (a gap below zero is what makes "small"). */
function gapFeatures(gap: number | null): number[] {
  if (gap === null) return [0, 0, 0, 0, 0]
  return [1, gap, gap * gap, Math.max(gap, 0), Math.max(-gap, 0)]
}

function clip(steps: number): number {
  return Math.max(-CLIP_STEPS, Math.min(CLIP_STEPS, steps))
}

/** The size that would have fitted: one step up when it was small, down when large. */
export function rightSize(row: FitObservation, sizeStep: number): number {
  if (row.fit === "small") return row.size + sizeStep
  if (row.fit === "large") return row.size - sizeStep
  return row.size
}

/**
 * The usual distance between neighbouring sizes: 1 for XS-XXL positions, 2 for
 * 36-38-40, 4 for RentTheRunway's scale. The median gap between the sizes that each
 * hold at least 1% of the rows, so a rare odd size does not halve it.
 */
export function typicalSizeStep(sizes: number[]): number {
  const counts = new Map<number, number>()
  for (const size of sizes) counts.set(size, (counts.get(size) ?? 0) + 1)
  const common = [...counts.entries()]
    .filter(([, count]) => count >= sizes.length * 0.01)
    .map(([size]) => size)
    .sort((a, b) => a - b)
  const gaps = common.slice(1).map((size, i) => size - common[i])
  if (gaps.length === 0) return 1
  gaps.sort((a, b) => a - b)
  return gaps[Math.floor(gaps.length / 2)] || 1
}
