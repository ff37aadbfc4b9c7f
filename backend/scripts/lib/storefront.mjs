/**
 * The Next.js storefront for `npm start`: a production build only when its sources changed
 * since the last one, then `next start` pointed at the backend.
 */
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function isStorefrontBuildFresh(storefrontDir) {
  const buildId = path.join(storefrontDir, ".next", "BUILD_ID")
  if (!fs.existsSync(buildId)) return false
  const inputs = ["src", "public", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"]
  const newestInput = Math.max(...inputs.map((p) => newestMtime(path.join(storefrontDir, p))))
  return newestInput < fs.statSync(buildId).mtimeMs
}

function nextCli(storefrontDir) {
  return require.resolve("next/dist/bin/next", { paths: [storefrontDir] })
}

/** @param run a step runner's run(): (command, args, options) => Promise<void> */
export async function buildStorefront(storefrontDir, run, env) {
  await run(process.execPath, [nextCli(storefrontDir), "build"], { cwd: storefrontDir, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, logName: "storefront-build" })
}

/** Starts `next start`; its output goes to logFile. Resolves once it answers, with the child. */
export async function startStorefront(storefrontDir, { port, backendUrl, publicUrl, env, logFile }) {
  const log = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, [nextCli(storefrontDir), "start", "-p", String(port)], {
    cwd: storefrontDir,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", MEDUSA_BACKEND_URL: backendUrl, STOREFRONT_URL: publicUrl, PORT: String(port) },
    stdio: ["ignore", log, log],
  })
  const url = `http://localhost:${port}`
  while (!(await fetch(`${url}/robots.txt`).then((r) => r.ok).catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`the storefront exited (code ${child.exitCode}); see ${logFile}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return child
}
