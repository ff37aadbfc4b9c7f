/**
 * Size and colour selection on the product page: which combinations exist, which are in
 * stock, and which variant a choice means. Pure, so the picker and tests share it.
 */
export type PickerVariant = {
  id: string
  inventory_quantity: number
  allow_backorder: boolean
  manage_inventory: boolean
  options: { option_id: string; value: string }[]
  metadata: Record<string, unknown> | null
}
export type PickerOption = { id: string; title: string }

export type ColourChoice = { name: string; hex: string | null; image: string | null; inStock: boolean }
export type SizeChoice = { value: string; inStock: boolean; lowStock: number | null }

const SIZE_TITLES = ["size"]
const COLOUR_TITLES = ["colour", "color"]
export const LOW_STOCK = 3

export function isInStock(v: Pick<PickerVariant, "inventory_quantity" | "allow_backorder" | "manage_inventory">): boolean {
  return !v.manage_inventory || v.allow_backorder || v.inventory_quantity > 0
}

function optionId(options: PickerOption[], titles: string[]): string | null {
  return options.find((o) => titles.includes(o.title.trim().toLowerCase()))?.id ?? null
}

function valueOf(variant: PickerVariant, id: string | null): string | null {
  if (!id) return null
  return variant.options.find((o) => o.option_id === id)?.value ?? null
}

export function pickerModel<V extends PickerVariant>(options: PickerOption[], variants: V[]) {
  const sizeId = optionId(options, SIZE_TITLES)
  const colourId = optionId(options, COLOUR_TITLES)

  const colours: ColourChoice[] = []
  const sizes: string[] = []
  for (const v of variants) {
    const colour = valueOf(v, colourId)
    const size = valueOf(v, sizeId)
    if (colour && !colours.some((c) => c.name === colour)) {
      colours.push({
        name: colour,
        hex: typeof v.metadata?.color_hex === "string" ? v.metadata.color_hex : null,
        image: typeof v.metadata?.image === "string" ? v.metadata.image : null,
        inStock: variants.some((o) => valueOf(o, colourId) === colour && isInStock(o)),
      })
    }
    if (size && !sizes.includes(size)) sizes.push(size)
  }

  /**
   * Sizes for a colour (all colours when none is chosen yet), with their stock. Units left
   * are told only for one variant's worth: a chosen colour, or a product without colours.
   */
  function sizesFor(colour: string | null): SizeChoice[] {
    const chosen = colourId ? colour : null
    const single = Boolean(chosen) || !colourId
    return sizes.map((value) => {
      const matching = variants.filter((v) => valueOf(v, sizeId) === value && (!chosen || valueOf(v, colourId) === chosen))
      const inStock = matching.some(isInStock)
      const managed = matching.filter((v) => v.manage_inventory && !v.allow_backorder)
      const units = managed.reduce((sum, v) => sum + Math.max(0, v.inventory_quantity), 0)
      return { value, inStock, lowStock: single && inStock && managed.length === matching.length && units <= LOW_STOCK ? units : null }
    })
  }

  function variantFor(size: string | null, colour: string | null): V | null {
    if (variants.length === 1) return variants[0]
    return (
      variants.find((v) => (!sizeId || valueOf(v, sizeId) === size) && (!colourId || valueOf(v, colourId) === colour)) ?? null
    )
  }

  function choiceOf(variant: PickerVariant): { size: string | null; colour: string | null } {
    return { size: valueOf(variant, sizeId), colour: valueOf(variant, colourId) }
  }

  return { colours, sizes, hasSizes: Boolean(sizeId) && sizes.length > 0, hasColours: Boolean(colourId) && colours.length > 0, sizesFor, variantFor, choiceOf }
}
