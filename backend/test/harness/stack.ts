/**
 * Starts scripts/test-stack.mjs (fresh database, migrations, seed, real server) and
 * resolves with what it reports once the server answers /health.
 */
import { ChildProcess, spawn } from "child_process"
import path from "path"

export type StackInfo = {
  baseUrl: string
  databaseUrl: string
  logDir: string
  adminEmail: string
  adminPassword: string
  pid: number
}

export type RunningStack = { info: StackInfo; stop: () => Promise<void> }

const script = path.resolve(__dirname, "..", "..", "scripts", "test-stack.mjs")

export function startStack(extraEnv: Record<string, string> = {}, timeoutMs = 240000): Promise<RunningStack> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [script], {
      env: { ...process.env, TEST_STACK_EXTRA_ENV: JSON.stringify(extraEnv) },
      stdio: ["pipe", "pipe", "inherit"],
    })
    let buffer = ""
    const timer = setTimeout(() => {
      child.kill("SIGTERM")
      reject(new Error(`test stack not ready within ${timeoutMs / 1000}s`))
    }, timeoutMs)
    child.stdout!.on("data", (chunk) => {
      buffer += chunk.toString()
      const line = buffer.split("\n").find((l) => l.startsWith("READY "))
      if (!line) return
      clearTimeout(timer)
      const info = JSON.parse(line.slice("READY ".length)) as StackInfo
      resolve({
        info,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once("exit", () => done())
            child.kill("SIGTERM")
          }),
      })
    })
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`test stack exited with code ${code} before it was ready`))
    })
  })
}
