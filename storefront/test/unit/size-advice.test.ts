import {
  NEED_ONE_MEASUREMENT,
  adviceFormDefaults,
  adviceHeadline,
  adviceQuery,
  alternativeText,
  confidencePercent,
  convertTyped,
  fitNoteGist,
  fitNoteHasDetail,
  hasRecommendation,
  measurementsErrorText,
  readAdviceForm,
  sizeVerdict,
} from "@/lib/core/size-advice"
// The backend's own rules: what the form sends must be what the store accepts unchanged.
import * as backend from "../../../plugins/size-recommendation/src/core/measurements"

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

const none = { bust_cm: null, waist_cm: null, hips_cm: null, height_cm: null, preferred_fit: null }

describe("readAdviceForm", () => {
  it("reads centimetres as they are, to one decimal", () => {
    expect(readAdviceForm(form({ unit: "cm", bust_cm: "88", waist_cm: "70,25", hips_cm: " 94 ", height_cm: "", preferred_fit: "relaxed" }))).toEqual({
      values: { bust_cm: 88, waist_cm: 70.3, hips_cm: 94, height_cm: null, preferred_fit: "relaxed" },
      fieldErrors: {},
    })
  })

  it("converts inches to centimetres", () => {
    expect(readAdviceForm(form({ unit: "in", bust_cm: "34.6", waist_cm: "27.5", hips_cm: "37", height_cm: "64" })).values).toEqual({
      bust_cm: 87.9,
      waist_cm: 69.9,
      hips_cm: 94,
      height_cm: 162.6,
      preferred_fit: null,
    })
  })

  it("needs at least one of bust, waist and hips", () => {
    expect(readAdviceForm(form({ unit: "cm" }))).toEqual({ values: none, fieldErrors: { bust_cm: NEED_ONE_MEASUREMENT } })
    expect(readAdviceForm(form({ unit: "cm", height_cm: "165", preferred_fit: "snug" })).fieldErrors).toEqual({ bust_cm: NEED_ONE_MEASUREMENT })
    expect(readAdviceForm(form({ unit: "cm", hips_cm: "96" })).fieldErrors).toEqual({})
  })

  it("names every bad field in the unit it was typed in, and nothing else", () => {
    expect(readAdviceForm(form({ unit: "cm", bust_cm: "abc", waist_cm: "20", hips_cm: "95", height_cm: "300", preferred_fit: "tight" })).fieldErrors).toEqual({
      bust_cm: "Bust: enter a number",
      waist_cm: "Waist: between 40 and 200 cm",
      height_cm: "Height: between 120 and 220 cm",
      preferred_fit: "Fit: choose snug, regular or relaxed",
    })
    expect(readAdviceForm(form({ unit: "in", bust_cm: "90" })).fieldErrors).toEqual({ bust_cm: "Bust: between 16 and 78 in" })
  })

  it("ignores fields the form does not have (weight, bra size, body type)", () => {
    const { values, fieldErrors } = readAdviceForm(form({ unit: "cm", bust_cm: "88", weight_kg: "nope", bra_size: "99Z", body_type: "spoon" }))
    expect(fieldErrors).toEqual({})
    expect(values).toEqual({ ...none, bust_cm: 88 })
  })

  it("sends the store only values it accepts unchanged", () => {
    const samples: Record<string, string>[] = [
      { unit: "cm", bust_cm: "88", waist_cm: "70", hips_cm: "94", height_cm: "163", preferred_fit: "regular" },
      { unit: "in", bust_cm: "15.7", waist_cm: "78.75", hips_cm: "37.2", height_cm: "86.6", preferred_fit: "snug" },
      { unit: "in", waist_cm: "29" },
    ]
    for (const fields of samples) {
      const { values, fieldErrors } = readAdviceForm(form(fields))
      expect(fieldErrors).toEqual({})
      const query = adviceQuery(values)
      const theirs = backend.validateMeasurementsPatch(query)
      expect(theirs.ok).toBe(true)
      if (theirs.ok) for (const [key, value] of Object.entries(query)) expect({ key, value: theirs.value[key as keyof typeof theirs.value] }).toEqual({ key, value: key === "preferred_fit" ? value : Number(value) })
    }
  })
})

describe("adviceQuery", () => {
  it("keeps only what was given, as text", () => {
    expect(adviceQuery({ bust_cm: 88, waist_cm: null, hips_cm: 94.5, height_cm: undefined as unknown as null, preferred_fit: "snug" })).toEqual({ bust_cm: "88", hips_cm: "94.5", preferred_fit: "snug" })
    expect(adviceQuery({})).toEqual({})
    expect(adviceQuery({ bust_cm: 0 as number })).toEqual({ bust_cm: "0" })
  })
})

