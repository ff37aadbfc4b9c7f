import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { validateModeration } from "../../../../core"
import type ProductReviewService from "../../../../services/product-review"
import { ensureValid, pathId } from "@fashion/plugin-kit"

const reviewId = (req: MedusaRequest) => pathId(req.params.id, (id) => `No review with id ${id}`)

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const review = await req.scope.resolve<ProductReviewService>("productReviewService").retrieveForAdmin(reviewId(req))
  res.json({ review })
}

/** Moderates: `{ status: "approved" | "rejected", note? }`. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const id = reviewId(req)
  const input = ensureValid(validateModeration(req.body), "moderation")
  const review = await req.scope.resolve<ProductReviewService>("productReviewService").moderate(id, input)
  res.json({ review })
}

export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const id = reviewId(req)
  await req.scope.resolve<ProductReviewService>("productReviewService").delete(id)
  res.json({ id, object: "product_review", deleted: true })
}
