/**
 * One real backend (fresh database, migrations, seed) and the storefront's production
 * build on `next start`, shared by every e2e test file; their URLs go to STATE_FILE.
 */
import fs from "fs"
import net from "net"
import path from "path"
import { spawn, type ChildProcess } from "child_process"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require("../../../backend/scripts/lib/test-stack-client.cjs")

export const STATE_FILE = path.resolve(__dirname, "..", ".e2e-stack.json")
const storefrontDir = path.resolve(__dirname, "..", "..")

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`)
    const ok = await fetch(url, { redirect: "manual" }).then((r) => r.status < 500).catch(() => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

export default async function globalSetup(): Promise<void> {
  // While writing tests: reuse a running store instead of starting one per run.
  if (process.env.E2E_STOREFRONT_URL && process.env.E2E_BACKEND_URL) {
    const backend = { baseUrl: process.env.E2E_BACKEND_URL, adminEmail: "admin@example.com", adminPassword: "supersecret" }
    fs.writeFileSync(STATE_FILE, JSON.stringify({ backend, storefrontUrl: process.env.E2E_STOREFRONT_URL, storefrontLog: null }))
    return
  }
  if (!fs.existsSync(path.join(storefrontDir, ".next", "BUILD_ID"))) {
    throw new Error("The storefront is not built: run `npm run build -w storefront` (npm test at the root builds first)")
  }
  const stack = await startStack()
  const port = await freePort()
  const storefrontUrl = `http://127.0.0.1:${port}`
  const logFile = path.join(stack.info.logDir, "storefront.log")
  const log = fs.openSync(logFile, "w")
  const nextCli = require.resolve("next/dist/bin/next", { paths: [storefrontDir] })
  const next = spawn(process.execPath, [nextCli, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: storefrontDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      MEDUSA_BACKEND_URL: stack.info.baseUrl,
      STOREFRONT_URL: storefrontUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", log, log],
  })
  try {
    await waitFor(`${storefrontUrl}/robots.txt`, next, 60000)
  } catch (error) {
    next.kill("SIGTERM")
    await stack.stop()
    throw new Error(`${(error as Error).message}; see ${logFile}`)
  }
  fs.writeFileSync(STATE_FILE, JSON.stringify({ backend: stack.info, storefrontUrl, storefrontLog: logFile }))
  Object.assign(globalThis, { __E2E__: { stack, next } })
}
