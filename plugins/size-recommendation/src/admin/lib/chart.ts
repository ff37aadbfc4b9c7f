/**
 * Pure helpers for the size chart editor: a chart as an editable form (text in every cell),
 * the form back as the API's body, the server's validation message split into problems by
 * cell, centimetres in inches, category paths and the order in which a product's categories
 * are searched for a chart. No React here.
 *
 * The server validates a chart (src/core/size-chart.ts); the form sends what the merchant
 * typed, so its messages ("rows.2.bust: min 90 is above max 86") name the cells as they are
 * on screen: rows are sent in the order shown, none left out.
 */
import type { Category, SizeChart, SizeChartBody, SizeChartRow } from "./types"

export { formatDateTime, relativeTime } from "@fashion/plugin-kit/admin"

export type ColumnKind = "range" | "text"
/** A column of the editor; `id` stays the same when the column is renamed. */
export type EditorColumn = { id: string; name: string; kind: ColumnKind }
export type RangeCell = { min: string; max: string }
export type EditorRow = { id: string; size: string; ranges: Record<string, RangeCell>; texts: Record<string, string> }
export type ChartForm = { columns: EditorColumn[]; rows: EditorRow[]; notes: string }

/** Where a problem of the server's message belongs on screen. */
export type ProblemMap = {
  /** `${rowId}:size`, `${rowId}:${columnId}`, `${rowId}` */
  cells: Record<string, string>
  /** by column id: a measurement's name */
  columns: Record<string, string>
  notes?: string
  /** everything else (measurements, rows, the target, unknown fields) */
  general: string[]
}

export const LIMITS = { measurements: 12, rows: 40, size: 20, text: 40, notes: 2000 } as const
export const COLUMN_NAME = /^[a-z][a-z0-9_]{0,39}$/

let nextId = 0
export const newId = (prefix: string) => `${prefix}${++nextId}`

const emptyRange = (): RangeCell => ({ min: "", max: "" })

// ---------------------------------------------------------------- numbers and units

/** "86", "86.5", " 86,5 " -> number; anything else -> NaN. */
export function parseDecimal(text: string): number {
  const t = text.trim().replace(",", ".")
  if (!/^\d+(\.\d+)?$/.test(t) && !/^\.\d+$/.test(t)) return Number.NaN
  return Number(t)
}

const trimNumber = (n: number, digits: number) => {
  const s = n.toFixed(digits)
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s
}

/** 86 -> "33.9" (one decimal, as a tape in inches reads); "" when the text is not a number. */
export function cmToInches(text: string): string {
  const n = parseDecimal(text)
  return Number.isNaN(n) ? "" : trimNumber(n / 2.54, 1)
}

/** The read-only inches beside a min-max pair: "32.3–33.9 in", "≥ 32.3 in" while half typed, "" when nothing reads. */
export function rangeInInches(cell: RangeCell | undefined): string {
  const min = cmToInches(cell?.min ?? "")
  const max = cmToInches(cell?.max ?? "")
  if (min && max) return min === max ? `${min} in` : `${min}–${max} in`
  if (min) return `from ${min} in`
  if (max) return `up to ${max} in`
  return ""
}

export const formatRange = (range: unknown): string =>
  Array.isArray(range) && range.length === 2 ? (range[0] === range[1] ? `${range[0]}` : `${range[0]}–${range[1]}`) : String(range ?? "–")

export const formatRangeInches = (range: unknown): string =>
  Array.isArray(range) && range.length === 2 ? rangeInInches({ min: String(range[0]), max: String(range[1]) }) : ""

/** "foot_length" -> "Foot length" */
export const columnLabel = (name: string) => (name ? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, " ") : "")

// ---------------------------------------------------------------- chart <-> form

/** The text columns of a chart (UK, US...): every non-range key of its rows, in the order first met. */
export function textColumnsOf(chart: Pick<SizeChart, "measurements" | "rows">): string[] {
  const out: string[] = []
  for (const row of chart.rows) {
    for (const [key, value] of Object.entries(row)) {
      if (key === "size" || chart.measurements.includes(key) || Array.isArray(value) || out.includes(key)) continue
      out.push(key)
    }
  }
  return out
}

