"use client"

import { useActionState, useTransition } from "react"
import { applyDiscount, removeDiscount } from "@/lib/actions/cart"

export function DiscountForm({ codes }: { codes: string[] }) {
  const [state, action, pending] = useActionState(applyDiscount, null)
  const [removing, startTransition] = useTransition()
  const error = state && !state.ok ? state.fieldErrors?.code ?? state.error : null
  return (
    <div className="space-y-2">
      <form action={action} className="flex items-end gap-2" noValidate>
        <div className="flex-1">
          <label htmlFor="discount-code" className="field-label">
            Coupon code
          </label>
          <input id="discount-code" name="code" className="field uppercase" autoComplete="off" aria-invalid={Boolean(error)} aria-describedby={error ? "discount-error" : undefined} />
        </div>
        <button type="submit" className="btn-secondary" disabled={pending}>
          {pending ? "Applying…" : "Apply"}
        </button>
      </form>
      <p role="status" className="text-sm">
        {error ? (
          <span id="discount-error" className="text-sale">
            {error}
          </span>
        ) : state?.ok ? (
          <span className="text-ok">{state.message}</span>
        ) : null}
      </p>
      {codes.length ? (
        <ul className="flex flex-wrap gap-2">
          {codes.map((code) => (
            <li key={code} className="inline-flex items-center gap-2 rounded-full bg-sand px-3 py-1 text-sm">
              {code}
              <button type="button" disabled={removing} onClick={() => startTransition(async () => void (await removeDiscount(code)))} aria-label={`Remove code ${code}`} className="font-semibold text-plum">
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
