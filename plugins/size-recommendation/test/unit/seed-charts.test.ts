/**
 * The category charts the backend seeds (data/catalog/size-charts.json) go through the
 * same validation as an admin request (SizeChartService.createMissingForCategories), so
 * a bad chart there would stop the seed: check each one here, without a database.
 */
import fs from "fs"
import path from "path"
import { formatProblems, validateSizeChartCreate } from "../../src/core"

const file = path.resolve(__dirname, "..", "..", "..", "..", "data", "catalog", "size-charts.json")
const data = JSON.parse(fs.readFileSync(file, "utf8")) as { unit?: string; charts: { category: string; unit?: string; measurements: unknown; rows: unknown; notes?: unknown }[] }

describe("the seed charts in data/catalog/size-charts.json", () => {
  it("has charts, one per category", () => {
    const categories = data.charts.map((c) => c.category)
    expect(categories.length).toBeGreaterThan(0)
    expect(new Set(categories).size).toBe(categories.length)
  })

  it.each(data.charts.map((c) => [c.category, c] as const))("%s is valid and stored as written", (_category, chart) => {
    // As seed-size-charts.ts builds the request: the category by id, unit from the chart or the file.
    const result = validateSizeChartCreate({ category_id: "pcat_seed", unit: chart.unit ?? data.unit ?? "cm", measurements: chart.measurements, rows: chart.rows, notes: chart.notes ?? null })
    if (!result.ok) throw new Error(formatProblems(result.problems))
    expect(result.value.measurements).toEqual(chart.measurements)
    expect(result.value.rows).toEqual(chart.rows)
  })
})
