/**
 * Size charts: which body measurements a chart lists and, per size, the range of each
 * (in cm), plus free text columns such as UK/US shoe sizes. Pure: validation of what a
 * merchant sends, and the order in which a product's categories are searched for a chart.
 */
import { z } from "zod"
import { Problem, Result, problemsFromZod } from "@fashion/plugin-kit/result"

export type Range = [number, number]
export type SizeChartRow = { size: string; [column: string]: Range | string }

export type SizeChartContent = {
  unit: "cm"
  measurements: string[]
  rows: SizeChartRow[]
  notes: string | null
}

/** A chart belongs to exactly one product or one category. */
export type SizeChartCreate = SizeChartContent & { product_id: string | null; category_id: string | null }
export type SizeChartUpdate = Partial<SizeChartContent>

export const COLUMN_NAME = /^[a-z][a-z0-9_]{0,39}$/
export const RANGE_CM = { min: 0, max: 300 } as const
export const LIMITS = { measurements: 12, rows: 40, size: 20, text: 40, notes: 2000 } as const

/** Medusa ids (prod_..., pcat_...): printable ASCII without spaces. */
const id = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[\x21-\x7e]*$/, "must be an id such as prod_01H... or pcat_01H...")
const notes = z.string().trim().max(LIMITS.notes, `must be at most ${LIMITS.notes} characters`).nullable()
const unit = z.literal("cm", { errorMap: () => ({ message: 'must be "cm" (the only unit supported)' }) })

const createShape = z
  .object({
    product_id: id.nullable().optional(),
    category_id: id.nullable().optional(),
    unit: unit.optional(),
    measurements: z.array(z.unknown(), { required_error: "is required", invalid_type_error: "must be a list of measurement names" }),
    rows: z.array(z.unknown(), { required_error: "is required", invalid_type_error: "must be a list of sizes" }),
    notes: notes.optional(),
  })
  .strict()

const updateShape = z
  .object({
    unit: unit.optional(),
    measurements: z.array(z.unknown(), { invalid_type_error: "must be a list of measurement names" }).optional(),
    rows: z.array(z.unknown(), { invalid_type_error: "must be a list of sizes" }).optional(),
    notes: notes.optional(),
  })
  .strict()

function checkMeasurements(raw: unknown[], problems: Problem[]): string[] {
  const names: string[] = []
  if (raw.length === 0) problems.push({ field: "measurements", message: "must name at least one measurement, e.g. bust" })
  if (raw.length > LIMITS.measurements) problems.push({ field: "measurements", message: `must list at most ${LIMITS.measurements} measurements` })
  raw.forEach((name, i) => {
    if (typeof name !== "string" || !COLUMN_NAME.test(name.trim())) {
      problems.push({ field: `measurements.${i}`, message: "must be a lowercase name such as bust, waist or foot_length" })
      return
    }
    const trimmed = name.trim()
    if (trimmed === "size") problems.push({ field: `measurements.${i}`, message: '"size" is the row label, not a measurement' })
    else if (names.includes(trimmed)) problems.push({ field: `measurements.${i}`, message: `${trimmed} is listed twice` })
    else names.push(trimmed)
  })
  return names
}

function isRange(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === "number" && Number.isFinite(n))
}

function checkRows(raw: unknown[], measurements: string[], problems: Problem[]): SizeChartRow[] {
  const rows: SizeChartRow[] = []
  const sizes = new Set<string>()
  if (raw.length === 0) problems.push({ field: "rows", message: "must have at least one size" })
  if (raw.length > LIMITS.rows) problems.push({ field: "rows", message: `must have at most ${LIMITS.rows} sizes` })
  raw.forEach((row, i) => {
    const at = `rows.${i}`
    if (!row || typeof row !== "object" || Array.isArray(row)) {
      problems.push({ field: at, message: "must be an object such as { size: \"M\", bust: [86, 91] }" })
      return
    }
    const input = row as Record<string, unknown>
    const out: SizeChartRow = { size: "" }
    const size = typeof input.size === "string" ? input.size.trim() : typeof input.size === "number" && Number.isFinite(input.size) ? String(input.size) : ""
    if (!size) problems.push({ field: `${at}.size`, message: "is required (the size label, e.g. M or 38)" })
    else if (size.length > LIMITS.size) problems.push({ field: `${at}.size`, message: `must be at most ${LIMITS.size} characters` })
    else if (sizes.has(size.toUpperCase())) problems.push({ field: `${at}.size`, message: `${size} is listed twice` })
    else sizes.add(size.toUpperCase())
    out.size = size

    for (const m of measurements) {
      const value = input[m]
      if (value === undefined || value === null) {
        problems.push({ field: `${at}.${m}`, message: "is required: a range [min, max] in cm" })
      } else if (!isRange(value)) {
        problems.push({ field: `${at}.${m}`, message: "must be a range [min, max] of two numbers in cm" })
      } else {
        const [min, max] = value
        const outside = (n: number) => n <= RANGE_CM.min || n > RANGE_CM.max
        if (outside(min) || outside(max)) problems.push({ field: `${at}.${m}`, message: `must lie between ${RANGE_CM.min} and ${RANGE_CM.max} cm` })
        else if (min > max) problems.push({ field: `${at}.${m}`, message: `min ${min} is above max ${max}` })
        out[m] = [min, max]
      }
    }
    for (const [key, value] of Object.entries(input)) {
      if (key === "size" || measurements.includes(key)) continue
      if (!COLUMN_NAME.test(key)) {
        problems.push({ field: `${at}.${key}`, message: "is not a valid column name (lowercase letters, digits and _)" })
      } else if (Array.isArray(value)) {
        problems.push({ field: `${at}.${key}`, message: `is a range but ${key} is not in measurements` })
      } else if (typeof value === "string" || typeof value === "number") {
        const text = String(value).trim()
        if (!text || text.length > LIMITS.text) problems.push({ field: `${at}.${key}`, message: `must be a short text of 1-${LIMITS.text} characters, e.g. a UK size` })
        else out[key] = text
      } else {
        problems.push({ field: `${at}.${key}`, message: "must be a range in measurements or a short text" })
      }
    }
    rows.push(out)
  })
  return rows
}