describe("adviceFormDefaults", () => {
  const saved = { bust_cm: 86, waist_cm: 70.5, hips_cm: null, height_cm: 162, preferred_fit: "relaxed" as const }
  it("shows saved measurements in centimetres or inches", () => {
    expect(adviceFormDefaults(saved, "cm")).toEqual({ bust_cm: "86", waist_cm: "70.5", hips_cm: "", height_cm: "162", preferred_fit: "relaxed" })
    expect(adviceFormDefaults(saved, "in")).toEqual({ bust_cm: "33.9", waist_cm: "27.8", hips_cm: "", height_cm: "63.8", preferred_fit: "relaxed" })
  })
  it("is empty without saved measurements and drops an unknown fit", () => {
    expect(adviceFormDefaults(null, "cm")).toEqual({ bust_cm: "", waist_cm: "", hips_cm: "", height_cm: "", preferred_fit: "" })
    expect(adviceFormDefaults({ preferred_fit: "baggy" }, "in").preferred_fit).toBe("")
  })
  it("round-trips: what the form shows in inches reads back within a millimetre or two", () => {
    for (let tenths = 400; tenths <= 2000; tenths += 7) {
      const cm = tenths / 10
      const shown = adviceFormDefaults({ bust_cm: cm }, "in")
      const { values, fieldErrors } = readAdviceForm(form({ unit: "in", ...shown }))
      expect(fieldErrors).toEqual({})
      expect(Math.abs(values.bust_cm! - cm)).toBeLessThanOrEqual(0.2)
    }
  })
})

describe("convertTyped", () => {
  it("converts a typed length between units, to one decimal", () => {
    expect(convertTyped("88", "cm", "in")).toBe("34.6")
    expect(convertTyped("34.6", "in", "cm")).toBe("87.9")
    expect(convertTyped("70,5", "cm", "in")).toBe("27.8")
    expect(convertTyped(" 36 ", "in", "cm")).toBe("91.4")
  })
  it("leaves what is not a number, empty or already in that unit as typed", () => {
    expect(convertTyped("", "cm", "in")).toBe("")
    expect(convertTyped("abc", "cm", "in")).toBe("abc")
    expect(convertTyped("88cm", "cm", "in")).toBe("88cm")
    expect(convertTyped("88", "cm", "cm")).toBe("88")
  })
})

describe("advice in words", () => {
  const advice = { recommended_size: "M", confidence: 0.82, fit_note: "true to size" }

  it("says the size, the fit note and the confidence as a percentage", () => {
    expect(adviceHeadline(advice)).toBe("Your size: M · true to size · 82% confident")
    expect(adviceHeadline({ ...advice, fit_note: null })).toBe("Your size: M · 82% confident")
    expect(adviceHeadline({ ...advice, fit_note: "runs small: we suggest one size up", confidence: 0.645 })).toBe("Your size: M · runs small · 65% confident")
    expect(adviceHeadline({ ...advice, confidence: null })).toBe("Your size: M · true to size")
  })

  it("has no headline without a recommended size", () => {
    expect(adviceHeadline({ recommended_size: null, confidence: null, fit_note: "runs large" })).toBeNull()
    expect(hasRecommendation({ recommended_size: null, confidence: null, fit_note: null })).toBe(false)
    expect(hasRecommendation(null)).toBe(false)
    expect(hasRecommendation(advice)).toBe(true)
  })

  it("splits a fit note into its gist and its detail", () => {
    expect(fitNoteGist("runs small: we suggest one size up")).toBe("runs small")
    expect(fitNoteHasDetail("runs small: we suggest one size up")).toBe(true)
    expect(fitNoteGist("true to size")).toBe("true to size")
    expect(fitNoteHasDetail("true to size")).toBe(false)
    expect(fitNoteGist(null)).toBeNull()
    expect(fitNoteGist("  ")).toBeNull()
    expect(fitNoteHasDetail(null)).toBe(false)
  })

  it("rounds confidence to a whole percentage within 0-100", () => {
    expect(confidencePercent(0.824)).toBe(82)
    expect(confidencePercent(0.825)).toBe(83)
    expect(confidencePercent(1)).toBe(100)
    expect(confidencePercent(1.2)).toBe(100)
    expect(confidencePercent(-0.1)).toBe(0)
    expect(confidencePercent(null)).toBeNull()
    expect(confidencePercent(Number.NaN)).toBeNull()
  })

  it("names an alternative with its note", () => {
    expect(alternativeText({ size: "L", note: "for a looser fit" })).toBe("L for a looser fit")
    expect(alternativeText({ size: "S", note: "" })).toBe("S")
  })

  it.each([
    [{ small: 0.82, fit: 0.17, large: 0.01 }, "tight", "likely tight"],
    [{ small: 0.18, fit: 0.64, large: 0.18 }, "fits", "likely a good fit"],
    [{ small: 0.01, fit: 0.17, large: 0.82 }, "loose", "likely loose"],
    [{ small: 0.4, fit: 0.35, large: 0.25 }, "tight", "may be tight"],
    [{ small: 0.2, fit: 0.35, large: 0.45 }, "loose", "may be loose"],
    [{ small: 0.3, fit: 0.4, large: 0.3 }, "fits", "may fit"],
    [{ small: 0.4, fit: 0.4, large: 0.2 }, "fits", "may fit"],
  ])("%j is %s (%s)", (p, verdict, text) => {
    expect(sizeVerdict(p)).toEqual({ verdict, text })
  })
})

describe("measurementsErrorText", () => {
  it("puts the store's 400 into the form's words", () => {
    expect(measurementsErrorText("Invalid measurements: bust_cm: must be between 40 and 200 cm; waist_cm: must be a number of cm")).toBe(
      "Bust: must be between 40 and 200 cm. Waist: must be a number of cm"
    )
    expect(measurementsErrorText("Invalid measurements: preferred_fit: must be one of snug, regular, relaxed; shoe_size: is not a known measurement")).toBe(
      "Fit: must be one of snug, regular, relaxed. shoe_size: is not a known measurement"
    )
  })
  it("leaves other messages as they are", () => {
    expect(measurementsErrorText("No product with id prod_1")).toBe("No product with id prod_1")
  })
})
