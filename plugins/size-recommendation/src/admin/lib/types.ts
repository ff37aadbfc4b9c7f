/** The shapes of the plugin's admin API (and the few Medusa ones the UI reads), as the admin UI reads them. */

export type Range = [number, number]
export type SizeChartRow = { size: string; [column: string]: Range | string }

export type SizeChart = {
  id: string
  product_id: string | null
  category_id: string | null
  /** filled in for category charts */
  category_handle: string | null
  unit: "cm"
  measurements: string[]
  rows: SizeChartRow[]
  notes: string | null
  created_at: string
  updated_at: string
}

export type SizeChartListResponse = { size_charts: SizeChart[]; count: number }
export type SizeChartResponse = { size_chart: SizeChart }
export type SizeChartDeleteResponse = { id: string; object: "size_chart"; deleted: true }

/** What POST /admin/size-charts (create) and POST /admin/size-charts/:id (update) take. */
export type SizeChartBody = {
  product_id?: string
  category_id?: string
  measurements: string[]
  rows: Record<string, unknown>[]
  notes: string | null
}

export type ModelState = "untrained" | "training" | "ready" | "failed"

export type ModelStatus = {
  state: ModelState
  trained_at: string | null
  training_ms: number | null
  reviews: number
  products: number
  shoppers: number
  /** false while there are too few fit reviews to learn from: advice then rests on the charts alone */
  learned: boolean
  last_error: string | null
}

export type ModelResponse = { model: ModelStatus }

/** A Medusa product category, as far as the UI needs it. */
export type Category = {
  id: string
  name: string
  handle: string
  parent_category_id: string | null
  is_active?: boolean
  is_internal?: boolean
}

export type CategoryListResponse = { product_categories: Category[]; count: number; offset: number; limit: number }
