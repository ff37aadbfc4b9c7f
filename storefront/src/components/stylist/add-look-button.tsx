"use client"

import { useState, useTransition } from "react"
import { addManyToCart } from "@/lib/actions/cart"
import { addLookText, type StylistItem } from "@/lib/core/stylist"

/**
 * "Add the look to bag": every piece in one action. The bag count in the header updates
 * from the action; a piece that could not go in is named, so she knows what is missing.
 */
export function AddLookButton({ countryCode, items, label }: { countryCode: string; items: Pick<StylistItem, "variant_id" | "title" | "size">[]; label?: string }) {
  const [pending, startTransition] = useTransition()
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const text = label ?? (items.length === 1 ? "Add to bag" : "Add the look to bag")
  return (
    <div className="mt-3">
      <button
        type="button"
        className="btn-primary w-full"
        disabled={pending || !items.length}
        data-testid="add-look"
        onClick={() =>
          startTransition(async () => {
            setStatus(null)
            const result = await addManyToCart(countryCode, items.map((i) => i.variant_id)).catch(() => null)
            setStatus(result ? addLookText(items, result) : { ok: false, text: "We could not reach the store. Check your connection and try again." })
          })
        }
      >
        {pending ? "Adding…" : text}
      </button>
      <p role="status" className={`mt-2 text-sm ${status?.ok ? "text-ok" : "text-sale"}`} data-testid="add-look-status">
        {status?.text ?? ""}
      </p>
    </div>
  )
}
