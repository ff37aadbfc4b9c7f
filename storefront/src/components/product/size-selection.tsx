"use client"

import { createContext, useContext } from "react"
import type { SizeChoice } from "@/lib/core/variants"

/**
 * The product page's size picker, shared with what sits beside it (size advice): the sizes
 * of the chosen colour with their stock, the size chosen, and a way to choose one.
 * Provided by ProductView; null outside it or for a product without sizes.
 */
export type SizeSelection = {
  sizes: SizeChoice[]
  selected: string | null
  select: (size: string) => void
}

const SizeSelectionContext = createContext<SizeSelection | null>(null)

export const SizeSelectionProvider = SizeSelectionContext.Provider

export function useSizeSelection(): SizeSelection | null {
  return useContext(SizeSelectionContext)
}
