/**
 * Applies a supplier's `inventory.updated` to the variants it supplies. A supplier can
 * only set stock of variants mapped to it, by its own SKU (or ours); an update older
 * than the last one applied to a variant is ignored, because webhooks arrive out of order.
 */

export type StockReport = { sku: string; quantity: number; updated_at?: string | null }
export type MappedVariant = { variant_id: string; supplier_sku: string; sku: string | null; stock_updated_at: Date | null }
export type StockChange = { variant_id: string; sku: string; quantity: number; updated_at: Date }

export type InventoryPlan = { changes: StockChange[]; stale: string[]; unknown: string[] }

export function planInventoryUpdate(reports: StockReport[], mapped: MappedVariant[], receivedAt: Date): InventoryPlan {
  const bySku = new Map<string, MappedVariant>()
  for (const m of mapped) if (m.sku) bySku.set(m.sku, m)
  // The supplier's own SKUs last, so they win over ours whatever order the mappings come in.
  for (const m of mapped) bySku.set(m.supplier_sku, m)
  const latest = new Map<string, StockChange>()
  const stale: string[] = []
  const unknown: string[] = []
  for (const r of reports) {
    const variant = bySku.get(r.sku)
    if (!variant) {
      unknown.push(r.sku)
      continue
    }
    // A supplier clock in the future would make every later update look stale: never past now.
    const at = r.updated_at && new Date(r.updated_at).getTime() < receivedAt.getTime() ? new Date(r.updated_at) : receivedAt
    if (variant.stock_updated_at && at.getTime() <= variant.stock_updated_at.getTime()) {
      stale.push(r.sku)
      continue
    }
    const current = latest.get(variant.variant_id)
    // The same variant twice in one message (by both SKUs): the newest report counts.
    if (!current || at.getTime() >= current.updated_at.getTime()) latest.set(variant.variant_id, { variant_id: variant.variant_id, sku: r.sku, quantity: r.quantity, updated_at: at })
  }
  return { changes: [...latest.values()], stale, unknown }
}
