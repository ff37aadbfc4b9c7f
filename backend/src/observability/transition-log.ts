type Logger = { warn: (message: string) => void; info: (message: string) => void }

/**
 * Probes and scrapes repeat every few seconds: a dependency that stays down would fill
 * the log with the same line. Only a change (first failure, recovery) is written.
 */
export class TransitionLog {
  private readonly failing = new Set<string>()

  constructor(private readonly prefix: string) {}

  record(logger: Logger | undefined, name: string, error: string | null): void {
    if (error !== null && !this.failing.has(name)) {
      this.failing.add(name)
      logger?.warn(`${this.prefix} ${name} failed: ${error}`)
    } else if (error === null && this.failing.delete(name)) {
      logger?.info(`${this.prefix} ${name} answers again`)
    }
  }
}
