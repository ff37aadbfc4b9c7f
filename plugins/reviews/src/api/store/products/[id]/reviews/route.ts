import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseStoreReviewQuery, validateReviewCreate } from "../../../../../core"
import type ProductReviewService from "../../../../../services/product-review"
import { customerIdOf, ensureValid, pathId } from "@fashion/plugin-kit"
import { answerDuplicateAs409 } from "../../../../validation"

const productId = (req: MedusaRequest) => pathId(req.params.id, (id) => `No product with id ${id}`)

/** The product's approved reviews (`:id` is its id or handle), a page at a time, and its summary. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = productId(req)
  const query = ensureValid(parseStoreReviewQuery(req.query), "query")
  const { reviews, count, summary } = await req.scope.resolve<ProductReviewService>("productReviewService").listForProduct(id, query)
  res.json({ reviews, count, limit: query.limit, offset: query.offset, summary })
}

/** A review by the logged-in customer; it is published once a moderator approves it. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const customerId = customerIdOf(req, "write a review")
  const id = productId(req)
  const input = ensureValid(validateReviewCreate(req.body), "review")
  try {
    const review = await req.scope.resolve<ProductReviewService>("productReviewService").create(customerId, id, input)
    res.status(201).json({ review })
  } catch (error) {
    if (!answerDuplicateAs409(error, res)) throw error
  }
}
