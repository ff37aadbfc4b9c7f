"use client"

import { useActionState, useState } from "react"
import type { Measurements } from "@/lib/medusa/types"
import { saveMeasurements } from "@/lib/actions/account"
import { BODY_TYPES, FITS } from "@/lib/core/measurements"
import { cmToInches, humanize } from "@/lib/core/units"
import { Field, FormError, SelectField } from "@/components/common/field"

export function MeasurementsForm({ measurements, defaultUnit }: { measurements: Measurements | null; defaultUnit: "cm" | "in" }) {
  const [state, action, pending] = useActionState(saveMeasurements, null)
  const [unit, setUnit] = useState<"cm" | "in">(defaultUnit)
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {}
  const length = (cm: number | null | undefined) => (cm == null ? "" : unit === "cm" ? String(cm) : String(cmToInches(cm)))
  const weight = (kg: number | null | undefined) => (kg == null ? "" : unit === "cm" ? String(kg) : String(Math.round(kg / 0.45359237)))
  const lengthUnit = unit === "cm" ? "cm" : "in"
  return (
    <form action={action} className="max-w-xl space-y-5" noValidate key={unit} data-testid="measurements-form">
      <FormError message={state && !state.ok ? state.error : null} />
      <fieldset>
        <legend className="field-label">Units</legend>
        <div className="flex gap-4 text-sm">
          {(["cm", "in"] as const).map((u) => (
            <label key={u} className="flex items-center gap-2">
              <input type="radio" name="unit" value={u} checked={unit === u} onChange={() => setUnit(u)} className="h-4 w-4 accent-plum" />
              {u === "cm" ? "Centimetres and kilograms" : "Inches and pounds"}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="bust_cm" label={`Bust (${lengthUnit})`} inputMode="decimal" defaultValue={length(measurements?.bust_cm)} error={errors.bust_cm} hint="Around the fullest part" />
        <Field name="waist_cm" label={`Waist (${lengthUnit})`} inputMode="decimal" defaultValue={length(measurements?.waist_cm)} error={errors.waist_cm} hint="Around the narrowest part" />
        <Field name="hips_cm" label={`Hips (${lengthUnit})`} inputMode="decimal" defaultValue={length(measurements?.hips_cm)} error={errors.hips_cm} hint="Around the fullest part" />
        <Field name="height_cm" label={`Height (${lengthUnit})`} inputMode="decimal" defaultValue={length(measurements?.height_cm)} error={errors.height_cm} />
        <Field name="weight_kg" label={`Weight (${unit === "cm" ? "kg" : "lb"})`} inputMode="decimal" defaultValue={weight(measurements?.weight_kg)} error={errors.weight_kg} />
        <Field name="bra_size" label="Bra size" defaultValue={measurements?.bra_size ?? ""} error={errors.bra_size} hint="For example 34B" />
        <SelectField name="body_type" label="Body type" defaultValue={measurements?.body_type ?? ""} error={errors.body_type} options={[{ value: "", label: "Prefer not to say" }, ...BODY_TYPES.map((b) => ({ value: b, label: humanize(b) }))]} />
        <SelectField name="preferred_fit" label="How you like clothes to fit" defaultValue={measurements?.preferred_fit ?? ""} error={errors.preferred_fit} options={[{ value: "", label: "No preference" }, ...FITS.map((f) => ({ value: f, label: humanize(f) }))]} />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save measurements"}
      </button>
      <p role="status" className="text-sm text-ok">
        {state?.ok ? state.message : ""}
      </p>
    </form>
  )
}
