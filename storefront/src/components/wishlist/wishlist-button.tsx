"use client"

import { useOptimistic, useTransition, useState } from "react"
import { HeartIcon } from "@/components/common/icons"
import { addToWishlist, removeFromWishlist } from "@/lib/actions/wishlist"

/** Heart toggle on cards and the product page; optimistic, and says what happened to screen readers. */
export function WishlistButton({
  countryCode,
  productId,
  productTitle,
  itemId,
  variantId,
  variant = "icon",
}: {
  countryCode: string
  productId: string
  productTitle: string
  itemId: string | null
  variantId?: string | null
  variant?: "icon" | "button"
}) {
  const [saved, setSaved] = useOptimistic(Boolean(itemId))
  const [pending, startTransition] = useTransition()
  const [message, setMessage] = useState("")

  function toggle() {
    // Removing needs the item id, which arrives with the refreshed page after an add.
    if (pending || (saved && !itemId)) return
    startTransition(async () => {
      setSaved(!saved)
      const result = saved ? await removeFromWishlist(countryCode, itemId!) : await addToWishlist(countryCode, productId, variantId)
      setMessage(result.ok ? result.message ?? "" : result.error)
    })
  }

  const label = saved ? `Remove ${productTitle} from wishlist` : `Save ${productTitle} to wishlist`
  return (
    <>
      {variant === "icon" ? (
        <button
          type="button"
          onClick={toggle}
          aria-busy={pending}
          aria-pressed={saved}
          aria-label={label}
          data-testid="wishlist-toggle"
          className="relative z-10 flex h-10 w-10 items-center justify-center rounded-full bg-white/90 text-plum shadow-sm hover:bg-white"
        >
          <HeartIcon filled={saved} className="h-5 w-5" />
        </button>
      ) : (
        <button type="button" onClick={toggle} aria-pressed={saved} aria-busy={pending} data-testid="wishlist-toggle" className="btn-secondary w-full sm:w-auto">
          <HeartIcon filled={saved} className="h-5 w-5 text-plum" />
          {saved ? "Saved" : "Wishlist"}
        </button>
      )}
      <span role="status" className="sr-only">
        {message}
      </span>
    </>
  )
}
