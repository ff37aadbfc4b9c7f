"use client"

import { useActionState } from "react"
import type { Customer } from "@/lib/medusa/types"
import { updateProfile } from "@/lib/actions/account"
import { Field, FormError } from "@/components/common/field"

export function ProfileForm({ customer }: { customer: Customer }) {
  const [state, action, pending] = useActionState(updateProfile, null)
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {}
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate>
      <FormError message={state && !state.ok ? state.error : null} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="first_name" label="First name" required defaultValue={customer.first_name ?? ""} error={errors.first_name} autoComplete="given-name" />
        <Field name="last_name" label="Last name" required defaultValue={customer.last_name ?? ""} error={errors.last_name} autoComplete="family-name" />
      </div>
      <Field name="phone" label="Mobile number" type="tel" defaultValue={customer.phone ?? ""} error={errors.phone} autoComplete="tel" />
      <p className="text-sm text-muted">Email: {customer.email}</p>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save profile"}
      </button>
      <p role="status" className="text-sm text-ok">
        {state?.ok ? state.message : ""}
      </p>
    </form>
  )
}
