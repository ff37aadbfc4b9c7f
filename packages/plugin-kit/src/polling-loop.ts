/**
 * A background loop for work recorded in the database (an outbox, a job queue): one tick
 * at a time, again at once when a tick filled its batch or was kicked while running, on
 * a timer otherwise. Errors are logged and retried at the next tick; the timer never
 * keeps the process alive. Works without Redis, which Medusa's scheduled jobs need.
 */
type LoggerLike = { error(message: string): void }

/** What a tick reports: `more` when it stopped at its batch size and should run again now. */
export type TickResult = { more: boolean } | void

export class PollingLoop {
  private timer: NodeJS.Timeout | null = null
  private running = false
  private again = false
  private stopped = true

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<TickResult>,
    private readonly intervalMs: number,
    private readonly logger: LoggerLike
  ) {}

  start(firstRunAfterMs = 2_000): void {
    this.stopped = false
    this.schedule(firstRunAfterMs)
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** New work was recorded: run now rather than at the next tick. */
  kick(): void {
    if (this.stopped) return
    if (this.running) this.again = true
    else this.schedule(0)
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.run(), ms)
    this.timer.unref()
  }

  private async run(): Promise<void> {
    this.running = true
    try {
      do {
        this.again = false
        const result = await this.tick()
        if (result && result.more) this.again = true
      } while (this.again && !this.stopped)
    } catch (error) {
      this.logger.error(`${this.name}: ${(error as Error).message}; trying again in ${this.intervalMs} ms`)
    } finally {
      this.running = false
      this.schedule(this.intervalMs)
    }
  }
}
