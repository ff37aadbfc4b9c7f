"use client"

import { useActionState, useState } from "react"
import type { Address } from "@/lib/medusa/types"
import { saveAddress } from "@/lib/actions/checkout"
import { INDIAN_STATES, US_STATES } from "@/lib/core/address"
import { Field, FormError, SelectField } from "@/components/common/field"

type Values = Record<"email" | "first_name" | "last_name" | "phone" | "address_1" | "address_2" | "city" | "province" | "postal_code", string>

function valuesOf(address: Partial<Address> | null | undefined, email: string | null): Values {
  return {
    email: email ?? "",
    first_name: address?.first_name ?? "",
    last_name: address?.last_name ?? "",
    phone: address?.phone ?? "",
    address_1: address?.address_1 ?? "",
    address_2: address?.address_2 ?? "",
    city: address?.city ?? "",
    province: address?.province ?? "",
    postal_code: address?.postal_code ?? "",
  }
}

export function AddressForm({
  countryCode,
  countryName,
  current,
  email,
  loggedIn,
  savedAddresses,
}: {
  countryCode: string
  countryName: string
  current: Address | null
  email: string | null
  loggedIn: boolean
  savedAddresses: Address[]
}) {
  const [state, action, pending] = useActionState(saveAddress, null)
  const usable = savedAddresses.filter((a) => a.country_code === countryCode)
  const [values, setValues] = useState<Values>(valuesOf(current?.address_1 ? current : usable[0] ?? current, email))
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {}
  const states = countryCode === "in" ? INDIAN_STATES : countryCode === "us" ? US_STATES : []
  const bind = (key: keyof Values) => ({ value: values[key], onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues({ ...values, [key]: e.target.value }) })

  return (
    <form action={action} className="space-y-4" noValidate data-testid="address-form">
      <FormError message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="country_code" value={countryCode} />
      {usable.length ? (
        <div>
          <label htmlFor="saved-address" className="field-label">
            Use a saved address
          </label>
          <select
            id="saved-address"
            className="field"
            defaultValue=""
            onChange={(e) => {
              const picked = usable.find((a) => a.id === e.target.value)
              if (picked) setValues(valuesOf(picked, values.email))
            }}
          >
            <option value="">Choose…</option>
            {usable.map((a) => (
              <option key={a.id} value={a.id}>
                {[a.first_name, a.address_1, a.city, a.postal_code].filter(Boolean).join(", ")}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {loggedIn ? null : (
        <Field name="email" label="Email" type="email" autoComplete="email" required error={errors.email} hint="For your order confirmation and delivery updates" {...bind("email")} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="first_name" label="First name" autoComplete="given-name" required error={errors.first_name} {...bind("first_name")} />
        <Field name="last_name" label="Last name" autoComplete="family-name" required error={errors.last_name} {...bind("last_name")} />
      </div>
      <Field name="address_1" label="House number and street" autoComplete="address-line1" required error={errors.address_1} {...bind("address_1")} />
      <Field name="address_2" label={countryCode === "in" ? "Area, landmark" : "Apartment, suite"} autoComplete="address-line2" error={errors.address_2} {...bind("address_2")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="city" label="City" autoComplete="address-level2" required error={errors.city} {...bind("city")} />
        {states.length ? (
          <SelectField name="province" label="State" autoComplete="address-level1" required error={errors.province} options={[{ value: "", label: "Choose your state" }, ...states.map((s) => ({ value: s, label: s }))]} {...bind("province")} />
        ) : (
          <Field name="province" label="State or region" autoComplete="address-level1" error={errors.province} {...bind("province")} />
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="postal_code"
          label={countryCode === "in" ? "Pincode" : countryCode === "us" ? "ZIP code" : "Postal code"}
          autoComplete="postal-code"
          inputMode={countryCode === "in" || countryCode === "us" ? "numeric" : undefined}
          maxLength={countryCode === "in" ? 6 : 10}
          required
          error={errors.postal_code}
          {...bind("postal_code")}
        />
        <Field name="phone" label="Mobile number" type="tel" autoComplete="tel" required error={errors.phone} hint="The courier calls this number" {...bind("phone")} />
      </div>
      <p className="text-sm text-muted">Country: {countryName}</p>
      {loggedIn ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="save_address" className="h-4 w-4 accent-plum" /> Save this address to my account
        </label>
      ) : null}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending} data-testid="address-submit">
        {pending ? "Saving…" : "Continue to delivery"}
      </button>
    </form>
  )
}
