/**
 * Checks the checker: `node --test bench/stylist-eval/` (not part of npm test, like every
 * bench). A bench that misses a broken answer would report 100% for the wrong reason, so
 * each rule is shown catching a hand-made bad answer on a tiny hand-made catalogue.
 */
import test from "node:test"
import assert from "node:assert/strict"
import { variantRows } from "./catalog.mjs"
import { bruteForce, checkAnswer, foreignTitles, itemViolations, normaliseExpect } from "./checks.mjs"

const categoriesById = new Map([
  ["c-acc", { id: "c-acc", handle: "accessories", parent_category_id: null }],
  ["c-heels", { id: "c-heels", handle: "heels", parent_category_id: "c-acc" }],
  ["c-clutch", { id: "c-clutch", handle: "clutches", parent_category_id: "c-acc" }],
  ["c-dress", { id: "c-dress", handle: "bodycon-dresses", parent_category_id: null }],
  ["c-top", { id: "c-top", handle: "crop-tops", parent_category_id: null }],
  ["c-bottom", { id: "c-bottom", handle: "bottoms", parent_category_id: null }],
])

/** A Store API product as /store/products?region_id=… returns it, trimmed to what the bench reads. */
function product(id, { title, type, category, tags = [], metadata = {}, variants }) {
  return {
    id,
    handle: id,
    title,
    status: "published",
    type: { value: type },
    categories: [{ id: category }],
    tags: tags.map((value) => ({ value })),
    metadata,
    options: [
      { id: `${id}-size`, title: "Size" },
      { id: `${id}-colour`, title: "Colour" },
    ],
    variants: variants.map(([size, color, price, qty]) => ({
      id: `${id}-${color}-${size}`.toLowerCase().replace(/\s+/g, "-"),
      title: `${color} / ${size}`,
      calculated_price: price,
      inventory_quantity: qty,
      manage_inventory: true,
      allow_backorder: false,
      options: [
        { option_id: `${id}-size`, value: size },
        { option_id: `${id}-colour`, value: color },
      ],
    })),
  }
}

const products = [
  product("dress", { title: "Satin Slip Dress", type: "Dress", category: "c-dress", metadata: { pattern: "solid", sleeve: "sleeveless", fabric: "Satin" }, variants: [["M", "Black", 150000, 5], ["M", "Sage", 150000, 0], ["S", "Sage", 150000, 3]] }),
  product("dress2", { title: "Floral Midi Dress Long", type: "Dress", category: "c-dress", metadata: { pattern: "floral", sleeve: "puff" }, variants: [["M", "Blush", 190000, 2]] }),
  product("top", { title: "Cotton Crop Tee", type: "Top", category: "c-top", tags: ["crop-tee"], metadata: { pattern: "solid", sleeve: "short" }, variants: [["M", "White", 50000, 9]] }),
  product("jeans", { title: "Wide Leg Jeans", type: "Bottoms", category: "c-bottom", metadata: { pattern: "solid" }, variants: [["M", "Washed Black", 120000, 9], ["M", "Mid Blue", 130000, 9]] }),
  product("heels", { title: "Stiletto Pumps", type: "Heels", category: "c-heels", variants: [["38", "Nude", 90000, 4], ["39", "Nude", 90000, 4]] }),
  product("clutch", { title: "Pearl Clutch", type: "Clutch", category: "c-clutch", variants: [["One Size", "Ivory", 60000, 4]] }),
]

const { rows, problems } = variantRows(products, { currency: "inr", categoriesById })
const region = { currency: "inr", rows, byVariant: new Map(rows.map((r) => [r.variant_id, r])) }
const allTitles = [...new Set(rows.map((r) => r.title)), "Midi Dress"]
const row = (id) => region.byVariant.get(id)

/** An answer item as the API describes it, from the catalogue's row. */
const item = (id, over = {}) => {
  const r = row(id)
  return { product_id: r.product_id, variant_id: r.variant_id, handle: r.handle, title: r.title, category: r.categories[0], size: r.size, color: r.color, unit_price: r.price_minor / 100, currency: "INR", thumbnail: null, ...over }
}
const outfit = (items, over = {}) => ({ title: "A look", rationale: "Because.", items, total: items.reduce((s, i) => s + i.unit_price, 0), currency: "INR", ...over })
const answer = (outfits, over = {}) => ({ session_id: "s", engine: "offline", reply: "Here you go.", outfits, follow_ups: [], alternatives: [], notes: [], ...over })

test("Store API products become variant rows with regional price, stock, options and category ancestors", () => {
  assert.deepEqual(problems, [])
  const heels = row("heels-nude-38")
  assert.deepEqual(heels.categories.sort(), ["accessories", "heels"])
  assert.equal(heels.size, "38")
  assert.equal(heels.role, "shoes")
  assert.equal(row("dress-sage-m").in_stock, false)
  assert.equal(row("dress-black-m").price_minor, 150000)
  assert.equal(row("dress-black-m").color, "Black")
})

