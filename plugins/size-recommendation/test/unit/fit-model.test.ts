import { FitModel, ItemFrequencyModel, OneLatentVariableModel, FitObservation, FitPredictor, scoreFitPredictions, typicalSizeStep, EMPTY_BODY, FitLabel } from "../../src/core"
import { syntheticReviews } from "./synthetic-fit"

function evaluate(model: FitPredictor, test: FitObservation[]) {
  const predictions = test.map((row) => {
    const p = model.predict({ ...row, fit: null })
    model.observe({ ...row, fit: null })
    return p
  })
  return scoreFitPredictions(predictions, test.map((row) => row.fit as FitLabel))
}

describe("FitModel", () => {
  const { rows, items } = syntheticReviews(6000)
  const train = rows.slice(0, 4800)
  const test = rows.slice(4800)

  it("learns shoppers' sizes and items' offsets well beyond item frequency and 1-LV", () => {
    const ours = evaluate(FitModel.train(train), test)
    const itemFrequency = evaluate(ItemFrequencyModel.train(train), test)
    const oneLatent = evaluate(OneLatentVariableModel.train(train), test)
    expect(ours.auc).toBeGreaterThan(0.85)
    expect(ours.auc).toBeGreaterThan(itemFrequency.auc + 0.05)
    expect(ours.auc).toBeGreaterThan(oneLatent.auc)
    expect(ours.accuracy).toBeGreaterThan(itemFrequency.accuracy)
  })

  it("comes back from another thread (a structured clone) answering exactly as it did", () => {
    const model = FitModel.train(train)
    const revived = FitModel.revive(structuredClone(model))
    expect(revived).toBeInstanceOf(FitModel)
    for (const row of test.slice(0, 200)) expect(revived.predict({ ...row, fit: null })).toEqual(model.predict({ ...row, fit: null }))
    expect(revived.summary()).toEqual(model.summary())
    // It keeps learning after the trip, as the live model does from new reviews.
    revived.observe(test[0])
    expect(revived.summary().items).toBeGreaterThan(0)
  })

  it("knows which items run small and large", () => {
    const model = FitModel.train(train)
    const small = items.find((item) => item.offset === 1)!
    const large = items.find((item) => item.offset === -1)!
    expect(model.itemOffsetSteps(small.id).steps).toBeGreaterThan(0.4)
    expect(model.itemOffsetSteps(large.id).steps).toBeLessThan(-0.4)
    const feedback = model.itemFeedback(small.id)
    expect(feedback.small).toBeGreaterThan(feedback.large)
  })

  it("says one size up is likelier to fit a shopper whose weight says she is bigger", () => {
    const model = FitModel.train(train)
    const heavy = { ...EMPTY_BODY, weight_kg: 92, height_cm: 165 }
    const row = (size: number): FitObservation => ({ user: null, item: "prod_new", size, category: "dresses", body: heavy, fit: null, at: Date.now(), trust: 1 })
    expect(model.predict(row(2)).small).toBeGreaterThan(0.6)
    expect(model.predict(row(6)).fit).toBeGreaterThan(model.predict(row(2)).fit)
  })

  it("trains without reviews and answers with the prior", () => {
    const model = FitModel.train([])
    expect(model.isTrained()).toBe(false)
    const p = model.predict({ user: null, item: "x", size: 3, category: null, body: EMPTY_BODY, fit: null, at: 0, trust: 1 })
    expect(p.small + p.fit + p.large).toBeCloseTo(1)
  })

  it("reports progress while replaying reviews", () => {
    const seen: number[] = []
    FitModel.train(rows.slice(0, 2500), { onProgress: (done) => seen.push(done) })
    expect(seen[seen.length - 1]).toBe(2500)
  })
})

describe("typicalSizeStep", () => {
  it("finds the usual gap between common sizes and ignores rare odd ones", () => {
    expect(typicalSizeStep([1, 2, 3, 4, 5])).toBe(1)
    expect(typicalSizeStep([36, 38, 40, 42, 38, 40])).toBe(2)
    const rentTheRunway = [...Array(30).fill(4), ...Array(30).fill(8), ...Array(30).fill(12), ...Array(30).fill(16), 9]
    expect(typicalSizeStep(rentTheRunway)).toBe(4)
  })
})