export function chartToForm(chart: Pick<SizeChart, "measurements" | "rows" | "notes">): ChartForm {
  const columns: EditorColumn[] = [
    ...chart.measurements.map((name) => ({ id: newId("col"), name, kind: "range" as const })),
    ...textColumnsOf(chart).map((name) => ({ id: newId("col"), name, kind: "text" as const })),
  ]
  const rows = chart.rows.map((row: SizeChartRow): EditorRow => {
    const ranges: Record<string, RangeCell> = {}
    const texts: Record<string, string> = {}
    for (const c of columns) {
      const value = row[c.name]
      if (c.kind === "range") ranges[c.id] = Array.isArray(value) ? { min: String(value[0] ?? ""), max: String(value[1] ?? "") } : emptyRange()
      else texts[c.id] = value === undefined || value === null || Array.isArray(value) ? "" : String(value)
    }
    return { id: newId("row"), size: String(row.size ?? ""), ranges, texts }
  })
  return { columns, rows, notes: chart.notes ?? "" }
}

/** A new chart: bust, waist and hips for XS to XL, the ranges to be filled in. */
export function blankForm(): ChartForm {
  const columns: EditorColumn[] = ["bust", "waist", "hips"].map((name) => ({ id: newId("col"), name, kind: "range" }))
  const rows = ["XS", "S", "M", "L", "XL"].map((size) => ({
    id: newId("row"),
    size,
    ranges: Object.fromEntries(columns.map((c) => [c.id, emptyRange()])),
    texts: {},
  }))
  return { columns, rows, notes: "" }
}

export function addRow(form: ChartForm): ChartForm {
  const row: EditorRow = {
    id: newId("row"),
    size: "",
    ranges: Object.fromEntries(form.columns.filter((c) => c.kind === "range").map((c) => [c.id, emptyRange()])),
    texts: Object.fromEntries(form.columns.filter((c) => c.kind === "text").map((c) => [c.id, ""])),
  }
  return { ...form, rows: [...form.rows, row] }
}

export function addColumn(form: ChartForm, name: string, kind: ColumnKind): ChartForm {
  const column: EditorColumn = { id: newId("col"), name: name.trim(), kind }
  // Measurements first, then text columns, as the chart is shown to shoppers.
  const columns =
    kind === "range"
      ? [...form.columns.filter((c) => c.kind === "range"), column, ...form.columns.filter((c) => c.kind === "text")]
      : [...form.columns, column]
  const rows = form.rows.map((r) =>
    kind === "range" ? { ...r, ranges: { ...r.ranges, [column.id]: emptyRange() } } : { ...r, texts: { ...r.texts, [column.id]: "" } }
  )
  return { ...form, columns, rows }
}

/** Why a new column's name cannot be added ("" when it can). */
export function columnNameProblem(form: ChartForm, name: string): string {
  const n = name.trim()
  if (!n) return "Give the column a name, e.g. bust or uk"
  if (!COLUMN_NAME.test(n)) return "Lowercase letters, digits and _, starting with a letter (e.g. foot_length)"
  if (n === "size") return '"size" is the row label'
  if (form.columns.some((c) => c.name.trim() === n)) return `${n} is already a column`
  return ""
}

/** A number as a number; text that is not one goes as typed, and the server names the cell. */
const cellValue = (text: string): number | string => {
  const n = parseDecimal(text)
  return Number.isNaN(n) ? text.trim() : n
}

/** The form as the API's body: every row in the order shown, so the server's rows.N are the rows on screen. */
export function formToBody(form: ChartForm): Pick<SizeChartBody, "measurements" | "rows" | "notes"> {
  const ranges = form.columns.filter((c) => c.kind === "range")
  const texts = form.columns.filter((c) => c.kind === "text")
  const rows = form.rows.map((r) => {
    const out: Record<string, unknown> = { size: r.size }
    for (const c of ranges) {
      const cell = r.ranges[c.id] ?? emptyRange()
      // Both empty: left out, so the server says the range "is required".
      if (cell.min.trim() || cell.max.trim()) out[c.name.trim()] = [cellValue(cell.min), cellValue(cell.max)]
    }
    for (const c of texts) {
      const value = (r.texts[c.id] ?? "").trim()
      if (value) out[c.name.trim()] = value
    }
    return out
  })
  return { measurements: ranges.map((c) => c.name.trim()), rows, notes: form.notes.trim() ? form.notes.trim() : null }
}