/** Measurements and rows checked together: every row has every measurement as a plausible range. */
export function validateSizeChartContent(input: { measurements: unknown[]; rows: unknown[] }): Result<Pick<SizeChartContent, "measurements" | "rows">> {
  const problems: Problem[] = []
  const measurements = checkMeasurements(input.measurements, problems)
  const rows = checkRows(input.rows, measurements, problems)
  return problems.length ? { ok: false, problems } : { ok: true, value: { measurements, rows } }
}

const notAnObject = (body: unknown) => body !== undefined && body !== null && (typeof body !== "object" || Array.isArray(body))
const NOT_AN_OBJECT: Problem = { field: "body", message: "must be an object describing the size chart" }

export function validateSizeChartCreate(body: unknown): Result<SizeChartCreate> {
  if (notAnObject(body)) return { ok: false, problems: [NOT_AN_OBJECT] }
  const parsed = createShape.safeParse(body ?? {})
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) }
  const { product_id, category_id, measurements, rows, notes } = parsed.data
  const problems: Problem[] = []
  if (Boolean(product_id) === Boolean(category_id)) {
    problems.push({ field: product_id ? "category_id" : "product_id", message: "give exactly one of product_id or category_id" })
  }
  const content = validateSizeChartContent({ measurements, rows })
  if (!content.ok) problems.push(...content.problems)
  if (problems.length || !content.ok) return { ok: false, problems }
  return {
    ok: true,
    value: { product_id: product_id || null, category_id: category_id || null, unit: "cm", ...content.value, notes: notes || null },
  }
}

/**
 * An update replaces what it names; measurements and rows are checked against each other
 * after merging. The target cannot move: product_id and category_id are refused unless they
 * repeat the chart's current value (a client sending back what it read).
 */
export function validateSizeChartUpdate(
  body: unknown,
  current: Pick<SizeChartContent, "measurements" | "rows"> & Partial<Pick<SizeChartCreate, "product_id" | "category_id">>
): Result<SizeChartUpdate> {
  if (notAnObject(body)) return { ok: false, problems: [NOT_AN_OBJECT] }
  const input = (body ?? {}) as Record<string, unknown>
  const targets = ["product_id", "category_id"] as const
  const problems: Problem[] = targets
    .filter((k) => Object.prototype.hasOwnProperty.call(input, k) && (current[k] === undefined || (input[k] ?? null) !== current[k]))
    .map((field) => ({ field, message: "cannot be changed; delete this chart and create one for the other target" }))
  const parsed = updateShape.safeParse(Object.fromEntries(Object.entries(input).filter(([k]) => !(targets as readonly string[]).includes(k))))
  if (!parsed.success) return { ok: false, problems: [...problems, ...problemsFromZod(parsed.error.issues)] }
  const { measurements, rows, notes } = parsed.data
  const value: SizeChartUpdate = {}
  if (measurements !== undefined || rows !== undefined) {
    const content = validateSizeChartContent({ measurements: measurements ?? current.measurements, rows: rows ?? current.rows })
    if (!content.ok) problems.push(...content.problems)
    else Object.assign(value, content.value)
  }
  if (notes !== undefined) value.notes = notes || null
  return problems.length ? { ok: false, problems } : { ok: true, value }
}

/**
 * The categories to search for a product's chart, most specific first: the product's own
 * categories (deepest first, then by id), then their parents, grandparents and so on, deepest
 * first, so a category always comes after every one of its subcategories in the list. A
 * category of the product that is also a parent of another of its categories (a product put
 * in both "Heels" and "Footwear") counts as a parent. `parentOf` maps each known category to
 * its parent (null or absent at the top); cycles are cut and each id appears once.
 */
export function categoryLookupOrder(direct: string[], parentOf: Map<string, string | null>): string[] {
  const ancestorsOf = (id: string): string[] => {
    const out: string[] = []
    const seen = new Set<string>([id])
    for (let p = parentOf.get(id) ?? null; p && !seen.has(p); p = parentOf.get(p) ?? null) {
      seen.add(p)
      out.push(p)
    }
    return out
  }
  const depth = new Map<string, number>()
  const depthOf = (id: string) => {
    if (!depth.has(id)) depth.set(id, ancestorsOf(id).length)
    return depth.get(id)!
  }
  const deepestFirst = (a: string, b: string) => depthOf(b) - depthOf(a) || (a < b ? -1 : a > b ? 1 : 0)

  const own = [...new Set(direct.filter(Boolean))]
  const ancestors = new Set(own.flatMap(ancestorsOf))
  const first = own.filter((id) => !ancestors.has(id)).sort(deepestFirst)
  const then = [...ancestors].filter((id) => !first.includes(id)).sort(deepestFirst)
  return [...first, ...then]
}
