import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SizeChartService from "../../../../../services/size-chart"
import { pathId } from "@fashion/plugin-kit"

/**
 * The size chart for a product page (`:id` is the product's id or handle): the product's
 * own, else its most specific category's (walking up to parents). 404 when the product is
 * unknown or unpublished, and when no chart applies to it.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = pathId(req.params.id, (i) => `No product with id ${i}`)
  const size_chart = await req.scope.resolve<SizeChartService>("sizeChartService").retrieveForProduct(id)
  res.json({ size_chart })
}
