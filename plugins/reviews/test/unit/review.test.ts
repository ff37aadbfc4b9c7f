import { FITS, LIMITS, charLength, formatProblems, validateModeration, validateReviewCreate } from "../../src/core"
import { problemsOf, valueOf } from "./helpers"

const good = { variant_id: "variant_01HXYZ", rating: 5 }

describe("validateReviewCreate: a good review", () => {
  it("needs only the variant and the rating; the rest becomes null", () => {
    expect(validateReviewCreate(good)).toEqual({
      ok: true,
      value: { variant_id: "variant_01HXYZ", rating: 5, title: null, body: null, fit: null, verified_purchase: null },
    })
  })

  it("keeps every field sent", () => {
    const value = valueOf(validateReviewCreate({ ...good, rating: 4, title: "Lovely", body: "Soft fabric.\nWashes well.", fit: "runs_small", verified_purchase: true }))
    expect(value).toEqual({ variant_id: "variant_01HXYZ", rating: 4, title: "Lovely", body: "Soft fabric.\nWashes well.", fit: "runs_small", verified_purchase: true })
  })

  it.each([1, 2, 3, 4, 5, "3", " 4 "])("accepts the rating %p", (rating) => {
    expect(valueOf(validateReviewCreate({ ...good, rating })).rating).toBe(Number(rating))
  })

  it.each(FITS.map((f) => [f]))("accepts the fit %s", (fit) => {
    expect(valueOf(validateReviewCreate({ ...good, fit })).fit).toBe(fit)
  })

  it("puts a title on one line and trims; keeps the text's line breaks, as \\n", () => {
    const value = valueOf(validateReviewCreate({ ...good, title: "  Great \n\t dress ", body: "\r\n Line one\r\nLine two\r\n" }))
    expect(value.title).toBe("Great dress")
    expect(value.body).toBe("Line one\nLine two")
  })

  it("reads an empty or blank title and text as none", () => {
    const value = valueOf(validateReviewCreate({ ...good, title: "   ", body: "", fit: null, verified_purchase: null }))
    expect(value).toMatchObject({ title: null, body: null, fit: null, verified_purchase: null })
  })

  it("accepts the limits exactly, counting an emoji as one character", () => {
    const title = "😊".repeat(LIMITS.title)
    expect(title.length).toBe(240)
    expect(charLength(title)).toBe(120)
    expect(valueOf(validateReviewCreate({ ...good, title, body: "a".repeat(LIMITS.body) })).title).toBe(title)
  })
})

describe("validateReviewCreate: what is refused", () => {
  it.each([0, 6, 7, -1, 4.5, "4.5", "five", "", true, [5], { stars: 5 }, Number.NaN, Number.POSITIVE_INFINITY])("refuses the rating %p", (rating) => {
    expect(problemsOf(validateReviewCreate({ ...good, rating }))).toEqual([{ field: "rating", message: "must be a whole number from 1 to 5" }])
  })

  it("needs a rating and a variant", () => {
    expect(problemsOf(validateReviewCreate({}))).toEqual([
      { field: "variant_id", message: "is required" },
      { field: "rating", message: "is required: a whole number from 1 to 5" },
    ])
    expect(problemsOf(validateReviewCreate({ ...good, rating: null }))).toEqual([{ field: "rating", message: "is required: a whole number from 1 to 5" }])
  })

  it("refuses a text of 20 kB with its length, and a title above 120 characters", () => {
    const problems = problemsOf(validateReviewCreate({ ...good, title: "t".repeat(121), body: "x".repeat(20 * 1024) }))
    expect(problems).toEqual([
      { field: "title", message: "must be at most 120 characters (this one has 121)" },
      { field: "body", message: "must be at most 5000 characters (this one has 20480)" },
    ])
    expect(formatProblems(problems)).toBe("title: must be at most 120 characters (this one has 121); body: must be at most 5000 characters (this one has 20480)")
  })

  it("refuses control characters (NUL cannot be stored) but not tabs or line breaks", () => {
    expect(problemsOf(validateReviewCreate({ ...good, body: "nice\u0000" }))).toEqual([{ field: "body", message: "must not contain control characters" }])
    expect(problemsOf(validateReviewCreate({ ...good, title: "a\u0007b" }))).toEqual([{ field: "title", message: "must not contain control characters" }])
    expect(valueOf(validateReviewCreate({ ...good, body: "a\tb\nc" })).body).toBe("a\tb\nc")
  })

  it.each([["tight"], ["Runs small"], [1], [true]])("refuses the fit %p", (fit) => {
    expect(problemsOf(validateReviewCreate({ ...good, fit }))).toEqual([{ field: "fit", message: "must be one of runs_small, true_to_size, runs_large" }])
  })

  it("refuses a verified_purchase that is not a boolean", () => {
    expect(problemsOf(validateReviewCreate({ ...good, verified_purchase: "yes" }))).toEqual([{ field: "verified_purchase", message: "must be true or false" }])
  })

  it.each([[""], [" "], ["variant with spaces"], ["v".repeat(101)], [42]])("refuses the variant id %p", (variant_id) => {
    expect(problemsOf(validateReviewCreate({ ...good, variant_id })).map((p) => p.field)).toEqual(["variant_id"])
  })

  it("refuses fields the server decides or does not know", () => {
    expect(problemsOf(validateReviewCreate({ ...good, status: "approved", size: "M", customer_id: "cus_1" }))).toEqual([
      { field: "status", message: "is not a known field" },
      { field: "size", message: "is not a known field" },
      { field: "customer_id", message: "is not a known field" },
    ])
  })

  it.each([[null], [undefined], [[]], ["review"], [5]])("refuses a body that is not an object: %p", (body) => {
    expect(problemsOf(validateReviewCreate(body))).toEqual([{ field: "body", message: "must be an object describing the review" }])
  })
})

describe("validateModeration", () => {
  it("takes a decision and an optional note", () => {
    expect(validateModeration({ status: "approved" })).toEqual({ ok: true, value: { status: "approved", note: null } })
    expect(validateModeration({ status: "rejected", note: "  Mentions another shop  " })).toEqual({ ok: true, value: { status: "rejected", note: "Mentions another shop" } })
  })

  it("refuses pending, unknown statuses, a missing one and a long note", () => {
    expect(problemsOf(validateModeration({ status: "pending" }))).toEqual([{ field: "status", message: "must be approved or rejected" }])
    expect(problemsOf(validateModeration({ status: "ok" }))).toEqual([{ field: "status", message: "must be approved or rejected" }])
    expect(problemsOf(validateModeration({}))).toEqual([{ field: "status", message: "is required: approved or rejected" }])
    expect(problemsOf(validateModeration({ status: "approved", note: "n".repeat(1001) }))).toEqual([{ field: "note", message: "must be at most 1000 characters (this one has 1001)" }])
    expect(problemsOf(validateModeration({ status: "approved", reason: "x" }))).toEqual([{ field: "reason", message: "is not a known field" }])
    expect(problemsOf(validateModeration("approved"))).toEqual([{ field: "body", message: 'must be an object such as { "status": "approved" }' }])
  })
})
