"use client"

import Link from "next/link"
import { useEffect, useId, useRef, useState } from "react"
import type { SizeAdvice as Advice } from "@/lib/medusa/types"
import { FITS } from "@/lib/core/measurements"
import {
  adviceFormDefaults,
  adviceHeadline,
  adviceQuery,
  alternativeText,
  convertTyped,
  fitNoteHasDetail,
  measurementsErrorText,
  readAdviceForm,
  sizeVerdict,
  type AdviceField,
  type Unit,
} from "@/lib/core/size-advice"
import { humanize } from "@/lib/core/units"
import { saveAdviceMeasurements } from "@/lib/actions/account"
import { CheckIcon, RulerIcon } from "@/components/common/icons"
import { useSizeSelection } from "./size-selection"

type LengthField = { name: Exclude<AdviceField, "preferred_fit">; label: string; optional?: boolean }
const BODY_FIELDS: LengthField[] = [
  { name: "bust_cm", label: "Bust" },
  { name: "waist_cm", label: "Waist" },
  { name: "hips_cm", label: "Hips" },
]
const HEIGHT: LengthField = { name: "height_cm", label: "Height", optional: true }

/**
 * "Your size" on the product page: the store's advice for her (saved measurements and
 * reviews when logged in), a button that chooses that size in the picker, how each size
 * may fit, and a short measurements form to get or refine the advice. A guest's
 * measurements only go into the question; a logged-in shopper may also save them.
 */
