/**
 * The size a review is about: the variant's value of the product option titled "Size"
 * (in any case), and the order in which a product's sizes are listed.
 */

export type VariantOptionValue = { option_title: string | null; value: string | null }

export const isSizeOption = (title: string | null | undefined) => (title ?? "").trim().toLowerCase() === "size"

/** The variant's size, or null when its product has no Size option (a clutch, a bag). */
export function sizeOfVariant(options: VariantOptionValue[]): string | null {
  const found = options.find((o) => isSizeOption(o.option_title))
  const value = found?.value?.trim()
  return value ? value : null
}

/** Letter sizes from smallest to largest, for sizes the product no longer lists. */
const LETTER_SIZES = ["XXXS", "3XS", "XXS", "2XS", "XS", "S", "M", "L", "XL", "XXL", "2XL", "XXXL", "3XL", "4XL", "5XL", "6XL"]
const LETTER_RANK = new Map(LETTER_SIZES.map((s, i) => [s, i]))
const key = (size: string) => size.trim().toUpperCase()

/** Orders sizes the product does not list: letter sizes, then numbers, then the rest by name. */
function compareUnlisted(a: string, b: string): number {
  const la = LETTER_RANK.get(key(a))
  const lb = LETTER_RANK.get(key(b))
  if (la !== undefined || lb !== undefined) return la === undefined ? 1 : lb === undefined ? -1 : la - lb
  const na = Number(a.replace(",", "."))
  const nb = Number(b.replace(",", "."))
  const aNum = a.trim() !== "" && Number.isFinite(na)
  const bNum = b.trim() !== "" && Number.isFinite(nb)
  if (aNum || bNum) return !aNum ? 1 : !bNum ? -1 : na - nb
  return a.localeCompare(b)
}

/**
 * Sorts sizes in the product's own order (its variants' order, as the merchant arranged
 * them, compared without case or spaces), then any size it no longer lists (a variant was
 * deleted) after those, smallest first where the size reads as one.
 */
export function orderSizes(sizes: string[], productOrder: string[]): string[] {
  const rank = new Map<string, number>()
  productOrder.forEach((s, i) => {
    if (!rank.has(key(s))) rank.set(key(s), i)
  })
  return [...sizes].sort((a, b) => {
    const ra = rank.get(key(a))
    const rb = rank.get(key(b))
    if (ra !== undefined && rb !== undefined) return ra - rb
    if (ra !== undefined) return -1
    if (rb !== undefined) return 1
    return compareUnlisted(a, b)
  })
}
