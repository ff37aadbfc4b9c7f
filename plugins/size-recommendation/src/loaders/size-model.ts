import type { AwilixContainer } from "awilix"
import type SizeRecommendationService from "../services/size-recommendation"

type LoggerLike = { info(m: string): void }

/**
 * Trains the size model at startup and keeps it current in every process that answers
 * HTTP (worker_mode "server" or "shared"); a pure worker never serves advice.
 */
export default async function startSizeModel(container: AwilixContainer): Promise<void> {
  const logger = container.resolve<LoggerLike>("logger")
  const workerMode = container.resolve<{ projectConfig: { worker_mode?: string } }>("configModule").projectConfig.worker_mode ?? "shared"
  if (workerMode === "worker") {
    logger.info("Size recommendation: no model in this process (worker_mode worker serves no advice)")
    return
  }
  container.resolve<SizeRecommendationService>("sizeRecommendationService").startSchedule()
}
