import { asValue, type AwilixContainer } from "awilix"
import { PollingLoop, type TickResult } from "@fashion/plugin-kit"
import type { ShiprocketOptions } from "../services/shiprocket"
import type ShiprocketShipmentService from "../services/shiprocket-shipment"
import type ShiprocketTrackingService from "../services/shiprocket-tracking"

type LoggerLike = { info(m: string): void; error(m: string): void }

const BATCH = 10

type Services = { shipments: ShiprocketShipmentService; tracking: ShiprocketTrackingService }

/**
 * Books recorded parcels, polls tracking for parcels without news, and repairs what a
 * crash left half done, in the worker process (worker_mode "worker" or "shared"). Runs
 * without Redis (Medusa's scheduled jobs need it; the embedded setup has none). Several
 * processes may run it: booking claims skip each other's rows.
 */
export class ShiprocketLoop {
  private readonly loop: PollingLoop
  private lastSweep = 0
  private lastPoll = 0

  constructor(
    private readonly services: () => Services,
    intervalMs: number,
    private readonly sweepIntervalMs: number,
    private readonly pollCheckMs: number,
    logger: LoggerLike
  ) {
    this.loop = new PollingLoop("Shiprocket loop", () => this.tick(), intervalMs, logger)
  }

  start(firstRunAfterMs = 2_000): void {
    this.loop.start(firstRunAfterMs)
  }

  stop(): void {
    this.loop.stop()
  }

  /** A parcel was recorded: book it now rather than at the next tick. */
  kick(): void {
    this.loop.kick()
  }

  private async tick(): Promise<TickResult> {
    const { shipments, tracking } = this.services()
    if (Date.now() - this.lastSweep >= this.sweepIntervalMs) {
      this.lastSweep = Date.now()
      await shipments.recordMissed()
      await tracking.reconcileMedusa()
    }
    const { claimed } = await shipments.bookDue(BATCH)
    if (claimed === BATCH) return { more: true }
    // Tracking is polled once the bookings have caught up, so a slow Shiprocket never holds them up.
    if (Date.now() - this.lastPoll >= this.pollCheckMs) {
      this.lastPoll = Date.now()
      await tracking.pollDue()
    }
    return { more: false }
  }
}

export default async function startShiprocketLoop(container: AwilixContainer, options: ShiprocketOptions = {}): Promise<void> {
  const logger = container.resolve<LoggerLike>("logger")
  const workerMode = container.resolve<{ projectConfig: { worker_mode?: string } }>("configModule").projectConfig.worker_mode ?? "shared"
  if (options.dispatcher === false || workerMode === "server") {
    logger.info(`Shiprocket loop: not running in this process (${options.dispatcher === false ? "disabled" : `worker_mode ${workerMode}`})`)
    return
  }
  const intervalMs = options.dispatch_interval_ms ?? 5_000
  const pollMs = options.tracking_poll_interval_ms ?? 30 * 60_000
  const loop = new ShiprocketLoop(
    () => ({
      shipments: container.resolve<ShiprocketShipmentService>("shiprocketShipmentService"),
      tracking: container.resolve<ShiprocketTrackingService>("shiprocketTrackingService"),
    }),
    intervalMs,
    options.sweep_interval_ms ?? 60_000,
    Math.min(pollMs, 60_000),
    logger
  )
  container.register("shiprocketLoop", asValue(loop))
  loop.start()
  logger.info(`Shiprocket loop: booking parcels every ${intervalMs} ms; tracking polled after ${Math.round(pollMs / 60_000)} min without news`)
}

export function kickShiprocketLoop(container: { hasRegistration(name: string): boolean; resolve<T>(name: string): T }): void {
  if (container.hasRegistration("shiprocketLoop")) container.resolve<ShiprocketLoop>("shiprocketLoop").kick()
}
