"use client"

import { useActionState } from "react"
import { login } from "@/lib/actions/account"
import { Field, FormError } from "@/components/common/field"

export function LoginForm({ countryCode, next }: { countryCode: string; next: string | null }) {
  const [state, action, pending] = useActionState(login, null)
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {}
  return (
    <form action={action} className="space-y-4" noValidate data-testid="login-form">
      <FormError message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="country_code" value={countryCode} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="email" label="Email" type="email" autoComplete="email" required error={errors.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Logging in…" : "Log in"}
      </button>
    </form>
  )
}
