import fs from "fs"
import type { ChildProcess } from "child_process"
import { STATE_FILE } from "./global-setup"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopChild } = require("../../../backend/scripts/lib/next-server.cjs")

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as { __E2E__?: { stack: { stop: () => Promise<void> }; next: ChildProcess; shiprocket: { close: () => Promise<void> } } }).__E2E__
  if (running) {
    await stopChild(running.next)
    await running.stack.stop()
    await running.shiprocket.close()
  }
  fs.rmSync(STATE_FILE, { force: true })
}
