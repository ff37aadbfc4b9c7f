import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ProductReviewService from "../../../../../services/product-review"
import { customerIdOf, queryId } from "@fashion/plugin-kit"

// Medusa 1.20 only protects /store/me/* file routes by itself, so the handler checks the
// customer; the id always comes from her session or token, never from the request.

/** Her own reviews in any status; with `?product_id=` also the sizes she may still review. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const customerId = customerIdOf(req, "see your reviews")
  const productId = queryId(req.query, "product_id")
  res.json(await req.scope.resolve<ProductReviewService>("productReviewService").listForCustomer(customerId, productId))
}
