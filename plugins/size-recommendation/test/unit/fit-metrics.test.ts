import { rocAuc, scoreFitPredictions, mostLikely } from "../../src/core"

describe("rocAuc", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 for ties", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1)
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0)
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5)
  })

  it("counts a tie between a positive and a negative as half", () => {
    // Pairs (pos, neg): (0.7 vs 0.3) right, (0.7 vs 0.7) half, (0.2 vs 0.3) wrong, (0.2 vs 0.7) wrong.
    expect(rocAuc([0.7, 0.2, 0.3, 0.7], [true, true, false, false])).toBeCloseTo(1.5 / 4)
  })

  it("is undefined (NaN) without both classes", () => {
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNaN()
  })
})

describe("scoreFitPredictions", () => {
  const p = (small: number, fit: number, large: number) => ({ small, fit, large })

  it("averages the one-vs-rest AUCs and scores the most likely class", () => {
    const predictions = [p(0.7, 0.2, 0.1), p(0.1, 0.8, 0.1), p(0.1, 0.3, 0.6), p(0.2, 0.6, 0.2)]
    const scores = scoreFitPredictions(predictions, ["small", "fit", "large", "small"])
    expect(scores.aucByClass.large).toBe(1)
    expect(scores.accuracy).toBe(0.75)
    // small: F1 2/3 (one of two found), fit: 2/3 (one right, one wrong), large: 1.
    expect(scores.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3)
    expect(scores.auc).toBeCloseTo((scores.aucByClass.small + scores.aucByClass.fit + scores.aucByClass.large) / 3)
    expect(scores.rows).toBe(4)
  })

  it("prefers fit on a tie", () => {
    expect(mostLikely(p(0.4, 0.4, 0.2))).toBe("fit")
    expect(mostLikely(p(0.45, 0.1, 0.45))).toBe("small")
  })
})
