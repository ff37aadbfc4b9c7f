import {
  FIT_LABELS,
  REVIEW_LIMITS,
  fitShares,
  fitVerdict,
  formatReviewDate,
  parseOffset,
  parseReviewSort,
  percentages,
  ratingBars,
  ratingText,
  reviewCountText,
  reviewErrorText,
  reviewTextLength,
  starFills,
  validateReview,
} from "@/lib/core/reviews"
// The backend's own rules: the form must refuse what the store refuses, and clean text the same way.
import * as backend from "../../../plugins/reviews/src/core/review"

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

const VARIANTS = ["variant_S", "variant_M"]

describe("percentages", () => {
  it("are whole numbers that add up to 100", () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33])
    expect(percentages([2, 1, 0])).toEqual([67, 33, 0])
    expect(percentages([1, 0, 0])).toEqual([100, 0, 0])
    expect(percentages([7, 2, 1])).toEqual([70, 20, 10])
    expect(percentages([1, 2, 3, 4, 5])).toEqual([7, 13, 20, 27, 33])
    for (const counts of [[3, 3, 3, 3, 3, 3, 1], [1, 1, 1, 1, 1, 1], [999, 1, 1], [5, 0, 5]]) expect(percentages(counts).reduce((a, b) => a + b, 0)).toBe(100)
  })
  it("are all 0 with nothing to share, and ignore negative or broken counts", () => {
    expect(percentages([0, 0, 0])).toEqual([0, 0, 0])
    expect(percentages([])).toEqual([])
    expect(percentages([-1, Number.NaN, 2])).toEqual([0, 0, 100])
  })
})

describe("the fit bar", () => {
  it("shares runs small / true to size / runs large, in that order", () => {
    expect(fitShares({ runs_small: 1, true_to_size: 2, runs_large: 1 })).toEqual({
      total: 4,
      shares: [
        { fit: "runs_small", label: "Runs small", count: 1, percent: 25 },
        { fit: "true_to_size", label: "True to size", count: 2, percent: 50 },
        { fit: "runs_large", label: "Runs large", count: 1, percent: 25 },
      ],
    })
    expect(fitShares({ true_to_size: 3 }).shares.map((s) => s.percent)).toEqual([0, 100, 0])
    expect(fitShares({}).total).toBe(0)
  })
  it("says what most shoppers found, true to size on a tie", () => {
    expect(fitVerdict({ runs_small: 3, true_to_size: 1, runs_large: 0 })).toBe("Mostly runs small")
    expect(fitVerdict({ runs_small: 2, true_to_size: 2, runs_large: 0 })).toBe("Mostly true to size")
    expect(fitVerdict({ runs_small: 0, true_to_size: 1, runs_large: 5 })).toBe("Mostly runs large")
    expect(fitVerdict({ runs_small: 2, true_to_size: 0, runs_large: 2 })).toBe("Mostly runs small")
    expect(fitVerdict({ runs_small: 0, true_to_size: 0, runs_large: 0 })).toBeNull()
  })
  it("labels each fit", () => {
    expect(FIT_LABELS).toEqual({ runs_small: "Runs small", true_to_size: "True to size", runs_large: "Runs large" })
    expect(Object.keys(FIT_LABELS)).toEqual([...backend.FITS])
  })
})

describe("ratings", () => {
  it("bars from 5 stars down with counts and shares", () => {
    expect(ratingBars({ "1": 0, "2": 0, "3": 1, "4": 1, "5": 2 })).toEqual([
      { stars: 5, count: 2, percent: 50 },
      { stars: 4, count: 1, percent: 25 },
      { stars: 3, count: 1, percent: 25 },
      { stars: 2, count: 0, percent: 0 },
      { stars: 1, count: 0, percent: 0 },
    ])
    expect(ratingBars({}).every((b) => b.count === 0 && b.percent === 0)).toBe(true)
  })
  it("fills stars to the nearest half", () => {
    expect(starFills(4.5)).toEqual([1, 1, 1, 1, 0.5])
    expect(starFills(4.3)).toEqual([1, 1, 1, 1, 0.5])
    expect(starFills(4.2)).toEqual([1, 1, 1, 1, 0])
    expect(starFills(4.8)).toEqual([1, 1, 1, 1, 1])
    expect(starFills(1)).toEqual([1, 0, 0, 0, 0])
    expect(starFills(null)).toEqual([0, 0, 0, 0, 0])
    expect(starFills(7)).toEqual([1, 1, 1, 1, 1])
  })
  it("reads the average and count aloud", () => {
    expect(ratingText(4.5, 12)).toBe("4.5 out of 5 stars, 12 reviews")
    expect(ratingText(5, 1)).toBe("5.0 out of 5 stars, 1 review")
    expect(ratingText(null, 0)).toBe("No reviews yet")
    expect(reviewCountText(0)).toBe("0 reviews")
  })
})

describe("sorting and paging", () => {
  it("accepts the store's sorts and falls back to newest", () => {
    expect(parseReviewSort("highest")).toBe("highest")
    expect(parseReviewSort("lowest")).toBe("lowest")
    expect(parseReviewSort("newest")).toBe("newest")
    for (const bad of ["", "oldest", null, undefined, 3, "HIGHEST"]) expect(parseReviewSort(bad)).toBe("newest")
  })
  it("reads an offset as a whole number, 0 otherwise", () => {
    expect(parseOffset("10")).toBe(10)
    expect(parseOffset(5)).toBe(5)
    for (const bad of ["-5", "1.5", "abc", "", null, "9999999", -3]) expect(parseOffset(bad)).toBe(0)
  })
})

