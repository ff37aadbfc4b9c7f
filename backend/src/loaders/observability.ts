import type { AwilixContainer } from "awilix"
import { instrumentHttpServers } from "../observability/http-instrumentation"
import { tagMedusaLoggerWithRequestId } from "../observability/medusa-logger"

/** Before the server listens, so the first request is timed (and its log lines tagged) as well. */
export default async function observabilityLoader(container: AwilixContainer): Promise<void> {
  instrumentHttpServers()
  const logger = container.resolve<{ warn: (message: string) => void }>("logger")
  if (!tagMedusaLoggerWithRequestId(logger)) logger.warn("[observability] Medusa's log lines will not carry request ids: its logger is not the winston one this code knows")
}
