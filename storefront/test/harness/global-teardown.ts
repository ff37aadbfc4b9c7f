import fs from "fs"
import type { ChildProcess } from "child_process"
import { STATE_FILE } from "./global-setup"

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as { __E2E__?: { stack: { stop: () => Promise<void> }; next: ChildProcess } }).__E2E__
  if (running) {
    await new Promise<void>((resolve) => {
      if (running.next.exitCode !== null) return resolve()
      running.next.once("exit", () => resolve())
      running.next.kill("SIGTERM")
    })
    await running.stack.stop()
  }
  fs.rmSync(STATE_FILE, { force: true })
}
