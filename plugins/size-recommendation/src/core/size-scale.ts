/**
 * Size labels as positions on one scale, so the model can say "one size up":
 * XXS-5XL share a fixed ladder (M is M in every product), numeric sizes are their
 * number, and any other label takes its place in the product's own order.
 */
const LETTER_LADDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL", "5XL"]
const ALIASES: Record<string, string> = { "2XS": "XXS", "2XL": "XXL", "3XL": "XXXL", "XXXXL": "4XL", "XXXXXL": "5XL", SMALL: "S", MEDIUM: "M", LARGE: "L" }

export type ScaledSize = { label: string; position: number }

export function letterPosition(label: string): number | null {
  const key = label.trim().toUpperCase().replace(/\s+/g, "")
  const index = LETTER_LADDER.indexOf(ALIASES[key] ?? key)
  return index < 0 ? null : index
}

/** Positions for a product's sizes, in the order given (the order the shop lists them). */
export function scaleSizes(labels: string[]): ScaledSize[] {
  const unique = [...new Set(labels.map((label) => label.trim()).filter(Boolean))]
  if (unique.every((label) => letterPosition(label) !== null)) {
    return unique.map((label) => ({ label, position: letterPosition(label)! })).sort((a, b) => a.position - b.position)
  }
  if (unique.every((label) => /^\d+(\.\d+)?$/.test(label))) {
    return unique.map((label) => ({ label, position: Number(label) })).sort((a, b) => a.position - b.position)
  }
  return unique.map((label, position) => ({ label, position }))
}
