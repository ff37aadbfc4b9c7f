import { splitOrderBySupplier, OrderLine, VariantMapping } from "../../src/core/split-order"

const mappings: VariantMapping[] = [
  { variant_id: "v_dress", supplier_id: "sup_surat", supplier_sku: "SUR-DR-9", cost_price: 60000 },
  { variant_id: "v_top", supplier_id: "sup_jaipur", supplier_sku: "JP-TP-2", cost_price: 30000 },
  { variant_id: "v_skirt", supplier_id: "sup_surat", supplier_sku: "SUR-SK-1", cost_price: 45000 },
]
const line = (id: string, variant: string | null, quantity = 1): OrderLine => ({ line_item_id: id, variant_id: variant, title: id, sku: `${id}-sku`, quantity })

describe("splitOrderBySupplier", () => {
  it("makes one supplier order per supplier with that supplier's items, SKUs and cost", () => {
    const { drafts, unmapped } = splitOrderBySupplier([line("li_3", "v_skirt", 2), line("li_1", "v_dress"), line("li_2", "v_top")], mappings)
    expect(unmapped).toEqual([])
    expect(drafts.map((d) => d.supplier_id)).toEqual(["sup_jaipur", "sup_surat"])
    const surat = drafts[1]
    expect(surat.items.map((i) => [i.line_item_id, i.supplier_sku, i.quantity])).toEqual([
      ["li_1", "SUR-DR-9", 1],
      ["li_3", "SUR-SK-1", 2],
    ])
    expect(surat.total_cost).toBe(60000 + 2 * 45000)
  })

  it("reports lines without a supplier instead of dropping them", () => {
    const { drafts, unmapped } = splitOrderBySupplier([line("li_1", "v_dress"), line("li_9", "v_unknown"), line("li_8", null)], mappings)
    expect(drafts).toHaveLength(1)
    expect(unmapped.map((l) => l.line_item_id)).toEqual(["li_9", "li_8"])
  })

  it("gives the same drafts for the same order whatever the line order", () => {
    const a = splitOrderBySupplier([line("li_1", "v_dress"), line("li_3", "v_skirt")], mappings)
    const b = splitOrderBySupplier([line("li_3", "v_skirt"), line("li_1", "v_dress")], mappings)
    expect(a).toEqual(b)
  })

  it("ignores fully returned or zero-quantity lines", () => {
    expect(splitOrderBySupplier([line("li_1", "v_dress", 0)], mappings)).toEqual({ drafts: [], unmapped: [] })
  })
})
