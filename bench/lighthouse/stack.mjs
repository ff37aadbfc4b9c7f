/**
 * Starts what the bench measures when no STOREFRONT_URL is given: a throw-away backend
 * (fresh database, migrations, seed) and the storefront's production build on
 * `next start` (from a private copy, see snapshot.mjs), the same way
 * storefront/test/harness/global-setup.ts does for e2e.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { onCleanup } from "../lib/cleanup.mjs"
import { snapshotStorefront } from "./snapshot.mjs"

const require = createRequire(import.meta.url)
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const storefrontDir = path.join(repoRoot, "storefront")
const { freePort, startNextServer, stopChild } = require(path.join(repoRoot, "backend", "scripts", "lib", "next-server.cjs"))
const log = (m) => process.stderr.write(`[lighthouse] ${m}\n`)

/** @returns {Promise<{ storefrontUrl: string, backendUrl: string }>} */
export async function startOwnStack() {
  const snapshotDir = path.join(repoRoot, ".data", "bench", `storefront-${process.pid}-${Date.now().toString(36)}`)
  onCleanup("storefront build copy", async () => fs.rmSync(snapshotDir, { recursive: true, force: true }))
  const { buildId } = await snapshotStorefront(repoRoot, storefrontDir, snapshotDir)
  log(`copied storefront build ${buildId} to ${path.relative(repoRoot, snapshotDir)} (immune to rebuilds during the bench)`)
  log("starting a throw-away backend (fresh database, migrations, seed: ~1.5 min)…")
  const t0 = Date.now()
  const { startStack } = require(path.join(repoRoot, "backend", "scripts", "lib", "test-stack-client.cjs"))
  const stack = await startStack()
  onCleanup("backend stack", () => stack.stop())
  log(`backend ready at ${stack.info.baseUrl} (${((Date.now() - t0) / 1000).toFixed(0)}s)`)

  const port = await freePort()
  const storefrontUrl = `http://127.0.0.1:${port}`
  const logFile = path.join(stack.info.logDir, "storefront-bench.log")
  log(`starting the storefront (next start) at ${storefrontUrl}, log ${logFile}`)
  const next = await startNextServer({
    dir: snapshotDir,
    port,
    host: "127.0.0.1",
    env: { ...process.env, MEDUSA_BACKEND_URL: stack.info.baseUrl, STOREFRONT_URL: storefrontUrl },
    logFile,
    timeoutMs: 60000,
  })
  onCleanup("next start", () => stopChild(next))
  return { storefrontUrl, backendUrl: stack.info.baseUrl }
}
