"use client"

import { Suspense, use, useActionState } from "react"
import type { Serviceability, ShippingOption } from "@/lib/medusa/types"
import { setShippingMethod } from "@/lib/actions/checkout"
import { formatMoney } from "@/lib/core/money"
import { datesUnavailableNote, optionArrival, shiprocketKind } from "@/lib/core/delivery-estimate"
import { FormError } from "@/components/common/field"

const NO_DATE = "Delivery date shown once our courier partner confirms it"

/**
 * The delivery options for the cart. In India, `estimate` is the pincode's delivery
 * answer, still on its way from the server: the options can be chosen at once, and the
 * Shiprocket options' dates fill in when it arrives.
 */
export function DeliveryForm({
  countryCode,
  options,
  selected,
  currencyCode,
  estimate = null,
}: {
  countryCode: string
  options: ShippingOption[]
  selected: string | null
  currencyCode: string
  estimate?: Promise<Serviceability | null> | null
}) {
  const [state, action, pending] = useActionState(setShippingMethod, null)
  if (!options.length) {
    return <p className="text-sm text-sale">We cannot deliver this bag to that address yet. Check the address, or contact us.</p>
  }
  return (
    <form action={action} className="space-y-4" data-testid="delivery-form">
      <FormError message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="country_code" value={countryCode} />
      {estimate ? (
        <Suspense fallback={null}>
          <DatesUnavailable estimate={estimate} />
        </Suspense>
      ) : null}
      <fieldset>
        <legend className="sr-only">Delivery option</legend>
        <div className="space-y-2">
          {options.map((o, i) => (
            <label
              key={o.id}
              className="flex cursor-pointer items-center gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-ink has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-plum"
              data-shiprocket={shiprocketKind(o) ?? undefined}
            >
              <input type="radio" name="shipping_option_id" value={o.id} defaultChecked={selected ? selected === o.id : i === 0} required className="h-4 w-4 accent-plum" />
              <span className="flex-1">
                <span className="block font-medium">{o.name}</span>
                {estimate && shiprocketKind(o) ? (
                  <Suspense fallback={<span className="text-xs text-muted">Checking the delivery date…</span>}>
                    <Arrival option={o} estimate={estimate} />
                  </Suspense>
                ) : (
                  <span className="text-xs text-muted">{NO_DATE}</span>
                )}
              </span>
              <span className="font-semibold tabular-nums">{(o.price_incl_tax ?? o.amount) === 0 ? "Free" : formatMoney(o.price_incl_tax ?? o.amount, currencyCode)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending} data-testid="delivery-submit">
        {pending ? "Saving…" : "Continue to payment"}
      </button>
    </form>
  )
}

/** "Arrives by Tue, 2 Dec" under a Shiprocket option, or the usual line when there is no date for it. */
function Arrival({ option, estimate }: { option: ShippingOption; estimate: Promise<Serviceability | null> }) {
  const arrival = optionArrival(option, use(estimate))
  return arrival ? (
    <span className="text-xs font-medium text-ok" data-testid="delivery-arrival">
      {arrival}
    </span>
  ) : (
    <span className="text-xs text-muted">{NO_DATE}</span>
  )
}

/** One quiet line when Shiprocket is off or not answering; every option stays selectable. */
function DatesUnavailable({ estimate }: { estimate: Promise<Serviceability | null> }) {
  const note = datesUnavailableNote(use(estimate))
  return note ? (
    <p className="text-xs text-muted" data-testid="delivery-dates-unavailable">
      {note}
    </p>
  ) : null
}
