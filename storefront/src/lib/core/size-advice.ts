/**
 * Size advice on the product page (plugin medusa-plugin-size-recommendation): the short
 * measurements form (bust, waist, hips, optional height, preferred fit) read and converted
 * to what the store takes (cm), and the advice put into words: "Your size: M · true to size
 * · 82% confident", "L for a looser fit", "S: likely tight".
 */
import { FITS, validateMeasurements, type MeasurementsInput } from "./measurements"
import { cmToInches } from "./units"

export const ADVICE_FIELDS = ["bust_cm", "waist_cm", "hips_cm", "height_cm", "preferred_fit"] as const
export type AdviceField = (typeof ADVICE_FIELDS)[number]
export type AdviceMeasurements = Pick<MeasurementsInput, AdviceField>
export type Unit = "cm" | "in"

const BODY: AdviceField[] = ["bust_cm", "waist_cm", "hips_cm"]
export const NEED_ONE_MEASUREMENT = "Enter at least your bust, waist or hips"

type FormLike = { get(name: string): FormDataEntryValue | null }

/**
 * Reads the form in the unit it was typed in (`unit` = cm or in, as the account's
 * measurements page), with the same rules as the account page and the backend. Advice
 * needs at least one of bust, waist and hips.
 */
export function readAdviceForm(form: FormLike): { values: AdviceMeasurements; fieldErrors: Partial<Record<AdviceField, string>> } {
  const { values: all, fieldErrors: allErrors } = validateMeasurements(form)
  const values = Object.fromEntries(ADVICE_FIELDS.map((k) => [k, all[k]])) as AdviceMeasurements
  const fieldErrors: Partial<Record<AdviceField, string>> = {}
  for (const key of ADVICE_FIELDS) if (allErrors[key]) fieldErrors[key] = allErrors[key]
  if (!Object.keys(fieldErrors).length && BODY.every((k) => values[k] === null)) fieldErrors.bust_cm = NEED_ONE_MEASUREMENT
  return { values, fieldErrors }
}

/** The query of GET /store/products/:id/size-recommendation: only what was given. */
export function adviceQuery(values: Partial<Record<AdviceField, string | number | null>>): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of ADVICE_FIELDS) {
    const value = values[key]
    if (value !== null && value !== undefined && String(value).trim() !== "") query[key] = String(value).trim()
  }
  return query
}

/** Saved measurements (cm) as the form shows them in the chosen unit ("" when not saved). */
export function adviceFormDefaults(saved: Partial<Record<AdviceField, number | string | null>> | null, unit: Unit): Record<AdviceField, string> {
  const length = (cm: unknown) => (typeof cm !== "number" ? "" : unit === "cm" ? String(cm) : String(cmToInches(cm)))
  const fit = saved?.preferred_fit
  return {
    bust_cm: length(saved?.bust_cm),
    waist_cm: length(saved?.waist_cm),
    hips_cm: length(saved?.hips_cm),
    height_cm: length(saved?.height_cm),
    preferred_fit: typeof fit === "string" && (FITS as readonly string[]).includes(fit) ? fit : "",
  }
}

const DECIMAL = /^\d+([.,]\d+)?$/

/**
 * A length the shopper typed, shown again in the other unit when she switches (to one
 * decimal); anything that is not a number yet stays as typed, for her to correct.
 */
export function convertTyped(raw: string, from: Unit, to: Unit): string {
  const text = raw.trim()
  if (from === to || !DECIMAL.test(text)) return raw
  const n = Number(text.replace(",", "."))
  return String(to === "in" ? cmToInches(n) : Math.round(n * 2.54 * 10) / 10)
}

const FIELD_LABELS: Record<string, string> = {
  bust_cm: "Bust",
  waist_cm: "Waist",
  hips_cm: "Hips",
  height_cm: "Height",
  weight_kg: "Weight",
  bra_size: "Bra size",
  body_type: "Body type",
  preferred_fit: "Fit",
}

/**
 * The backend's 400 (`Invalid measurements: bust_cm: must be between 40 and 200 cm; ...`)
 * in the shopper's words: "Bust: must be between 40 and 200 cm. Waist: ...".
 */
export function measurementsErrorText(message: string): string {
  const body = message.replace(/^Invalid measurements:\s*/i, "")
  if (body === message) return message
  return body
    .split(/;\s*/)
    .filter(Boolean)
    .map((part) => {
      const match = /^([a-z_]+):\s*(.*)$/.exec(part)
      return match && FIELD_LABELS[match[1]] ? `${FIELD_LABELS[match[1]]}: ${match[2]}` : part
    })
    .join(". ")
}

export function confidencePercent(confidence: number | null | undefined): number | null {
  if (typeof confidence !== "number" || !Number.isFinite(confidence)) return null
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100)
}

type AdviceLike = { recommended_size: string | null; confidence: number | null; fit_note: string | null }

/** The fit note's gist ("runs small" of "runs small: we suggest one size up"), null without one. */
export function fitNoteGist(note: string | null | undefined): string | null {
  const gist = note?.split(":")[0].trim()
  return gist || null
}

/** Whether the fit note says more than its gist (then it is shown in full under the headline). */
export function fitNoteHasDetail(note: string | null | undefined): boolean {
  return Boolean(note && note.trim() !== fitNoteGist(note))
}

/** "Your size: M · true to size · 82% confident"; null without a recommendation. */
export function adviceHeadline(advice: AdviceLike): string | null {
  if (!advice.recommended_size) return null
  const percent = confidencePercent(advice.confidence)
  return [`Your size: ${advice.recommended_size}`, fitNoteGist(advice.fit_note), percent === null ? null : `${percent}% confident`].filter(Boolean).join(" · ")
}

/** "L for a looser fit". */
export function alternativeText(alternative: { size: string; note: string }): string {
  const note = alternative.note.trim()
  return note ? `${alternative.size} ${note}` : alternative.size
}

export type SizeVerdict = "tight" | "fits" | "loose"

/**
 * What one size is most likely to be on her, from its chances of being too small, right
 * or too large: "likely tight" when the most likely outcome is small and it has at least
 * half the chance, "may be tight" when it leads with less.
 */
export function sizeVerdict(p: { small: number; fit: number; large: number }): { verdict: SizeVerdict; text: string } {
  const verdict: SizeVerdict = p.fit >= p.small && p.fit >= p.large ? "fits" : p.small >= p.large ? "tight" : "loose"
  const share = verdict === "fits" ? p.fit : verdict === "tight" ? p.small : p.large
  const sure = share >= 0.5
  const text = verdict === "fits" ? (sure ? "likely a good fit" : "may fit") : sure ? `likely ${verdict}` : `may be ${verdict}`
  return { verdict, text }
}

/** Whether this answer has anything to recommend (a size) or only asks for measurements. */
export function hasRecommendation(advice: AdviceLike | null): boolean {
  return Boolean(advice?.recommended_size)
}
