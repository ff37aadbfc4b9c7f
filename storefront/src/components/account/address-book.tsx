"use client"

import { useActionState, useState, useTransition } from "react"
import type { Address } from "@/lib/medusa/types"
import { deleteAccountAddress, saveAccountAddress } from "@/lib/actions/account"
import { INDIAN_STATES, US_STATES } from "@/lib/core/address"
import { Field, FormError, SelectField } from "@/components/common/field"

const COUNTRIES = [
  { value: "in", label: "India" },
  { value: "us", label: "United States" },
]

function AddressEditor({ address, onDone }: { address: Address | null; onDone: () => void }) {
  const [state, action, pending] = useActionState(async (prev: Awaited<ReturnType<typeof saveAccountAddress>> | null, form: FormData) => {
    const result = await saveAccountAddress(prev, form)
    if (result.ok) onDone()
    return result
  }, null)
  const [country, setCountry] = useState(address?.country_code ?? "in")
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {}
  const states = country === "in" ? INDIAN_STATES : US_STATES
  const prefix = address?.id ?? "new"
  return (
    <form action={action} className="space-y-4 rounded-2xl border border-line bg-white p-5" noValidate>
      <FormError message={state && !state.ok ? state.error : null} />
      {address?.id ? <input type="hidden" name="address_id" value={address.id} /> : null}
      <SelectField id={`${prefix}-country`} name="country_code" label="Country" options={COUNTRIES} value={country} onChange={(e) => setCountry(e.target.value)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-first`} name="first_name" label="First name" required defaultValue={address?.first_name ?? ""} error={errors.first_name} autoComplete="given-name" />
        <Field id={`${prefix}-last`} name="last_name" label="Last name" required defaultValue={address?.last_name ?? ""} error={errors.last_name} autoComplete="family-name" />
      </div>
      <Field id={`${prefix}-a1`} name="address_1" label="House number and street" required defaultValue={address?.address_1 ?? ""} error={errors.address_1} autoComplete="address-line1" />
      <Field id={`${prefix}-a2`} name="address_2" label="Area, landmark, apartment" defaultValue={address?.address_2 ?? ""} error={errors.address_2} autoComplete="address-line2" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-city`} name="city" label="City" required defaultValue={address?.city ?? ""} error={errors.city} autoComplete="address-level2" />
        <SelectField key={country} id={`${prefix}-state`} name="province" label="State" defaultValue={address?.province ?? ""} error={errors.province} options={[{ value: "", label: "Choose your state" }, ...states.map((s) => ({ value: s, label: s }))]} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-zip`} name="postal_code" label={country === "in" ? "Pincode" : "ZIP code"} required inputMode="numeric" defaultValue={address?.postal_code ?? ""} error={errors.postal_code} autoComplete="postal-code" />
        <Field id={`${prefix}-phone`} name="phone" label="Mobile number" type="tel" required defaultValue={address?.phone ?? ""} error={errors.phone} autoComplete="tel" />
      </div>
      <div className="flex gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : "Save address"}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}

export function AddressBook({ addresses }: { addresses: Address[] }) {
  const [editing, setEditing] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const [message, setMessage] = useState("")
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm text-ok">
        {message}
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {addresses.map((a) =>
          editing === a.id ? (
            <li key={a.id} className="sm:col-span-2">
              <AddressEditor address={a} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={a.id} className="rounded-2xl border border-line bg-white p-4 text-sm">
              <p className="font-semibold">
                {a.first_name} {a.last_name}
              </p>
              <p className="text-muted">
                {[a.address_1, a.address_2, a.city, a.province, a.postal_code, a.country_code?.toUpperCase()].filter(Boolean).join(", ")}
                <br />
                {a.phone}
              </p>
              <div className="mt-3 flex gap-4">
                <button type="button" className="font-semibold text-plum underline" onClick={() => setEditing(a.id!)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="font-semibold text-sale underline"
                  disabled={pending}
                  onClick={() => startTransition(async () => setMessage(((r) => (r.ok ? r.message ?? "" : r.error))(await deleteAccountAddress(a.id!))))}
                >
                  Remove
                </button>
              </div>
            </li>
          )
        )}
      </ul>
      {editing === "new" ? (
        <AddressEditor address={null} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setEditing("new")}>
          Add an address
        </button>
      )}
    </div>
  )
}