test("item rules: size, one size, shoe size, colour families, categories, patterns, sleeves, words", () => {
  const key = normaliseExpect({ size: "M", shoe_size: "38", avoid_colors: ["black"], avoid_categories: ["accessories"], avoid_patterns: ["floral"], avoid_sleeves: ["sleeveless"], avoid_words: ["crop"] })
  assert.match(itemViolations(row("dress-sage-s"), key).join(), /size S/)
  assert.match(itemViolations(row("dress-sage-m"), key).join(), /out of stock/)
  assert.match(itemViolations(row("jeans-washed-black-m"), key).join(), /Washed Black/)
  assert.deepEqual(itemViolations(row("jeans-mid-blue-m"), key), [])
  assert.match(itemViolations(row("heels-nude-39"), key).join(), /shoe size 39/)
  assert.match(itemViolations(row("heels-nude-38"), key).join(), /category/)
  assert.match(itemViolations(row("dress2-blush-m"), key).join(), /floral/)
  assert.match(itemViolations(row("dress-black-m"), key).join(), /sleeveless/)
  assert.match(itemViolations(row("top-white-m"), key).join(), /crop/)
  assert.deepEqual(itemViolations(row("clutch-ivory-one-size"), normaliseExpect({ size: "M", shoe_size: "38" })), [])
})

test("brute force: budgets are inclusive, shapes and needs are honoured, impossibility is found", () => {
  assert.equal(bruteForce(rows, normaliseExpect({ budget: 1500, size: "M" })).feasible, true)
  assert.equal(bruteForce(rows, normaliseExpect({ budget: 1499, size: "M" })).feasible, false)
  const jeans = bruteForce(rows, normaliseExpect({ budget: 1700, size: "M", shapes: ["separates"], needs: ["title:jeans"] }))
  assert.equal(jeans.feasible, true)
  assert.equal(jeans.cheapest.total, 170000)
  assert.equal(bruteForce(rows, normaliseExpect({ size: "XXXL", shapes: ["dress"] })).feasible, false)
  const accessories = bruteForce(rows, normaliseExpect({ budget: 1500, shoe_size: "38", shapes: [], needs: ["heels", "clutches"] }))
  assert.equal(accessories.feasible, true)
  assert.equal(bruteForce(rows, normaliseExpect({ budget: 1400, shoe_size: "38", shapes: [], needs: ["heels", "clutches"] })).feasible, false)
  const noColours = bruteForce(rows, normaliseExpect({ avoid_colors: ["black", "green", "pink", "white", "blue", "beige", "ivory"] }))
  assert.equal(noColours.feasible, false)
  assert.equal(noColours.alternatives, 0)
})

test("product titles are found in free text, and a title inside an allowed one is not", () => {
  assert.deepEqual(foreignTitles("Try the SATIN slip-dress!", [], allTitles), ["Satin Slip Dress"])
  assert.deepEqual(foreignTitles("The Floral Midi Dress Long is lovely", ["Floral Midi Dress Long"], allTitles), [])
  assert.deepEqual(foreignTitles("A midi dress, maybe", [], allTitles), ["Midi Dress"])
})

test("a valid answer passes; each kind of broken answer is caught", () => {
  const key = normaliseExpect({ budget: 2000, size: "M", avoid_colors: ["black"] })
  const ctx = { key, region, allTitles }
  const good = answer([outfit([item("top-white-m"), item("jeans-mid-blue-m")])], { reply: "The Cotton Crop Tee with Wide Leg Jeans." })
  assert.deepEqual(checkAnswer(good, ctx), { violations: [], complete: 1, outfits: 1, alternatives: 0 })
  assert.deepEqual(checkAnswer(answer([]), ctx).violations, [])

  const cases = [
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m", { unit_price: 999 })])]), /unit_price 999/],
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m")], { total: 1 })]), /not the sum/],
    [answer([outfit([item("top-white-m"), item("jeans-washed-black-m")])]), /Washed Black/],
    [answer([outfit([item("dress-sage-m")])]), /out of stock/],
    [answer([outfit([item("dress-sage-s")])]), /size S, she wears M/],
    [answer([outfit([item("dress2-blush-m"), item("clutch-ivory-one-size")])]), /over budget/],
    [answer([outfit([item("clutch-ivory-one-size")])]), /incomplete/],
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m", { variant_id: "nope" })])]), /not a published variant/],
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m")], { currency: "USD" })]), /currency USD/],
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m", { size: "L" })])]), /says size L/],
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m")])], { reply: "Or the Satin Slip Dress!" }), /reply names/],
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m")], { rationale: "Like the Pearl Clutch." })]), /rationale names/],
    [answer([outfit([item("top-white-m"), item("jeans-mid-blue-m")])], { engine: "openai" }), /engine/],
    [answer([], { alternatives: [{ label: "other sizes", items: [item("jeans-washed-black-m")], outfits: [] }] }), /alternative "other sizes".*Washed Black/],
  ]
  for (const [bad, pattern] of cases) {
    const { violations, complete } = checkAnswer(bad, ctx)
    assert.match(violations.join("\n"), pattern)
    if (!/reply names|engine|alternative/.test(String(pattern))) assert.equal(complete, 0, String(pattern))
  }
  // Alternatives may bend her size, not her exclusions.
  assert.deepEqual(checkAnswer(answer([], { alternatives: [{ label: "other sizes", items: [item("dress-sage-s")], outfits: [] }] }), ctx).violations, [])
})
