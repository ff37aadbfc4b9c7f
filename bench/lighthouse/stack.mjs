/**
 * Starts what the bench measures when no STOREFRONT_URL is given: a throw-away backend
 * (fresh database, migrations, seed) and the storefront's production build on
 * `next start` (from a private copy, see snapshot.mjs), the same way
 * storefront/test/harness/global-setup.ts does for e2e.
 */
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { onCleanup } from "./cleanup.mjs"
import { snapshotStorefront } from "./snapshot.mjs"

const require = createRequire(import.meta.url)
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const storefrontDir = path.join(repoRoot, "storefront")
const log = (m) => process.stderr.write(`[lighthouse] ${m}\n`)

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`)
    const ok = await fetch(url, { redirect: "manual" }).then((r) => r.status < 500).catch(() => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

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
  const out = fs.openSync(logFile, "w")
  const nextCli = require.resolve("next/dist/bin/next", { paths: [snapshotDir] })
  log(`starting the storefront (next start) at ${storefrontUrl}, log ${logFile}`)
  const next = spawn(process.execPath, [nextCli, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: snapshotDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      MEDUSA_BACKEND_URL: stack.info.baseUrl,
      STOREFRONT_URL: storefrontUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", out, out],
  })
  onCleanup("next start", () => stopChild(next))
  try {
    await waitFor(`${storefrontUrl}/robots.txt`, next, 60000)
  } catch (error) {
    throw new Error(`${error.message}; see ${logFile}`)
  }
  return { storefrontUrl, backendUrl: stack.info.baseUrl }
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", () => resolve())
    child.kill("SIGTERM")
    setTimeout(() => child.kill("SIGKILL"), 5000).unref()
  })
}
