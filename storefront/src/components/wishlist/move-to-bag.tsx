"use client"

import { useState, useTransition } from "react"
import { moveWishlistItemToCart, removeFromWishlist } from "@/lib/actions/wishlist"

export type SizeOption = { variantId: string; label: string; inStock: boolean }

/** Pick a size (if the item was saved without one), then move it into the bag. */
export function MoveToBag({ countryCode, itemId, title, variantId, sizes }: { countryCode: string; itemId: string; title: string; variantId: string | null; sizes: SizeOption[] }) {
  const [choice, setChoice] = useState(variantId ?? (sizes.length === 1 && sizes[0].inStock ? sizes[0].variantId : ""))
  const [pending, startTransition] = useTransition()
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const soldOut = sizes.length > 0 && sizes.every((s) => !s.inStock)

  return (
    <div className="mt-2 space-y-2">
      {!variantId && sizes.length > 1 ? (
        <div>
          <label htmlFor={`wl-size-${itemId}`} className="sr-only">
            Size for {title}
          </label>
          <select id={`wl-size-${itemId}`} className="field min-h-10 text-sm" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose size</option>
            {sizes.map((s) => (
              <option key={s.variantId} value={s.variantId} disabled={!s.inStock}>
                {s.label}
                {s.inStock ? "" : " (sold out)"}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <button
          type="button"
          className="btn-primary min-h-10 flex-1 px-3 text-xs"
          disabled={pending || soldOut}
          data-testid="move-to-bag"
          onClick={() => {
            if (!choice) {
              setMessage({ ok: false, text: "Choose a size first" })
              return
            }
            startTransition(async () => {
              const result = await moveWishlistItemToCart(countryCode, itemId, choice)
              setMessage(result.ok ? { ok: true, text: result.message ?? "Moved to your bag" } : { ok: false, text: result.error })
            })
          }}
        >
          {soldOut ? "Sold out" : pending ? "Moving…" : "Move to bag"}
        </button>
        <button
          type="button"
          className="text-xs font-semibold text-plum underline"
          disabled={pending}
          onClick={() => startTransition(async () => void (await removeFromWishlist(countryCode, itemId)))}
          aria-label={`Remove ${title} from wishlist`}
        >
          Remove
        </button>
      </div>
      <p role="status" className={`text-xs ${message?.ok ? "text-ok" : "text-sale"}`}>
        {message?.text}
      </p>
    </div>
  )
}
