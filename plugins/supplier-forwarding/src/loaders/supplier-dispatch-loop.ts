import { asValue, type AwilixContainer } from "awilix"
import { PollingLoop, type TickResult } from "@fashion/plugin-kit"
import { missedOrderGraceMs, resolveForwardingOptions, type RawForwardingOptions } from "../core"
import type SupplierDispatcherService from "../services/supplier-dispatcher"
import type SupplierForwardingService from "../services/supplier-forwarding"

type LoggerLike = { info(m: string): void; error(m: string): void }

const BATCH = 20

/**
 * Keeps the outbox moving in the process: every `dispatch_interval_ms`, and at once when
 * an order is forwarded (kick). It runs in the worker (worker_mode "worker" or "shared"),
 * without Redis: Medusa's scheduled jobs need Redis, and the embedded setup has none.
 * Several processes may run it: claims skip each other's locked rows.
 */
export class SupplierDispatchLoop {
  private readonly loop: PollingLoop
  private lastSweep = 0

  /**
   * Services are resolved on first use, not while loaders run: resolving them here would
   * instantiate their dependencies early, before other loaders (the project's search
   * service, for one) have registered theirs, and pin the wrong ones.
   */
  constructor(
    private readonly services: () => { dispatcher: SupplierDispatcherService; forwarding: SupplierForwardingService },
    intervalMs: number,
    private readonly sweepIntervalMs: number,
    logger: LoggerLike
  ) {
    this.loop = new PollingLoop("Supplier dispatcher", () => this.tick(), intervalMs, logger)
  }

  /** The first run waits until the server has finished starting. */
  start(firstRunAfterMs = 2_000): void {
    this.loop.start(firstRunAfterMs)
  }

  stop(): void {
    this.loop.stop()
  }

  /** New messages were recorded: look now rather than at the next tick. */
  kick(): void {
    this.loop.kick()
  }

  private async tick(): Promise<TickResult> {
    if (Date.now() - this.lastSweep >= this.sweepIntervalMs) {
      this.lastSweep = Date.now()
      await this.services().forwarding.forwardMissedOrders({ graceMs: missedOrderGraceMs(this.sweepIntervalMs) })
    }
    const summary = await this.services().dispatcher.dispatchDue(BATCH)
    return { more: summary.claimed === BATCH }
  }
}

export default async function startSupplierDispatchLoop(container: AwilixContainer, rawOptions: RawForwardingOptions = {}): Promise<void> {
  const options = resolveForwardingOptions(rawOptions)
  const logger = container.resolve<LoggerLike>("logger")
  const workerMode = container.resolve<{ projectConfig: { worker_mode?: string } }>("configModule").projectConfig.worker_mode ?? "shared"
  if (!options.dispatcher || workerMode === "server") {
    logger.info(`Supplier dispatcher: not running in this process (${options.dispatcher ? `worker_mode ${workerMode}` : "disabled"}); a worker delivers the outbox`)
    return
  }
  const loop = new SupplierDispatchLoop(
    () => ({
      dispatcher: container.resolve<SupplierDispatcherService>("supplierDispatcherService"),
      forwarding: container.resolve<SupplierForwardingService>("supplierForwardingService"),
    }),
    options.dispatchIntervalMs,
    options.sweepIntervalMs,
    logger
  )
  container.register("supplierDispatchLoop", asValue(loop))
  loop.start()
  logger.info(`Supplier dispatcher: delivering the outbox every ${options.dispatchIntervalMs} ms (retries: ${options.retry.maxAttempts} attempts, ${options.retry.baseDelayMs} ms base)`)
}

/** Wakes the in-process dispatcher after new outbox messages were committed (a no-op where it does not run). */
export function kickDispatcher(container: { hasRegistration(name: string): boolean; resolve<T>(name: string): T }): void {
  if (container.hasRegistration("supplierDispatchLoop")) container.resolve<SupplierDispatchLoop>("supplierDispatchLoop").kick()
}
