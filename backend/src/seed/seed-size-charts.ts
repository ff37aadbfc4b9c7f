/**
 * Size charts from data/catalog/size-charts.json, one per category handle, through the
 * size-recommendation plugin. Only categories without a chart get one, so a chart a
 * merchant edited in the admin is never overwritten and a second run changes nothing.
 */
import fs from "fs"
import path from "path"
import type { AwilixContainer } from "awilix"

type Log = (message: string) => void

type ChartFile = { unit?: string; charts: { category: string; measurements: unknown; rows: unknown; notes?: unknown; unit?: string }[] }

export async function seedSizeCharts(container: AwilixContainer, catalogDir: string, categories: Map<string, string>, log: Log): Promise<void> {
  const file = path.join(catalogDir, "size-charts.json")
  const data: ChartFile = JSON.parse(fs.readFileSync(file, "utf8"))
  const unknown = data.charts.map((c) => c.category).filter((handle) => !categories.has(handle))
  if (unknown.length) throw new Error(`${file}: no category with handle ${unknown.join(", ")}`)
  const created: string[] = await container.resolve("sizeChartService").createMissingForCategories(
    data.charts.map((c) => ({
      category_id: categories.get(c.category)!,
      category_handle: c.category,
      unit: c.unit ?? data.unit ?? "cm",
      measurements: c.measurements,
      rows: c.rows,
      notes: c.notes ?? null,
    }))
  )
  if (created.length) log(`size charts: ${created.join(", ")}`)
}
