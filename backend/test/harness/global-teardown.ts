import fs from "fs"
import { STATE_FILE } from "./global-setup"
import type { RunningStack } from "./stack"

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __TEST_STACK__?: RunningStack }).__TEST_STACK__
  if (stack) await stack.stop()
  fs.rmSync(STATE_FILE, { force: true })
}
