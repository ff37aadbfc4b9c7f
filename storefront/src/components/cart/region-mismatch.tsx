"use client"

import { useTransition } from "react"
import { moveCartToCountry } from "@/lib/actions/cart"

/** The bag was filled in another country: prices, tax and payment differ, so moving it is the shopper's call. */
export function RegionMismatch({ countryCode, cartRegion }: { countryCode: string; cartRegion: string }) {
  const [pending, startTransition] = useTransition()
  return (
    <div role="alert" className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-gold/40 bg-gold-light/20 p-4 text-sm">
      <p>Your bag is priced for {cartRegion}. Move it here to see this country&apos;s prices and check out.</p>
      <button type="button" className="btn-primary" disabled={pending} onClick={() => startTransition(async () => void (await moveCartToCountry(countryCode)))}>
        {pending ? "Updating…" : "Update my bag"}
      </button>
    </div>
  )
}
