import fs from "fs"
import path from "path"
import { PATTERNS, SILHOUETTES, renderProductSvg } from "../../src/seed/product-art"
import type { ArtSpec } from "../../src/seed/product-art"

const VIEWS: ArtSpec["view"][] = ["front", "back", "detail"]

const spec = (over: Partial<ArtSpec> = {}): ArtSpec => ({
  silhouette: "bodycon-mini",
  colorHex: "#0F7A5A",
  pattern: "solid",
  view: "front",
  seed: "ruched-satin-bodycon-midi:Emerald",
  ...over,
})

/** Tags open and close in order (attribute values never contain ">" in this output). */
function tagsBalanced(svg: string): boolean {
  const stack: string[] = []
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m
    if (selfClosing) continue
    if (!closing) stack.push(name)
    else if (stack.pop() !== name) return false
  }
  return stack.length === 0
}

/** Every url(#id) points at an element defined in the same document. */
function referencesResolve(svg: string): boolean {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
  return [...svg.matchAll(/url\(#([^)]+)\)/g)].every((m) => ids.has(m[1]))
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

function expectSelfContainedSvg(svg: string) {
  expect(svg.startsWith("<svg")).toBe(true)
  expect(svg.endsWith("</svg>")).toBe(true)
  expect(svg).toContain('viewBox="0 0 800 1000"')
  expect(svg).not.toContain("<image")
  expect(svg).not.toMatch(/<text|<script|<foreignObject|<style|href=|@import/)
  expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', "")).not.toContain("http")
  expect(svg).not.toMatch(/NaN|undefined|Infinity/)
  expect(tagsBalanced(svg)).toBe(true)
  expect(referencesResolve(svg)).toBe(true)
  expect(svg.length).toBeLessThan(20_000)
}

describe("renderProductSvg", () => {
  it("supports the catalogue's silhouettes", () => {
    expect([...SILHOUETTES].sort()).toEqual(
      [
        "bodycon-mini", "bodycon-midi", "slip-dress", "a-line-dress", "crop-top", "corset-top", "tube-top", "shirt-crop", "coord-set",
        "skirt-mini", "skirt-midi", "skirt-pleated", "jeans", "trousers", "cargo", "shorts", "heels", "clutch", "earrings",
      ].sort()
    )
  })

  describe.each([...SILHOUETTES])("%s", (silhouette) => {
    it.each(VIEWS)("renders a valid, self-contained %s view", (view) => {
      const svg = renderProductSvg(spec({ silhouette, view }))
      expectSelfContainedSvg(svg)
      expect(svg.toLowerCase()).toContain("#0f7a5a")
    })

    it("draws the front, back and detail views differently", () => {
      const [front, back, detail] = VIEWS.map((view) => renderProductSvg(spec({ silhouette, view, seed: "same" })))
      expect(back).not.toBe(front)
      expect(detail).not.toBe(front)
      expect(detail).not.toBe(back)
    })
  })

  it.each([...PATTERNS])("prints the %s pattern inside the garment", (pattern) => {
    const svg = renderProductSvg(spec({ silhouette: "a-line-dress", pattern }))
    expectSelfContainedSvg(svg)
    if (pattern === "solid") expect(svg).not.toContain("<pattern")
    else {
      expect(svg).toContain("<pattern")
      expect(svg).toMatch(/<g clip-path="url\(#[^)]+\)"><rect [^>]*fill="url\(#[^)]+p\)"/)
    }
  })

  it("is deterministic for a given spec", () => {
    for (const silhouette of SILHOUETTES) {
      const s = spec({ silhouette, pattern: "sequin", seed: "glitter-pointed-stilettos:Gold" })
      expect(renderProductSvg(s)).toBe(renderProductSvg({ ...s }))
    }
  })

  it("gives different colours different images", () => {
    const emerald = renderProductSvg(spec({ colorHex: "#0F7A5A" }))
    const wine = renderProductSvg(spec({ colorHex: "#6B1E2E" }))
    expect(wine).not.toBe(emerald)
    expect(wine.toLowerCase()).toContain("#6b1e2e")
    expect(wine.toLowerCase()).not.toContain("#0f7a5a")
  })

  it("uses the seed for small variations only", () => {
    const a = renderProductSvg(spec({ pattern: "sequin", seed: "a" }))
    const b = renderProductSvg(spec({ pattern: "sequin", seed: "b" }))
    expect(a).not.toBe(b)
    const shape = (svg: string) => svg.match(/<clipPath id="[^"]+">(.*?)<\/clipPath>/)?.[1]
    expect(shape(a)).toBe(shape(b))
  })

  it("outlines white garments so they stand out from the light background", () => {
    const svg = renderProductSvg(spec({ silhouette: "crop-top", colorHex: "#FFFFFF" }))
    const outline = /stroke="(#[0-9a-f]{6})" stroke-width="2\.2"/.exec(svg)?.[1]
    const background = /<stop offset="0" stop-color="(#[0-9a-f]{6})"\/>/.exec(svg)?.[1]
    expect(outline).toBeDefined()
    expect(background).toBeDefined()
    const [lo, hi] = [luminance(outline!), luminance(background!)].sort((x, y) => x - y)
    expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThan(1.8)
  })

  it("throws on an unknown silhouette, naming it", () => {
    expect(() => renderProductSvg(spec({ silhouette: "ball-gown" }))).toThrow(/ball-gown/)
    expect(() => renderProductSvg(spec({ silhouette: "toString" }))).toThrow(/toString/)
  })

  it("throws on a colour that is not a hex colour", () => {
    expect(() => renderProductSvg(spec({ colorHex: "emerald" }))).toThrow(/emerald/)
  })

  it("treats an unknown pattern as solid", () => {
    expect(renderProductSvg(spec({ pattern: "paisley" }))).toBe(renderProductSvg(spec({ pattern: "solid" })))
  })

  it("renders every product image the seed needs", () => {
    const file = path.resolve(__dirname, "..", "..", "..", "data", "catalog", "products.json")
    const products: { handle: string; silhouette: string; metadata: { pattern?: string }; colors: { name: string; hex: string }[] }[] = JSON.parse(
      fs.readFileSync(file, "utf8")
    )
    expect(products.length).toBeGreaterThan(0)
    for (const p of products) {
      const pattern = String(p.metadata.pattern ?? "solid")
      const specs: ArtSpec[] = [
        ...p.colors.map((c) => ({ silhouette: p.silhouette, colorHex: c.hex, pattern, view: "front" as const, seed: `${p.handle}:${c.name}` })),
        ...(["back", "detail"] as const).map((view) => ({ silhouette: p.silhouette, colorHex: p.colors[0].hex, pattern, view, seed: `${p.handle}:${view}` })),
      ]
      for (const s of specs) expectSelfContainedSvg(renderProductSvg(s))
    }
  })
})
