import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { validateSizeChartCreate } from "../../../core/size-chart"
import type SizeChartService from "../../../services/size-chart"
import { ensureValid, queryId } from "@fashion/plugin-kit"

/** What a chart belongs to, as a bad filter's message shows it. */
const CHART_OWNER_ID = "prod_01H... or pcat_01H..."

/** `?product_id=` or `?category_id=` narrow the list. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const product_id = queryId(req.query, "product_id", CHART_OWNER_ID)
  const category_id = queryId(req.query, "category_id", CHART_OWNER_ID)
  const size_charts = await req.scope.resolve<SizeChartService>("sizeChartService").list({ product_id, category_id })
  res.json({ size_charts, count: size_charts.length })
}

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = ensureValid(validateSizeChartCreate(req.body), "size chart")
  const size_chart = await req.scope.resolve<SizeChartService>("sizeChartService").create(input)
  res.status(201).json({ size_chart })
}