export const sameForm = (a: ChartForm, b: ChartForm) => JSON.stringify(formToBody(a)) === JSON.stringify(formToBody(b))

// ---------------------------------------------------------------- the server's message

/**
 * "Invalid size chart: rows.2.bust: min 90 is above max 86; notes: must be ..." -> problems by
 * field. Accepts "rows[2].bust" too. A message without that shape is one general problem.
 */
export function parseProblems(message: string): { field: string; message: string }[] {
  const body = message.replace(/^\s*Invalid size chart:\s*/i, "")
  if (body === message && !/^[a-z_][\w.[\]]*: /i.test(message)) return [{ field: "", message }]
  return body
    .split(/;\s+(?=[a-z_][\w.[\]]*: )/i)
    .map((part) => {
      const m = /^([a-z_][\w.[\]]*): ([\s\S]*)$/i.exec(part.trim())
      return m ? { field: m[1].replace(/\[(\d+)\]/g, ".$1"), message: m[2] } : { field: "", message: part.trim() }
    })
    .filter((p) => p.message)
}

/** Places each problem of the server's message on the cell, column or field it names. */
export function mapProblems(message: string, form: ChartForm): ProblemMap {
  const out: ProblemMap = { cells: {}, columns: {}, general: [] }
  const ranges = form.columns.filter((c) => c.kind === "range")
  const add = (map: Record<string, string>, key: string, text: string) => {
    map[key] = map[key] ? `${map[key]}; ${text}` : text
  }
  for (const p of parseProblems(message)) {
    const parts = p.field.split(".")
    if (parts[0] === "rows" && parts.length >= 2 && /^\d+$/.test(parts[1]) && form.rows[Number(parts[1])]) {
      const row = form.rows[Number(parts[1])]
      const column = parts.slice(2).join(".")
      if (!column) add(out.cells, row.id, p.message)
      else if (column === "size") add(out.cells, `${row.id}:size`, p.message)
      else {
        const c = form.columns.find((col) => col.name.trim() === column)
        if (c) add(out.cells, `${row.id}:${c.id}`, p.message)
        else out.general.push(`${p.field}: ${p.message}`)
      }
    } else if (parts[0] === "measurements" && parts.length === 2 && ranges[Number(parts[1])]) {
      add(out.columns, ranges[Number(parts[1])].id, p.message)
    } else if (p.field === "notes") {
      out.notes = p.message
    } else {
      out.general.push(p.field ? `${p.field}: ${p.message}` : p.message)
    }
  }
  return out
}

// ---------------------------------------------------------------- categories

/** "Clothing › Dresses › Bodycon dresses", from the category's parents. */
export function categoryPath(id: string, byId: Map<string, Category>): string {
  const names: string[] = []
  const seen = new Set<string>()
  for (let c = byId.get(id); c && !seen.has(c.id); c = c.parent_category_id ? byId.get(c.parent_category_id) : undefined) {
    seen.add(c.id)
    names.unshift(c.name)
  }
  return names.join(" › ")
}

/**
 * The categories searched for a product's chart, in the server's order: the product's own
 * categories that are not a parent of another of them, deepest first (then by id), then all
 * their parents, deepest first. The first with a chart is the one the store uses.
 */
export function chartLookupOrder(own: string[], parentOf: Map<string, string | null>): string[] {
  const ancestors = (id: string) => {
    const out: string[] = []
    const seen = new Set([id])
    for (let p = parentOf.get(id) ?? null; p && !seen.has(p); p = parentOf.get(p) ?? null) {
      seen.add(p)
      out.push(p)
    }
    return out
  }
  const depth = (id: string) => ancestors(id).length
  const byDepth = (a: string, b: string) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0)
  const direct = [...new Set(own.filter(Boolean))]
  const parents = new Set(direct.flatMap(ancestors))
  const first = direct.filter((id) => !parents.has(id)).sort(byDepth)
  const then = [...parents].filter((id) => !first.includes(id)).sort(byDepth)
  return [...first, ...then]
}

// ---------------------------------------------------------------- dates and durations

/** 840 -> "840 ms", 12500 -> "12.5 s" */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "–"
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${trimNumber(ms / 1000, 1)} s`
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
}

export const plural = (n: number, word: string) => `${n.toLocaleString("en-IN")} ${word}${n === 1 ? "" : "s"}`
