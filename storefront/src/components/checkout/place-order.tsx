"use client"

import Link from "next/link"
import { useActionState, useEffect, useState, useTransition } from "react"
import type { PaymentSession } from "@/lib/medusa/types"
import { placeOrder, confirmExternalPayment } from "@/lib/actions/checkout"
import { FormError } from "@/components/common/field"
import { formatMoney } from "@/lib/core/money"
import { payWithRazorpay } from "./razorpay"
import { mountStripe, payWithStripe } from "./stripe"

/**
 * The last button. Cash on delivery and manual payment place the order directly;
 * Razorpay and Stripe first take the payment in their own window, then the order is placed.
 */
export function PlaceOrder({
  countryCode,
  session,
  total,
  currencyCode,
  keys,
  prefill,
}: {
  countryCode: string
  session: PaymentSession
  total: number
  currencyCode: string
  keys: { razorpay: string | null; stripe: string | null }
  prefill: { name: string; email: string; contact: string }
}) {
  const [state, action, pending] = useActionState(placeOrder, null)
  const [externalError, setExternalError] = useState<string | null>(null)
  const [paying, startPaying] = useTransition()
  const external = session.provider_id === "razorpay" || session.provider_id === "stripe"
  useEffect(() => {
    if (session.provider_id !== "stripe") return
    mountStripe({ key: keys.stripe, session, containerId: "stripe-payment" }).then((r) => {
      if (!r.ok) setExternalError(r.error)
    })
  }, [session, keys.stripe])
  const label = `${external ? "Pay" : "Place order"} ${formatMoney(total, currencyCode)}`

  function payExternally() {
    setExternalError(null)
    startPaying(async () => {
      const paid =
        session.provider_id === "razorpay"
          ? await payWithRazorpay({ key: keys.razorpay, session, prefill })
          : await payWithStripe({ key: keys.stripe, session, containerId: "stripe-payment" })
      if (!paid.ok) {
        setExternalError(paid.error)
        return
      }
      const result = await confirmExternalPayment(countryCode)
      if (result && !result.ok) setExternalError(result.error)
    })
  }

  const error = externalError ?? (state && !state.ok ? state.error : null)
  return (
    <div className="space-y-4">
      <FormError message={error} />
      {error ? (
        <Link href={`/${countryCode}/cart`} className="inline-block text-sm font-semibold text-plum underline" data-testid="review-bag">
          Review your bag
        </Link>
      ) : null}
      {session.provider_id === "stripe" ? <div id="stripe-payment" className="rounded-xl border border-line bg-white p-4" /> : null}
      {external ? (
        <button type="button" onClick={payExternally} disabled={paying} className="btn-primary w-full" data-testid="place-order">
          {paying ? "Waiting for payment…" : label}
        </button>
      ) : (
        <form action={action}>
          <input type="hidden" name="country_code" value={countryCode} />
          <button type="submit" disabled={pending} className="btn-primary w-full" data-testid="place-order">
            {pending ? "Placing your order…" : label}
          </button>
        </form>
      )}
      <p className="text-xs text-muted">By placing your order you agree to our terms of sale. You will get a confirmation by email.</p>
    </div>
  )
}
