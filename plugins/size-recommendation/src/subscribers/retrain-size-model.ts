import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type SizeRecommendationService from "../services/size-recommendation"

/**
 * A review was written or moderated: retrain the size model soon (a burst of reviews
 * retrains once). Processes that do not get events still catch up with the periodic check.
 */
export default async function retrainSizeModel({ container }: SubscriberArgs<{ id: string }>): Promise<void> {
  container.resolve<SizeRecommendationService>("sizeRecommendationService").retrainSoon()
}

export const config: SubscriberConfig = {
  event: ["product_review.created", "product_review.moderated"],
  context: { subscriberId: "size-recommendation-retrain" },
}
