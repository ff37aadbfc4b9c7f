import { colourFamilies, colourMatches, hexToHsl, inGroup, isNeutral, outfitHarmony, pairHarmony } from "../../src/core"
import { seedProducts } from "./catalogue"

const c = (name: string, hex: string) => ({ name, hex })

describe("colour families", () => {
  it("reads families from the colour's words", () => {
    expect(colourFamilies(c("Washed Black", "#2B2B2B"))).toEqual(["black"])
    expect(colourFamilies(c("Midnight Navy", "#1A1F4B"))).toEqual(["navy", "blue"])
    expect(colourFamilies(c("Rose Gold", "#B76E79")).sort()).toEqual(["gold", "pink"])
    expect(colourFamilies(c("Cobalt Blue", "#1F4FC1"))).toContain("blue")
  })

  it("falls back to the hex for a name it does not know", () => {
    expect(colourFamilies(c("Forest", "#1B5E20"))).toEqual(["green"])
    expect(colourFamilies(c("Ink", "#0A0A0A"))).toEqual(["black"])
  })

  it("places every colour in the seeded catalogue in a family", () => {
    for (const product of seedProducts) for (const colour of product.colors) expect(colourFamilies(colour).length).toBeGreaterThan(0)
  })

  it("matches families, shades, synonyms and groups", () => {
    expect(colourMatches("black", c("Washed Black", "#2B2B2B"))).toBe(true)
    expect(colourMatches("black", c("Charcoal", "#36454F"))).toBe(false)
    expect(colourMatches("blue", c("Midnight Navy", "#1A1F4B"))).toBe(true)
    expect(colourMatches("wine", c("Wine", "#6B1E2E"))).toBe(true)
    expect(colourMatches("wine", c("Ruby", "#9B111E"))).toBe(false)
    expect(colourMatches("maroon", c("Wine", "#6B1E2E"))).toBe(true)
    expect(colourMatches("pastel", c("Lavender", "#D7C4E8"))).toBe(true)
    expect(colourMatches("pastel", c("Black", "#111111"))).toBe(false)
    expect(colourMatches("pink", c("Rose Gold", "#B76E79"))).toBe(true)
  })

  it("knows neutrals and groups", () => {
    expect(isNeutral(c("Beige", "#D8C3A5"))).toBe(true)
    expect(isNeutral(c("Emerald", "#0F7A5A"))).toBe(false)
    expect(inGroup(c("Gold", "#C9A227"), "metallic")).toBe(true)
    expect(hexToHsl("not a colour")).toBeNull()
  })
})

describe("colour harmony", () => {
  it("lets neutrals go with anything", () => {
    expect(pairHarmony(c("Black", "#111111"), c("Hot Pink", "#E0218A"))).toBe("neutral")
  })

  it("tells analogous, complementary and clashing hues apart", () => {
    expect(pairHarmony(c("Scarlet", "#C8102E"), c("Ruby", "#9B111E"))).toBe("tonal")
    expect(pairHarmony(c("Tangerine", "#F28C28"), c("Cobalt Blue", "#1F4FC1"))).toBe("complementary")
    expect(pairHarmony(c("Emerald", "#0F7A5A"), c("Scarlet", "#C8102E"))).toBe("complementary")
    expect(pairHarmony(c("Lime Green", "#B5D334"), c("Hot Pink", "#E0218A"))).toBe("clash")
  })

  it("scores a whole outfit from its pairs", () => {
    const calm = outfitHarmony([c("Beige", "#D8C3A5"), c("White", "#FFFFFF"), c("Gold", "#C9A227")])
    const loud = outfitHarmony([c("Lime Green", "#B5D334"), c("Cobalt Blue", "#1F4FC1"), c("Hot Pink", "#E0218A")])
    expect(calm).toBeGreaterThan(loud)
  })
})
