import fs from "fs"
import path from "path"
import { startStack } from "./stack"

export const STATE_FILE = path.resolve(__dirname, "..", "..", ".test-stack.json")

/** One real server for the whole backend test run; tests read its URL from STATE_FILE. */
export default async function globalSetup(): Promise<void> {
  const stack = await startStack()
  fs.writeFileSync(STATE_FILE, JSON.stringify(stack.info))
  ;(globalThis as { __TEST_STACK__?: typeof stack }).__TEST_STACK__ = stack
}
