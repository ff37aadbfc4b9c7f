/**
 * Bulk product mapping from a spreadsheet: one row per variant,
 * `sku,supplier_code,supplier_sku,cost_price`, the cost in rupees or dollars (e.g. 499.50).
 * Every bad row is reported with its line number; nothing is half-imported.
 */
import { parse } from "csv-parse/sync"

export const MAPPING_CSV_COLUMNS = ["sku", "supplier_code", "supplier_sku", "cost_price"] as const

export type MappingRow = { line: number; sku: string; supplier_code: string; supplier_sku: string; cost_price: number; currency_code: string }
export type RowError = { line: number; message: string }
export type ParsedMappingCsv = { rows: MappingRow[]; errors: RowError[] }

export function parseMappingCsv(csv: string): ParsedMappingCsv {
  let parsed: { record: string[]; info: { lines: number } }[]
  try {
    // info: each record's real line number (blank lines and multi-line quoted fields count).
    parsed = parse(csv.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true, relax_column_count: true, info: true })
  } catch (error) {
    return { rows: [], errors: [{ line: (error as { lines?: number }).lines ?? 1, message: `not a valid CSV: ${(error as Error).message}` }] }
  }
  const records = parsed.map((p) => p.record)
  if (!records.length) return { rows: [], errors: [{ line: 1, message: `the file is empty; expected a header row ${MAPPING_CSV_COLUMNS.join(",")}` }] }
  const header = records[0].map((h) => h.toLowerCase())
  const missing = MAPPING_CSV_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length) return { rows: [], errors: [{ line: 1, message: `missing column(s) ${missing.join(", ")}; the header must include ${MAPPING_CSV_COLUMNS.join(",")} (currency_code optional)` }] }
  const col = (name: string) => header.indexOf(name)
  const rows: MappingRow[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  parsed.slice(1).forEach(({ record, info }) => {
    const line = info.lines
    const get = (name: string) => (col(name) >= 0 ? (record[col(name)] ?? "").trim() : "")
    const problems: string[] = []
    const sku = get("sku")
    const supplier_code = get("supplier_code").toUpperCase()
    const supplier_sku = get("supplier_sku")
    const costRaw = get("cost_price")
    // "499,50" is a decimal comma, not thousands: refuse it rather than import 100 times the cost.
    const decimalComma = /^[^.]*,\d{1,2}$/.test(costRaw.replace(/\s/g, ""))
    const costText = costRaw.replace(/[₹$,\s]/g, "")
    const currency_code = (get("currency_code") || "inr").toLowerCase()
    if (!sku) problems.push("sku is empty")
    if (!supplier_code) problems.push("supplier_code is empty")
    if (!supplier_sku) problems.push("supplier_sku is empty")
    if (supplier_sku.length > 100) problems.push("supplier_sku is longer than 100 characters")
    if (decimalComma) problems.push(`cost_price "${costRaw}" uses a decimal comma: write 499.50`)
    else if (!/^\d+(\.\d{1,2})?$/.test(costText)) problems.push(`cost_price "${costRaw}" is not an amount such as 499 or 499.50`)
    if (!/^[a-z]{3}$/.test(currency_code)) problems.push(`currency_code "${currency_code}" is not a 3-letter code`)
    if (sku && seen.has(sku)) problems.push(`sku ${sku} is also on line ${seen.get(sku)}`)
    if (sku) seen.set(sku, line)
    if (problems.length) errors.push({ line, message: problems.join("; ") })
    else rows.push({ line, sku, supplier_code, supplier_sku, cost_price: Math.round(Number(costText) * 100), currency_code })
  })
  return { rows, errors }
}
