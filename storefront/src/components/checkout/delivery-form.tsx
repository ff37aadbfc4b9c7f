"use client"

import { useActionState } from "react"
import type { ShippingOption } from "@/lib/medusa/types"
import { setShippingMethod } from "@/lib/actions/checkout"
import { formatMoney } from "@/lib/core/money"
import { FormError } from "@/components/common/field"

export function DeliveryForm({ countryCode, options, selected, currencyCode }: { countryCode: string; options: ShippingOption[]; selected: string | null; currencyCode: string }) {
  const [state, action, pending] = useActionState(setShippingMethod, null)
  if (!options.length) {
    return <p className="text-sm text-sale">We cannot deliver this bag to that address yet. Check the address, or contact us.</p>
  }
  return (
    <form action={action} className="space-y-4" data-testid="delivery-form">
      <FormError message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="country_code" value={countryCode} />
      <fieldset>
        <legend className="sr-only">Delivery option</legend>
        <div className="space-y-2">
          {options.map((o, i) => (
            <label key={o.id} className="flex cursor-pointer items-center gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-ink has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-plum">
              <input type="radio" name="shipping_option_id" value={o.id} defaultChecked={selected ? selected === o.id : i === 0} required className="h-4 w-4 accent-plum" />
              <span className="flex-1">
                <span className="block font-medium">{o.name}</span>
                <span className="text-xs text-muted">Delivery date shown once our courier partner confirms it</span>
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
