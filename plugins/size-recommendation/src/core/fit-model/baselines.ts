/**
 * The two reference models the size model is measured against, trained on the same
 * rows and scored the same way.
 *
 * - item frequency: each item's share of small / fit / large among its reviews,
 *   smoothed towards the overall share. It knows nothing about the shopper.
 * - 1-LV, Amazon's true-size model (Sembium et al. 2017, as Misra et al. 2018 describe
 *   it): one latent "true size" per shopper and per product size, learnt so that the
 *   difference between the two, through two thresholds, explains small / fit / large.
 *   Here the thresholds are an ordinal logistic link so it yields probabilities.
 */
import { FitHistory, emptyCounts, addToCounts, smoothedShares, ClassCounts } from "./fit-history"
import { FitObservation, FitPredictor, FitProbabilities } from "./types"

export class ItemFrequencyModel implements FitPredictor {
  private readonly overall = emptyCounts()
  private readonly items = new Map<string, ClassCounts>()

  constructor(private readonly strength = 5) {}

  static train(rows: FitObservation[]): ItemFrequencyModel {
    const model = new ItemFrequencyModel()
    for (const row of rows) model.observe(row)
    return model
  }

  predict(row: FitObservation): FitProbabilities {
    const prior = smoothedShares(this.overall, { small: 1 / 3, fit: 1 / 3, large: 1 / 3 }, 1)
    return smoothedShares(this.items.get(row.item), prior, this.strength)
  }

  observe(row: FitObservation): void {
    if (row.fit === null) return
    addToCounts(this.overall, row.fit, 1)
    let counts = this.items.get(row.item)
    if (!counts) this.items.set(row.item, (counts = emptyCounts()))
    addToCounts(counts, row.fit, 1)
  }
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

export type OneLatentOptions = { epochs: number; learningRate: number; regularisation: number; seed: number }

export class OneLatentVariableModel implements FitPredictor {
  private readonly shoppers = new Map<string, number>()
  private readonly products = new Map<string, number>()
  /** Thresholds on (shopper size - product size): below `low` large, above `high` small. */
  private low = -1
  private high = 1
  /** Per item, how far its sizes' learnt true sizes sit from their labels, for a size never reviewed. */
  private readonly itemShifts = new Map<string, number>()

  static train(rows: FitObservation[], options: Partial<OneLatentOptions> = {}): OneLatentVariableModel {
    const { epochs, learningRate, regularisation, seed } = { epochs: 15, learningRate: 0.05, regularisation: 0.01, seed: 7, ...options }
    const model = new OneLatentVariableModel()
    const labelled = rows.filter((row) => row.fit !== null)
    // Start from the catalogue: a product's true size is its label, a shopper's the mean she wears.
    const worn = new Map<string, { sum: number; count: number }>()
    for (const row of labelled) {
      model.products.set(FitHistory.itemSizeKey(row.item, row.size), row.size)
      if (row.user === null) continue
      const mean = worn.get(row.user) ?? { sum: 0, count: 0 }
      mean.sum += row.size
      mean.count++
      worn.set(row.user, mean)
    }
    for (const [user, mean] of worn) model.shoppers.set(user, mean.sum / mean.count)
    const initial = { shoppers: new Map(model.shoppers), products: new Map(model.products) }

    let state = seed
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)
    const order = labelled.map((_, i) => i)
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[order[i], order[j]] = [order[j], order[i]]
      }
      for (const index of order) {
        const row = labelled[index]
        if (row.user === null) continue
        const productKey = FitHistory.itemSizeKey(row.item, row.size)
        const shopper = model.shoppers.get(row.user)!
        const product = model.products.get(productKey)!
        const f = shopper - product
        // Ordinal logistic: P(large) = s(low - f), P(large or fit) = s(high - f).
        const a = sigmoid(model.low - f)
        const b = sigmoid(model.high - f)
        let dF = 0
        let dLow = 0
        let dHigh = 0
        if (row.fit === "large") {
          dF = 1 - a
          dLow = -(1 - a)
        } else if (row.fit === "small") {
          dF = -b
          dHigh = b
        } else {
          const p = Math.max(b - a, 1e-9)
          const da = a * (1 - a)
          const db = b * (1 - b)
          dF = (db - da) / p
          dLow = da / p
          dHigh = -db / p
        }
        // dF etc. are gradients of the negative log-likelihood.
        model.shoppers.set(row.user, shopper - learningRate * (dF + regularisation * (shopper - initial.shoppers.get(row.user)!)))
        model.products.set(productKey, product - learningRate * (-dF + regularisation * (product - initial.products.get(productKey)!)))
        model.low -= learningRate * 0.1 * dLow
        model.high -= learningRate * 0.1 * dHigh
        if (model.low > model.high - 0.01) model.low = model.high - 0.01
      }
    }
    const shifts = new Map<string, { sum: number; count: number }>()
    for (const row of labelled) {
      const shift = shifts.get(row.item) ?? { sum: 0, count: 0 }
      shift.sum += model.products.get(FitHistory.itemSizeKey(row.item, row.size))! - row.size
      shift.count++
      shifts.set(row.item, shift)
    }
    for (const [item, shift] of shifts) model.itemShifts.set(item, shift.sum / shift.count)
    return model
  }

  predict(row: FitObservation): FitProbabilities {
    const product = this.products.get(FitHistory.itemSizeKey(row.item, row.size)) ?? row.size + (this.itemShifts.get(row.item) ?? 0)
    const shopper = row.user === null ? undefined : this.shoppers.get(row.user)
    // A shopper never seen is taken to know her size: her true size is the label she chose.
    const f = (shopper ?? row.size) - product
    const a = sigmoid(this.low - f)
    const b = sigmoid(this.high - f)
    return { large: a, fit: Math.max(b - a, 0), small: 1 - b }
  }

  /** A trained 1-LV model does not learn from later rows. */
  observe(): void {}
}
