import { categoryLookupOrder } from "../../src/core"

/**
 * accessories            party          ethnic
 *  |- footwear                           |- kurtas
 *  |   |- heels
 *  |   |   |- stilettos
 *  |   |- flats
 *  |- bags
 *      |- clutches
 */
const parents = new Map<string, string | null>([
  ["accessories", null],
  ["footwear", "accessories"],
  ["heels", "footwear"],
  ["stilettos", "heels"],
  ["flats", "footwear"],
  ["bags", "accessories"],
  ["clutches", "bags"],
  ["party", null],
  ["ethnic", null],
  ["kurtas", "ethnic"],
])

/** Every category comes after all its subcategories that are in the list. */
function expectParentsAfterChildren(order: string[]) {
  order.forEach((id, i) => {
    for (let p = parents.get(id) ?? null; p; p = parents.get(p) ?? null) {
      if (order.includes(p)) expect(order.indexOf(p)).toBeGreaterThan(i)
    }
  })
}

describe("categoryLookupOrder", () => {
  it("walks from the product's one category up to the top", () => {
    expect(categoryLookupOrder(["stilettos"], parents)).toEqual(["stilettos", "heels", "footwear", "accessories"])
    expect(categoryLookupOrder(["heels"], parents)).toEqual(["heels", "footwear", "accessories"])
    expect(categoryLookupOrder(["party"], parents)).toEqual(["party"])
  })

  it("puts all the product's own categories first, deepest first, then the parents", () => {
    expect(categoryLookupOrder(["party", "stilettos"], parents)).toEqual(["stilettos", "party", "heels", "footwear", "accessories"])
    expect(categoryLookupOrder(["kurtas", "stilettos", "party"], parents)).toEqual(["stilettos", "kurtas", "party", "heels", "footwear", "accessories", "ethnic"])
  })

  it("orders own categories of the same depth by id, whatever order they come in", () => {
    expect(categoryLookupOrder(["kurtas", "heels", "clutches"], parents)).toEqual(["clutches", "heels", "kurtas", "bags", "footwear", "accessories", "ethnic"])
    expect(categoryLookupOrder(["heels", "clutches"], parents)).toEqual(categoryLookupOrder(["clutches", "heels"], parents))
    expect(categoryLookupOrder(["clutches", "heels"], parents)).toEqual(["clutches", "heels", "bags", "footwear", "accessories"])
  })

  it("orders the parents deepest first, so a parent never comes before its own subcategory", () => {
    // bags (depth 1) is reached in one step from clutches, footwear (depth 1) in two from stilettos:
    // both come after heels (depth 2) and before accessories (depth 0).
    const order = categoryLookupOrder(["stilettos", "clutches"], parents)
    expect(order).toEqual(["stilettos", "clutches", "heels", "bags", "footwear", "accessories"])
    expectParentsAfterChildren(order)
  })

  it("keeps a top category reached in one step behind a subcategory reached in two", () => {
    // accessories is the parent of bags (one step) but also above footwear (two steps from
    // stilettos): walking up level by level would offer accessories' chart before footwear's.
    const order = categoryLookupOrder(["stilettos", "bags"], parents)
    expect(order).toEqual(["stilettos", "bags", "heels", "footwear", "accessories"])
    expectParentsAfterChildren(order)
    expect(categoryLookupOrder(["heels", "bags"], parents)).toEqual(["heels", "bags", "footwear", "accessories"])
  })

  it("treats an own category that is a parent of another own category as a parent", () => {
    // A product put in both Stilettos and Accessories: the heels chart is more specific than the accessories one.
    expect(categoryLookupOrder(["accessories", "stilettos"], parents)).toEqual(["stilettos", "heels", "footwear", "accessories"])
    expect(categoryLookupOrder(["footwear", "heels", "stilettos"], parents)).toEqual(["stilettos", "heels", "footwear", "accessories"])
    expect(categoryLookupOrder(["footwear", "clutches"], parents)).toEqual(["clutches", "footwear", "bags", "accessories"])
  })

  it("lists each category once, however often it is given or reached", () => {
    expect(categoryLookupOrder(["heels", "heels", "flats", "stilettos"], parents)).toEqual(["stilettos", "flats", "heels", "footwear", "accessories"])
    const order = categoryLookupOrder(["stilettos", "flats", "clutches"], parents)
    expect(new Set(order).size).toBe(order.length)
    expect(order).toEqual(["stilettos", "clutches", "flats", "heels", "bags", "footwear", "accessories"])
  })

  it("returns nothing for a product without categories, and ignores empty ids", () => {
    expect(categoryLookupOrder([], parents)).toEqual([])
    expect(categoryLookupOrder(["", "party"], parents)).toEqual(["party"])
  })

  it("treats categories it knows nothing about as top-level", () => {
    expect(categoryLookupOrder(["x"], new Map())).toEqual(["x"])
    expect(categoryLookupOrder(["x", "heels"], parents)).toEqual(["heels", "x", "footwear", "accessories"])
    const partial = new Map<string, string | null>([["child", "parent"]])
    expect(categoryLookupOrder(["child"], partial)).toEqual(["child", "parent"])
  })

  it("cuts cycles and still visits each category once", () => {
    const twoCycle = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
    ])
    expect(categoryLookupOrder(["a"], twoCycle)).toEqual(["a", "b"])
    expect(categoryLookupOrder(["a", "a"], twoCycle)).toEqual(["a", "b"])
    expect(categoryLookupOrder(["b", "a"], twoCycle)).toEqual(["a", "b"])

    const self = new Map<string, string | null>([["a", "a"]])
    expect(categoryLookupOrder(["a"], self)).toEqual(["a"])

    // A cycle above the product's category: c -> a -> b -> a
    const above = new Map<string, string | null>([
      ["c", "a"],
      ["a", "b"],
      ["b", "a"],
    ])
    expect(categoryLookupOrder(["c"], above)).toEqual(["c", "a", "b"])
  })

  it("does not change the list it is given", () => {
    const direct = ["party", "stilettos", "party"]
    categoryLookupOrder(direct, parents)
    expect(direct).toEqual(["party", "stilettos", "party"])
  })
})
