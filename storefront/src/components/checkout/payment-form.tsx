"use client"

import { useActionState } from "react"
import type { PaymentSession } from "@/lib/medusa/types"
import { selectPaymentMethod } from "@/lib/actions/checkout"
import { FormError } from "@/components/common/field"
import { describePaymentProvider } from "./payment-methods"

/**
 * One choice per payment session the region offers; a method that is not available says
 * why. In India, `cod` is what the couriers say about cash on delivery to the pincode
 * (null when unknown): where none collects cash, cash on delivery is not available.
 */
export function PaymentForm({
  countryCode,
  sessions,
  selected,
  currencyCode,
  cod = null,
}: {
  countryCode: string
  sessions: PaymentSession[]
  selected: string | null
  currencyCode: string
  cod?: { available: boolean; text: string } | null
}) {
  const [state, action, pending] = useActionState(selectPaymentMethod, null)
  const refusedByCouriers = (s: PaymentSession) => s.provider_id === "cod" && cod?.available === false
  const available = (s: PaymentSession) => s.data?.available !== false && !refusedByCouriers(s)
  const firstAvailable = sessions.find(available)?.provider_id ?? null
  return (
    <form action={action} className="space-y-4" data-testid="payment-form">
      <FormError message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="country_code" value={countryCode} />
      <fieldset>
        <legend className="sr-only">Payment method</legend>
        <div className="space-y-2">
          {sessions.map((s) => {
            const text = describePaymentProvider(s.provider_id, currencyCode)
            const ok = available(s)
            return (
              <label
                key={s.id}
                className={`flex items-start gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-ink has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-plum ${ok ? "cursor-pointer" : "cursor-not-allowed opacity-70"}`}
                data-testid={`payment-${s.provider_id}`}
              >
                <input
                  type="radio"
                  name="provider_id"
                  value={s.provider_id}
                  disabled={!ok}
                  defaultChecked={ok && (selected ? selected === s.provider_id : s.provider_id === firstAvailable)}
                  className="mt-1 h-4 w-4 accent-plum"
                  aria-describedby={`pay-${s.provider_id}-detail`}
                />
                <span>
                  <span className="block font-medium">{text.title}</span>
                  <span id={`pay-${s.provider_id}-detail`} className="text-sm text-muted">
                    {ok ? text.detail : s.data?.available === false ? String(s.data?.reason ?? "Not available for this order") : cod?.text}
                    {ok && s.provider_id === "cod" && cod?.available ? (
                      <span className="block text-xs font-medium text-ok" data-testid="cod-pincode">
                        {cod.text}
                      </span>
                    ) : null}
                  </span>
                </span>
              </label>
            )
          })}
        </div>
      </fieldset>
      {firstAvailable ? null : (
        <p className="text-sm text-sale" data-testid="no-payment-method">
          No payment method is available for this order. Change the delivery address, or adjust your bag.
        </p>
      )}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending || !firstAvailable} data-testid="payment-submit">
        {pending ? "Saving…" : "Review order"}
      </button>
    </form>
  )
}
