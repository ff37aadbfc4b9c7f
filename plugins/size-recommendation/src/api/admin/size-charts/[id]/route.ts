import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { validateSizeChartUpdate } from "../../../../core/size-chart"
import type SizeChartService from "../../../../services/size-chart"
import { ensureValid, pathId } from "@fashion/plugin-kit"

const chartId = (req: MedusaRequest) => pathId(req.params.id, (id) => `No size chart with id ${id}`)

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const size_chart = await req.scope.resolve<SizeChartService>("sizeChartService").retrieve(chartId(req))
  res.json({ size_chart })
}

/** Replaces the fields given (measurements, rows, notes); the target product or category stays. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const id = chartId(req)
  const service = req.scope.resolve<SizeChartService>("sizeChartService")
  const current = await service.retrieve(id)
  const input = ensureValid(validateSizeChartUpdate(req.body, current), "size chart")
  const size_chart = await service.update(id, input)
  res.json({ size_chart })
}

export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const id = chartId(req)
  await req.scope.resolve<SizeChartService>("sizeChartService").delete(id)
  res.json({ id, object: "size_chart", deleted: true })
}
