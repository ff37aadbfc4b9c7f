/**
 * Whether a cart's stocked items are still there when it is completed. Pure: the checkout
 * guard (api/checkout-guard.ts) reads the cart's lines and, under its lock, the stock.
 */
export type CheckoutLine = {
  variant_id: string
  quantity: number
  /** what the shopper sees, e.g. "Linen midi dress (M)" */
  title: string
  manage_inventory: boolean
  allow_backorder: boolean
}

export type Shortage = { variant_id: string; title: string; wanted: number; available: number }

/** The variants whose stock a completion takes: managed and not sold on backorder. */
export function stockedVariantIds(lines: CheckoutLine[]): string[] {
  return [...new Set(lines.filter((l) => l.manage_inventory && !l.allow_backorder).map((l) => l.variant_id))].sort()
}

/** The stocked variants the cart wants more of than `stock` holds (several lines of one variant add up). */
export function checkoutShortages(lines: CheckoutLine[], stock: ReadonlyMap<string, number>): Shortage[] {
  const wanted = new Map<string, { title: string; quantity: number }>()
  for (const line of lines) {
    if (!line.manage_inventory || line.allow_backorder) continue
    const entry = wanted.get(line.variant_id)
    if (entry) entry.quantity += line.quantity
    else wanted.set(line.variant_id, { title: line.title, quantity: line.quantity })
  }
  const shortages: Shortage[] = []
  for (const [variant_id, { title, quantity }] of wanted) {
    const available = Math.max(0, stock.get(variant_id) ?? 0)
    if (quantity > available) shortages.push({ variant_id, title, wanted: quantity, available })
  }
  return shortages
}

/** Words for the shopper: what ran out, how many are left, and what to do. */
export function shortageMessage(shortages: Shortage[]): string {
  const parts = shortages.map((s) => (s.available === 0 ? `${s.title} has sold out` : `only ${s.available} of ${s.title} ${s.available === 1 ? "is" : "are"} left (your bag has ${s.wanted})`))
  const first = parts[0].charAt(0).toUpperCase() + parts[0].slice(1)
  const what = [first, ...parts.slice(1)].join("; ")
  return `${what} while you were checking out. Remove ${shortages.length === 1 && shortages[0].available === 0 ? "it" : "what is missing"} or lower the quantity, then place your order again.`
}