describe("formatReviewDate", () => {
  it("is the same everywhere: the UTC day", () => {
    expect(formatReviewDate("2025-11-24T03:10:11.512Z")).toBe("24 Nov 2025")
    expect(formatReviewDate("2025-12-31T23:59:59.000Z")).toBe("31 Dec 2025")
    expect(formatReviewDate("not a date")).toBe("")
  })
})

describe("validateReview", () => {
  it("reads a complete review, cleaned as the store cleans it, as a verified purchase", () => {
    expect(validateReview(form({ variant_id: "variant_M", rating: "5", title: "  Perfect \n wrap  dress ", body: " Soft fabric.\r\nTrue to size for me.\n ", fit: "true_to_size" }), VARIANTS)).toEqual({
      values: { variant_id: "variant_M", rating: 5, title: "Perfect wrap dress", body: "Soft fabric.\nTrue to size for me.", fit: "true_to_size", verified_purchase: true },
      fieldErrors: {},
    })
  })

  it("needs only a size and stars; empty texts and no fit are none", () => {
    expect(validateReview(form({ variant_id: "variant_S", rating: "3", title: "  ", body: "\n", fit: "" }), VARIANTS)).toEqual({
      values: { variant_id: "variant_S", rating: 3, title: null, body: null, fit: null, verified_purchase: true },
      fieldErrors: {},
    })
  })

  it("names what is missing or wrong", () => {
    expect(validateReview(form({}), VARIANTS).fieldErrors).toEqual({ variant_id: "Choose the size you bought", rating: "Choose from 1 to 5 stars" })
    expect(validateReview(form({ variant_id: "variant_L", rating: "6", fit: "tight" }), VARIANTS).fieldErrors).toEqual({
      variant_id: "Choose the size you bought",
      rating: "Choose from 1 to 5 stars",
      fit: "Fit: choose runs small, true to size or runs large",
    })
    for (const bad of ["0", "4.5", "five", " ", "10"]) expect(validateReview(form({ variant_id: "variant_S", rating: bad }), VARIANTS).fieldErrors).toEqual({ rating: "Choose from 1 to 5 stars" })
  })

  it("counts characters as the store does (an emoji is one) and names the limit", () => {
    const emoji = "👗".repeat(REVIEW_LIMITS.body)
    expect(emoji.length).toBe(2 * REVIEW_LIMITS.body)
    expect(reviewTextLength(emoji, true)).toBe(REVIEW_LIMITS.body)
    expect(validateReview(form({ variant_id: "variant_S", rating: "4", body: emoji }), VARIANTS).fieldErrors).toEqual({})
    expect(validateReview(form({ variant_id: "variant_S", rating: "4", body: `${emoji}!` }), VARIANTS).fieldErrors).toEqual({ body: "Review: at most 5,000 characters (this one has 5,001)" })
    expect(validateReview(form({ variant_id: "variant_S", rating: "4", title: "x".repeat(121) }), VARIANTS).fieldErrors).toEqual({ title: "Title: at most 120 characters (this one has 121)" })
    // Line breaks count once each, as stored.
    expect(reviewTextLength("a\r\nb", true)).toBe(3)
    expect(reviewTextLength("  a  b  ", false)).toBe(3)
  })

  it("refuses control characters but keeps tabs and line breaks in the text", () => {
    expect(validateReview(form({ variant_id: "variant_S", rating: "4", body: "a\u0007b" }), VARIANTS).fieldErrors).toEqual({ body: "Review: remove the unusual characters" })
    expect(validateReview(form({ variant_id: "variant_S", rating: "4", body: "a\tb\nc" }), VARIANTS).values.body).toBe("a\tb\nc")
  })

  it("agrees with the store: what it accepts is sent as the store would save it, what it refuses the store refuses too", () => {
    const samples: Record<string, string>[] = [
      { rating: "1" },
      { rating: "5", title: "Lovely", body: "Fits well", fit: "runs_small" },
      { rating: "4", title: " a \t b ", body: "\r\n x \r\n y \n" },
      { rating: "3", title: "x".repeat(120), body: "y".repeat(5000) },
      { rating: "3", title: "x".repeat(121) },
      { rating: "3", body: "y".repeat(5001) },
      { rating: "2", body: "💃".repeat(5000) },
      { rating: "2", body: "💃".repeat(5001) },
      { rating: "2", title: "bell\u0007" },
      { rating: "2", fit: "runs_large", body: "tab\there" },
      { rating: "0" },
      { rating: "9" },
    ]
    for (const sample of samples) {
      const mine = validateReview(form({ variant_id: "variant_S", ...sample }), VARIANTS)
      const mineOk = Object.keys(mine.fieldErrors).length === 0
      const theirs = backend.validateReviewCreate(mineOk ? mine.values : { variant_id: "variant_S", ...sample, fit: sample.fit || null })
      expect({ sample: JSON.stringify(sample).slice(0, 60), ok: mineOk }).toEqual({ sample: JSON.stringify(sample).slice(0, 60), ok: theirs.ok })
      if (mineOk && theirs.ok) expect(theirs.value).toEqual(mine.values)
    }
  })
})

describe("reviewErrorText", () => {
  it("puts the store's 400 into words", () => {
    expect(reviewErrorText("Invalid review: rating: must be a whole number from 1 to 5; body: must be at most 5000 characters (this one has 20480)")).toBe(
      "Rating: must be a whole number from 1 to 5. Review: must be at most 5000 characters (this one has 20480)"
    )
  })
  it("leaves other messages (409, not_allowed) as they are", () => {
    const duplicate = "You have already reviewed Wrap Dress in size M; each size can be reviewed once."
    expect(reviewErrorText(duplicate)).toBe(duplicate)
  })
})
