/**
 * A second backend process on the test stack's database and Redis, as a second replica
 * behind the proxy would be (MEDUSA_WORKER_MODE=server: it serves requests; the stack's own
 * server is the worker that runs loops and subscribers). Its log: <logDir>/replica-<port>.log.
 * `workerMode: "worker"` starts a second worker instead (loops, and with Redis subscribers).
 */
import { spawn, type ChildProcess } from "child_process"
import fs from "fs"
import path from "path"
import { stackInfo } from "./api"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require("../../scripts/lib/next-server.cjs") as { freePort: () => Promise<number> }

export type Replica = { baseUrl: string; pid: number; logFile: string; stop: () => Promise<void> }

const backendDir = path.resolve(__dirname, "..", "..")

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the replica exited (${child.signalCode ?? `code ${child.exitCode}`}); see ${logFile}`)
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the replica did not answer ${baseUrl}/health within ${timeoutMs / 1000}s; see ${logFile}`)
}

export async function startReplica(timeoutMs = 120_000, options: { workerMode?: "server" | "worker" } = {}): Promise<Replica> {
  const { logDir } = stackInfo()
  const serverEnv = JSON.parse(fs.readFileSync(path.join(logDir, "server-env.json"), "utf8")) as Record<string, string>
  const port = await freePort()
  const logFile = path.join(logDir, `replica-${port}.log`)
  const out = fs.openSync(logFile, "a")
  const child = spawn(process.execPath, [require.resolve("@medusajs/medusa-cli/cli.js"), "start"], {
    cwd: backendDir,
    env: { ...process.env, ...serverEnv, PORT: String(port), MEDUSA_BACKEND_URL: `http://localhost:${port}`, MEDUSA_WORKER_MODE: options.workerMode ?? "server" },
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)
  const baseUrl = `http://127.0.0.1:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once("exit", () => resolve())
      child.kill("SIGTERM")
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref()
    })
  try {
    await waitForHealth(baseUrl, child, logFile, timeoutMs)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, pid: child.pid!, logFile, stop }
}
