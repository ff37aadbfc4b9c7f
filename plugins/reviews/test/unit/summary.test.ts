import { roundOneDecimal, summarize } from "../../src/core"

describe("summarize", () => {
  it("has no average and zero counts without reviews", () => {
    expect(summarize([])).toEqual({
      average_rating: null,
      count: 0,
      ratings: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
      fit: { runs_small: 0, true_to_size: 0, runs_large: 0 },
      fit_by_size: [],
    })
  })

  it("counts stars, averages to one decimal and splits fit by size in the product's order", () => {
    const summary = summarize(
      [
        { rating: 5, fit: "true_to_size", size: "M", count: 3 },
        { rating: 4, fit: "runs_small", size: "S", count: 2 },
        { rating: 2, fit: "runs_small", size: "M", count: 1 },
        { rating: 3, fit: null, size: "L", count: 1 },
        { rating: 5, fit: "runs_large", size: null, count: 1 },
      ],
      ["XS", "S", "M", "L"]
    )
    expect(summary).toEqual({
      average_rating: 4.1, // 33 / 8 = 4.125
      count: 8,
      ratings: { "1": 0, "2": 1, "3": 1, "4": 2, "5": 4 },
      fit: { runs_small: 3, true_to_size: 3, runs_large: 1 },
      fit_by_size: [
        { size: "S", runs_small: 2, true_to_size: 0, runs_large: 0, count: 2 },
        { size: "M", runs_small: 1, true_to_size: 3, runs_large: 0, count: 4 },
      ],
    })
  })

  it("merges sizes that differ only in case or spaces, and reads counts sent as text", () => {
    const summary = summarize([
      { rating: 4, fit: "runs_large", size: "m", count: "2" as unknown as number },
      { rating: 4, fit: "runs_large", size: " M ", count: 1 },
    ])
    expect(summary.fit_by_size).toEqual([{ size: "m", runs_small: 0, true_to_size: 0, runs_large: 3, count: 3 }])
    expect(summary.count).toBe(3)
  })

  it("ignores rows that cannot be reviews (a rating out of range, no count)", () => {
    const summary = summarize([
      { rating: 7, fit: null, size: null, count: 1 },
      { rating: 3, fit: null, size: null, count: 0 },
      { rating: 1, fit: null, size: null, count: 1 },
    ])
    expect(summary).toMatchObject({ average_rating: 1, count: 1 })
  })
})

describe("roundOneDecimal", () => {
  it.each([
    [4.25, 4.3],
    [4.249, 4.2],
    [4.35, 4.4],
    [1.05, 1.1],
    [5, 5],
    [3.333333, 3.3],
  ])("rounds %p to %p", (value, rounded) => expect(roundOneDecimal(value)).toBe(rounded))
})
