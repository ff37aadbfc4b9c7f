import { asValue, type AwilixContainer } from "awilix"
import { resolveForwardingOptions, type RawForwardingOptions } from "../core"
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
  private timer: NodeJS.Timeout | null = null
  private running = false
  private again = false
  private stopped = false
  private lastSweep = 0

  /**
   * Services are resolved on first use, not while loaders run: resolving them here would
   * instantiate their dependencies early, before other loaders (the project's search
   * service, for one) have registered theirs, and pin the wrong ones.
   */
  constructor(
    private readonly services: () => { dispatcher: SupplierDispatcherService; forwarding: SupplierForwardingService },
    private readonly intervalMs: number,
    private readonly sweepIntervalMs: number,
    private readonly logger: LoggerLike
  ) {}

  /** The first run waits until the server has finished starting. */
  start(firstRunAfterMs = 2_000): void {
    this.stopped = false
    this.schedule(firstRunAfterMs)
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  /** New messages were recorded: look now rather than at the next tick. */
  kick(): void {
    if (this.stopped) return
    if (this.running) this.again = true
    else this.schedule(0)
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.tick(), ms)
    this.timer.unref() // never keeps a process (a script, a test) alive
  }

  private async tick(): Promise<void> {
    this.running = true
    try {
      if (Date.now() - this.lastSweep >= this.sweepIntervalMs) {
        this.lastSweep = Date.now()
        // Only orders older than a sweep interval (at most 30 s): their own subscriber has had its turn.
        await this.services().forwarding.forwardMissedOrders({ graceMs: Math.min(this.sweepIntervalMs, 30_000) })
      }
      do {
        this.again = false
        const summary = await this.services().dispatcher.dispatchDue(BATCH)
        if (summary.claimed === BATCH) this.again = true // more are due
      } while (this.again && !this.stopped)
    } catch (error) {
      this.logger.error(`Supplier dispatcher: ${(error as Error).message}; trying again in ${this.intervalMs} ms`)
    } finally {
      this.running = false
      this.schedule(this.intervalMs)
    }
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
