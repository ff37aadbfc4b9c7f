import { buildPrefixTsQuery, editDistance, pickCorrection, productToSearchDocument, tokenize, vocabularyOf, MAX_QUERY_TERMS } from "../../src/search/search-text"

describe("tokenize", () => {
  it("lowercases, strips accents and punctuation, removes duplicates", () => {
    expect(tokenize("Bodycón  DRESS, dress!")).toEqual(["bodycon", "dress"])
  })
  it("caps the number of terms and ignores empty input", () => {
    expect(tokenize(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(MAX_QUERY_TERMS)
    expect(tokenize("   ")).toEqual([])
    expect(tokenize(undefined as unknown as string)).toEqual([])
  })
})

describe("buildPrefixTsQuery", () => {
  it("joins prefix terms with AND or OR", () => {
    expect(buildPrefixTsQuery(["red", "dress"], "and")).toBe("red:* & dress:*")
    expect(buildPrefixTsQuery(["red", "dress"], "or")).toBe("red:* | dress:*")
  })
  it("cannot be fed tsquery syntax", () => {
    expect(buildPrefixTsQuery(["a&b", "!x", "(y)"], "and")).toBe("ab:* & x:* & y:*")
    expect(buildPrefixTsQuery(["&|!"], "and")).toBeNull()
  })
})

describe("productToSearchDocument", () => {
  const product = {
    id: "prod_1",
    title: "Ruched Satin Bodycon Midi Dress",
    handle: "ruched-satin-bodycon-midi",
    subtitle: "Made for the party",
    description: "A second-skin midi.",
    status: "published",
    type: { value: "Dress" },
    collection: { title: "New Arrivals" },
    categories: [{ name: "Bodycon Dresses", handle: "bodycon-dresses" }],
    tags: [{ value: "satin" }],
    variants: [{ sku: "BCD-001-EMERAL-M", options: [{ value: "M" }, { value: "Emerald" }] }],
    metadata: { fabric: "Satin", occasion: ["party", "date-night"] },
  }
  it("puts categories, tags, options, metadata and SKUs into keywords", () => {
    const doc = productToSearchDocument(product)
    for (const word of ["Dress", "New Arrivals", "Bodycon Dresses", "satin", "Emerald", "date night", "BCD-001-EMERAL-M"]) {
      expect(doc.keywords).toContain(word)
    }
    expect(doc.document).toMatchObject({ id: "prod_1", handle: "ruched-satin-bodycon-midi", category_handles: ["bodycon-dresses"] })
  })
  it("builds a vocabulary of indexed words", () => {
    const vocab = vocabularyOf(productToSearchDocument(product))
    expect(vocab).toEqual(expect.arrayContaining(["bodycon", "emerald", "satin", "midi"]))
    expect(vocab.every((w) => w.length >= 2 && !/^\d+$/.test(w))).toBe(true)
  })
  it("survives a product without relations", () => {
    expect(productToSearchDocument({ id: "p", title: "T" })).toMatchObject({ id: "p", title: "T", keywords: "", body: "" })
  })
})

describe("pickCorrection", () => {
  it("prefers the candidate fewest edits away over a shorter, equally similar one", () => {
    expect(editDistance("bodycn", "bodycon")).toBe(1)
    expect(editDistance("bodycn", "body")).toBe(2)
    expect(pickCorrection("bodycn", [{ term: "body", similarity: 0.5 }, { term: "bodycon", similarity: 0.5 }])).toBe("bodycon")
  })
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("dersses", "dresses")).toBe(1)
  })
  it("keeps a word that is indexed as it is", () => {
    expect(pickCorrection("body", [{ term: "body", similarity: 1 }, { term: "bodycon", similarity: 0.4 }])).toBe("body")
  })
  it("does not correct to a word too many edits away", () => {
    expect(pickCorrection("silk", [{ term: "satin", similarity: 0.3 }])).toBeNull()
  })
})
