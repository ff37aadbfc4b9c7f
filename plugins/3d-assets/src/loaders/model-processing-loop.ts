import type { AwilixContainer } from "awilix"
import { PollingLoop } from "@fashion/plugin-kit"
import type ProductModelService from "../services/product-model"
import type { ProductModelOptions } from "../services/product-model"

type LoggerLike = { info(m: string): void; error(m: string): void }

/**
 * Processes queued 3D models in the worker process (worker_mode "worker" or "shared"), one
 * at a time per process: each run is a child process of its own. Runs without Redis; several
 * processes may run it, as claims skip each other's rows. A run lost with its process is
 * taken again after 20 minutes.
 */
export default async function startModelProcessingLoop(container: AwilixContainer, options: ProductModelOptions = {}): Promise<void> {
  const logger = container.resolve<LoggerLike>("logger")
  const workerMode = container.resolve<{ projectConfig: { worker_mode?: string } }>("configModule").projectConfig.worker_mode ?? "shared"
  if (options.processor === false || workerMode === "server") {
    logger.info(`3D models: not processed in this process (${options.processor === false ? "disabled" : `worker_mode ${workerMode}`})`)
    return
  }
  const intervalMs = options.processing_interval_ms ?? 5_000
  const service = () => container.resolve<ProductModelService>("productModelService")
  const loop = new PollingLoop("3D model processing", () => service().processNext(), intervalMs, logger)
  service().onQueued(() => loop.kick())
  loop.start()
  logger.info(`3D models: processing queued uploads (checked every ${intervalMs} ms, at once after an upload)`)
}
