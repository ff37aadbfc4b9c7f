import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SizeRecommendationService from "../../../services/size-recommendation"

/** The size model's state: when it was trained, on how many reviews, and any error. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ model: req.scope.resolve<SizeRecommendationService>("sizeRecommendationService").status() })
}

/** Retrains now from the database and answers when done. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const model = await req.scope.resolve<SizeRecommendationService>("sizeRecommendationService").retrain()
  res.json({ model })
}
