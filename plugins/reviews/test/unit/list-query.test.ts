import { likePattern, parseAdminReviewQuery, parseStoreReviewQuery } from "../../src/core"
import { problemsOf } from "./helpers"

describe("parseStoreReviewQuery", () => {
  it("defaults to the 10 newest", () => {
    expect(parseStoreReviewQuery({})).toEqual({ ok: true, value: { limit: 10, offset: 0, sort: "newest" } })
  })

  it("reads limit, offset and sort", () => {
    expect(parseStoreReviewQuery({ limit: "50", offset: "20", sort: "lowest" })).toEqual({ ok: true, value: { limit: 50, offset: 20, sort: "lowest" } })
  })

  it("names every bad parameter", () => {
    expect(problemsOf(parseStoreReviewQuery({ limit: "51", offset: "-1", sort: "best" }))).toEqual([
      { field: "limit", message: "must be a whole number from 1 to 50" },
      { field: "offset", message: "must be a whole number from 0 to 1000000" },
      { field: "sort", message: "must be one of newest, highest, lowest" },
    ])
    expect(problemsOf(parseStoreReviewQuery({ limit: ["1", "2"] }))).toEqual([{ field: "limit", message: "must be a whole number from 1 to 50" }])
    expect(problemsOf(parseStoreReviewQuery({ limit: "0" }))).toEqual([{ field: "limit", message: "must be a whole number from 1 to 50" }])
  })
})

describe("parseAdminReviewQuery", () => {
  it("defaults to every status, 20 at a time", () => {
    expect(parseAdminReviewQuery({})).toEqual({ ok: true, value: { limit: 20, offset: 0, status: null, product_id: null, q: null } })
  })

  it("reads the filters and trims the search", () => {
    expect(parseAdminReviewQuery({ status: "pending", product_id: "prod_1", q: "  silk ", limit: "100" })).toEqual({
      ok: true,
      value: { limit: 100, offset: 0, status: "pending", product_id: "prod_1", q: "silk" },
    })
    expect(parseAdminReviewQuery({ q: "   " })).toMatchObject({ ok: true, value: { q: null } })
  })

  it("refuses an unknown status, a list of products and a long search", () => {
    expect(problemsOf(parseAdminReviewQuery({ status: "spam", product_id: ["a", "b"], q: "x".repeat(201) }))).toEqual([
      { field: "status", message: "must be one of pending, approved, rejected" },
      { field: "product_id", message: "must be one id such as prod_01H..." },
      { field: "q", message: "must be a search text of at most 200 characters" },
    ])
  })
})

describe("likePattern", () => {
  it("matches the text anywhere and takes % and _ literally", () => {
    expect(likePattern("silk")).toBe("%silk%")
    expect(likePattern("100%_\\")).toBe("%100\\%\\_\\\\%")
  })
})
