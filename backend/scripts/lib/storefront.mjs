/**
 * The Next.js storefront for `npm start`: a production build only when its sources changed
 * since the last one, then `next start` pointed at the backend.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const { startNextServer } = require("./next-server.cjs")

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

/** Starts `next start` on the backend; its output goes to logFile. Resolves once it answers, with the child. */
export function startStorefront(storefrontDir, { port, backendUrl, publicUrl, env, logFile }) {
  return startNextServer({ dir: storefrontDir, port, env: { ...env, MEDUSA_BACKEND_URL: backendUrl, STOREFRONT_URL: publicUrl }, logFile, timeoutMs: 120000 })
}
