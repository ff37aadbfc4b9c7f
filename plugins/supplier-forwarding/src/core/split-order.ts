/**
 * Splits one of our orders into one supplier order per supplier, from the variant ->
 * supplier mapping. Pure: the caller loads the order and the mappings.
 */

export type OrderLine = { line_item_id: string; variant_id: string | null; title: string; sku: string | null; quantity: number }

export type VariantMapping = { variant_id: string; supplier_id: string; supplier_sku: string; cost_price: number }

export type SupplierOrderDraftItem = {
  line_item_id: string
  variant_id: string
  title: string
  sku: string | null
  supplier_sku: string
  quantity: number
  /** Cost per unit in the supplier's currency, minor units. */
  unit_cost: number
}

export type SupplierOrderDraft = { supplier_id: string; items: SupplierOrderDraftItem[]; total_cost: number }

export type SplitResult = {
  drafts: SupplierOrderDraft[]
  /** Lines no supplier is mapped for: they need a merchant's attention, never a silent drop. */
  unmapped: OrderLine[]
}

export function splitOrderBySupplier(lines: OrderLine[], mappings: VariantMapping[]): SplitResult {
  const byVariant = new Map(mappings.map((m) => [m.variant_id, m]))
  const bySupplier = new Map<string, SupplierOrderDraft>()
  const unmapped: OrderLine[] = []
  for (const line of lines) {
    const mapping = line.variant_id ? byVariant.get(line.variant_id) : undefined
    if (!mapping || line.quantity <= 0) {
      if (line.quantity > 0) unmapped.push(line)
      continue
    }
    const draft = bySupplier.get(mapping.supplier_id) ?? { supplier_id: mapping.supplier_id, items: [], total_cost: 0 }
    draft.items.push({
      line_item_id: line.line_item_id,
      variant_id: mapping.variant_id,
      title: line.title,
      sku: line.sku,
      supplier_sku: mapping.supplier_sku,
      quantity: line.quantity,
      unit_cost: mapping.cost_price,
    })
    draft.total_cost += mapping.cost_price * line.quantity
    bySupplier.set(mapping.supplier_id, draft)
  }
  // Stable order so that re-running the split for the same order gives the same drafts.
  const drafts = [...bySupplier.values()].sort((a, b) => a.supplier_id.localeCompare(b.supplier_id))
  for (const d of drafts) d.items.sort((a, b) => a.line_item_id.localeCompare(b.line_item_id))
  return { drafts, unmapped }
}