export function SizeAdvice({
  productId,
  defaultUnit,
  loggedIn,
  saved,
  initialAdvice,
  initialError,
  loginHref,
}: {
  productId: string
  defaultUnit: Unit
  loggedIn: boolean
  saved: Partial<Record<AdviceField, number | string | null>> | null
  initialAdvice: Advice | null
  initialError: string | null
  loginHref: string
}) {
  const id = useId()
  const selection = useSizeSelection()
  const [advice, setAdvice] = useState<Advice | null>(initialAdvice)
  const [error, setError] = useState<string | null>(initialError)
  const [loading, setLoading] = useState(false)
  const [unit, setUnit] = useState<Unit>(defaultUnit)
  const [values, setValues] = useState<Record<AdviceField, string>>(() => adviceFormDefaults(saved, defaultUnit))
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AdviceField, string>>>({})
  const [save, setSave] = useState(false)
  const [saveStatus, setSaveStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const recommended = advice?.recommended_size ?? null
  const [formOpen, setFormOpen] = useState(!recommended)
  const inflight = useRef<AbortController | null>(null)

  useEffect(() => () => inflight.current?.abort(), [])

  const headline = advice ? adviceHeadline(advice) : null
  const recommendedChoice = recommended ? selection?.sizes.find((s) => s.value === recommended) ?? null : null
  const isSelected = Boolean(recommended && selection?.selected === recommended)

  function switchUnit(next: Unit) {
    if (next === unit) return
    setValues((v) => ({
      ...v,
      bust_cm: convertTyped(v.bust_cm, unit, next),
      waist_cm: convertTyped(v.waist_cm, unit, next),
      hips_cm: convertTyped(v.hips_cm, unit, next),
      height_cm: convertTyped(v.height_cm, unit, next),
    }))
    setFieldErrors({})
    setUnit(next)
  }

  async function submit(form: FormData) {
    const read = readAdviceForm(form)
    setFieldErrors(read.fieldErrors)
    setSaveStatus(null)
    if (Object.keys(read.fieldErrors).length) {
      const first = Object.keys(read.fieldErrors)[0]
      document.getElementById(`${id}-${first}`)?.focus()
      return
    }
    inflight.current?.abort()
    const controller = new AbortController()
    inflight.current = controller
    setLoading(true)
    setError(null)
    try {
      if (loggedIn && save) {
        const result = await saveAdviceMeasurements(form)
        setSaveStatus(result.ok ? { ok: true, text: result.message ?? "Saved to your measurements." } : { ok: false, text: result.error })
        if (!result.ok && result.fieldErrors) setFieldErrors(result.fieldErrors)
      }
      const query = new URLSearchParams({ product: productId, ...adviceQuery(read.values) })
      const res = await fetch(`/api/size-advice?${query}`, { signal: controller.signal })
      const body = (await res.json().catch(() => null)) as (Advice & { message?: string }) | null
      if (controller.signal.aborted) return
      if (res.ok && body && "reason" in body) {
        setAdvice(body)
        setChosen(null)
        if (body.recommended_size) setFormOpen(false)
      } else {
        setError(body?.message ? measurementsErrorText(body.message) : "Size advice is unavailable right now. Please try again in a moment.")
      }
    } catch {
      if (!controller.signal.aborted) setError("We could not reach the store. Check your connection and try again.")
    } finally {
      if (!controller.signal.aborted) setLoading(false)
    }
  }

  const lengthUnit = unit === "cm" ? "cm" : "in"
  const lengthInput = (f: LengthField) => {
    const inputId = `${id}-${f.name}`
    const err = fieldErrors[f.name]
    return (
      <div key={f.name}>
        <label htmlFor={inputId} className="field-label">
          {f.label} ({lengthUnit}){f.optional ? <span className="font-normal text-muted"> (optional)</span> : null}
        </label>
        <input
          id={inputId}
          name={f.name}
          className="field px-2"
          inputMode="decimal"
          autoComplete="off"
          value={values[f.name]}
          onChange={(e) => {
            const value = e.target.value
            setValues((v) => ({ ...v, [f.name]: value }))
            if (fieldErrors[f.name]) setFieldErrors((fe) => ({ ...fe, [f.name]: undefined }))
          }}
          aria-invalid={Boolean(err)}
          aria-describedby={[err ? `${inputId}-error` : null, f.optional ? null : `${id}-how`].filter(Boolean).join(" ") || undefined}
        />
        {err ? (
          <p id={`${inputId}-error`} className="field-error">
            {err}
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-line bg-white p-4" data-testid="size-advice">
      <h2 id={`${id}-title`} className="flex items-center gap-2 font-sans text-base font-semibold">
        <RulerIcon className="h-5 w-5 text-plum" /> Find your size
      </h2>

      <div role="status" aria-live="polite" aria-busy={loading} className="mt-2 text-sm" data-testid="size-advice-result">
        {loading ? (
          <p className="flex items-center gap-2 text-muted" data-testid="size-advice-loading">
            <span aria-hidden="true" className="h-3 w-3 animate-spin rounded-full border-2 border-plum border-t-transparent" />
            Finding your size…
          </p>
        ) : error ? (
          <p className="font-medium text-sale" data-testid="size-advice-error">
            {error}
          </p>
        ) : advice ? (
          <div className="space-y-2">
            {headline ? (
              <p className="text-base font-semibold text-ink" data-testid="size-advice-headline">
                {headline}
              </p>
            ) : null}
            {advice.fit_note && (!headline || fitNoteHasDetail(advice.fit_note)) ? (
              <p className="font-medium" data-testid="size-advice-fit-note">
                Fit from reviews: {advice.fit_note}
              </p>
            ) : null}
            <p className="text-muted" data-testid="size-advice-reason">
              {advice.reason}
            </p>
            {advice.alternatives.length ? (
              <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Other sizes to consider" data-testid="size-advice-alternatives">
                {advice.alternatives.map((a) => (
                  <li key={a.size}>{alternativeText(a)}</li>
                ))}
              </ul>
            ) : null}
            {chosen && selection?.selected === chosen ? (
              <p className="flex items-center gap-1 font-medium text-ok">
                <CheckIcon className="h-4 w-4" /> Size {chosen} is selected
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      {!loading && recommended && selection ? (
        recommendedChoice?.inStock ? (
          <button
            type="button"
            className="btn-secondary mt-3 w-full sm:w-auto"
            disabled={isSelected}
            onClick={() => {
              selection.select(recommended)
              setChosen(recommended)
            }}
            data-testid="size-advice-select"
          >
            {isSelected ? `Size ${recommended} selected` : `Select size ${recommended}`}
          </button>
        ) : recommendedChoice ? (
          <p className="mt-3 text-sm text-sale">Size {recommended} is sold out in this colour.</p>
        ) : null
      ) : null}

      {!loading && advice?.probabilities.length ? (
        <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1.5 text-xs sm:grid-cols-3" aria-label="How each size may fit you" data-testid="size-advice-fit">
          {advice.probabilities.map((p) => {
            const { verdict, text } = sizeVerdict(p)
            return (
              <li key={p.size} className="flex items-center gap-2">
                <span className={`w-9 flex-none font-semibold ${p.size === recommended ? "text-plum" : ""}`}>{p.size}</span>
                <span className="flex-1">
                  <span aria-hidden="true" className="block h-1.5 overflow-hidden rounded-full bg-sand">
                    <span className={`block h-full rounded-full ${verdict === "fits" ? "bg-ok" : verdict === "tight" ? "bg-gold-light" : "bg-plum/60"}`} style={{ width: `${Math.round(p.fit * 100)}%` }} />
                  </span>
                  <span className="text-muted">
                    <span className="sr-only">{p.size}: </span>
                    {text}
                  </span>
                </span>
              </li>
            )
          })}
        </ul>
      ) : null}

      {recommended ? (
        <button
          type="button"
          className="mt-3 text-sm font-semibold text-plum underline"
          aria-expanded={formOpen}
          aria-controls={`${id}-form`}
          onClick={() => setFormOpen((o) => !o)}
          data-testid="size-advice-toggle"
        >
          {formOpen ? "Hide measurements" : "Not sure? Refine with your measurements"}
        </button>
      ) : null}

      <form
        id={`${id}-form`}
        hidden={!formOpen}
        noValidate
        className="mt-4 space-y-4"
        data-testid="size-advice-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit(new FormData(e.currentTarget))
        }}
      >
        <fieldset>
          <legend className="field-label">Units</legend>
          <div className="flex gap-4 text-sm">
            {(["cm", "in"] as const).map((u) => (
              <label key={u} className="flex items-center gap-2">
                <input type="radio" name="unit" value={u} checked={unit === u} onChange={() => switchUnit(u)} className="h-4 w-4 accent-plum" />
                {u === "cm" ? "Centimetres" : "Inches"}
              </label>
            ))}
          </div>
        </fieldset>
        <p id={`${id}-how`} className="text-xs text-muted">
          At least one of bust, waist or hips: bust and hips around the fullest part, waist at the narrowest.
        </p>
        <div className="grid grid-cols-3 gap-2">{BODY_FIELDS.map((f) => lengthInput(f))}</div>
        <div className="grid grid-cols-2 gap-2">
          {lengthInput(HEIGHT)}
          <div>
            <label htmlFor={`${id}-preferred_fit`} className="field-label">
              Fit you like
            </label>
            <select
              id={`${id}-preferred_fit`}
              name="preferred_fit"
              className="field"
              value={values.preferred_fit}
              onChange={(e) => {
                const value = e.target.value
                setValues((v) => ({ ...v, preferred_fit: value }))
              }}
              aria-invalid={Boolean(fieldErrors.preferred_fit)}
              aria-describedby={fieldErrors.preferred_fit ? `${id}-preferred_fit-error` : undefined}
            >
              <option value="">No preference</option>
              {FITS.map((f) => (
                <option key={f} value={f}>
                  {humanize(f)}
                </option>
              ))}
            </select>
            {fieldErrors.preferred_fit ? (
              <p id={`${id}-preferred_fit-error`} className="field-error">
                {fieldErrors.preferred_fit}
              </p>
            ) : null}
          </div>
        </div>
        {loggedIn ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} className="h-4 w-4 accent-plum" data-testid="size-advice-save" />
            Save to my measurements
          </label>
        ) : (
          <p className="text-xs text-muted">
            Used for this advice only, never stored.{" "}
            <Link href={loginHref} className="font-semibold text-plum underline">
              Log in
            </Link>{" "}
            to keep your measurements.
          </p>
        )}
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={loading} data-testid="size-advice-submit">
          {loading ? "Finding your size…" : recommended ? "Update my size" : "Find my size"}
        </button>
      </form>
      {/* Outside the form: it closes once a size is found, and the shopper should still see this. */}
      <p role="status" className={`text-sm ${saveStatus?.ok ? "text-ok" : "text-sale"}`} data-testid="size-advice-save-status">
        {saveStatus?.text ?? ""}
      </p>
    </section>
  )
}
