import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseAdminReviewQuery } from "../../../core"
import type ProductReviewService from "../../../services/product-review"
import { ensureValid } from "@fashion/plugin-kit"

/**
 * Reviews to moderate: `?status=`, `?product_id=`, `?q=` (title, text, email, product, size),
 * pending first. With a product, also its store summary (approved reviews only).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = ensureValid(parseAdminReviewQuery(req.query), "query")
  const service = req.scope.resolve<ProductReviewService>("productReviewService")
  const { reviews, count, counts } = await service.listForAdmin(query)
  const summary = query.product_id ? await service.summaryForProduct(query.product_id) : undefined
  res.json({ reviews, count, limit: query.limit, offset: query.offset, counts, ...(summary ? { summary } : {}) })
}
