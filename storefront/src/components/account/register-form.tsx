"use client"

import { useActionState } from "react"
import { register } from "@/lib/actions/account"
import { Field, FormError } from "@/components/common/field"

export function RegisterForm({ countryCode, next, email }: { countryCode: string; next: string | null; email: string | null }) {
  const [state, action, pending] = useActionState(register, null)
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {}
  return (
    <form action={action} className="space-y-4" noValidate data-testid="register-form">
      <FormError message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="country_code" value={countryCode} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="first_name" label="First name" autoComplete="given-name" required error={errors.first_name} />
        <Field name="last_name" label="Last name" autoComplete="family-name" required error={errors.last_name} />
      </div>
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={email ?? undefined} error={errors.email} hint="Use the email of your earlier orders to see them in your account" />
      <Field name="phone" label="Mobile number" type="tel" autoComplete="tel" error={errors.phone} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" required minLength={8} error={errors.password} hint="At least 8 characters" />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  )
}
