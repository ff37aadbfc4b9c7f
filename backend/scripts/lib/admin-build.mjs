/**
 * Builds the Medusa admin into backend/build only when its inputs changed (admin
 * version, medusa-config.js, admin extensions of the backend and of our plugins, the
 * plugins' extension bundles, and the compiled admin UI kit the backend's extensions import).
 */
import fs from "node:fs"
import path from "node:path"
import crypto from "node:crypto"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

export function adminBuildStamp(backendDir) {
  const hash = crypto.createHash("sha256")
  hash.update(require("@medusajs/admin/package.json").version)
  hash.update(fs.readFileSync(path.join(backendDir, "medusa-config.js")))
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(p)
      else hash.update(path.relative(backendDir, p)).update(fs.readFileSync(p))
    }
  }
  walk(path.join(backendDir, "src", "admin"))
  // The backend's own extensions (src/admin) import the admin UI kit as compiled, so it is an input too.
  walk(path.join(backendDir, "..", "packages", "plugin-kit", "dist", "admin"))
  const pluginsDir = path.join(backendDir, "..", "plugins")
  // A plugin's extensions reach the admin build as its bundle (dist/admin/_virtual_entry.js,
  // written by `medusa-admin bundle` in the plugin's build), so the bundle is an input too:
  // a plugin rebuilt after the admin was built makes the admin stale.
  if (fs.existsSync(pluginsDir)) {
    for (const p of fs.readdirSync(pluginsDir).sort()) {
      walk(path.join(pluginsDir, p, "src", "admin"))
      walk(path.join(pluginsDir, p, "dist", "admin"))
    }
  }
  return hash.digest("hex")
}

export function isAdminBuildFresh(backendDir) {
  const stampFile = path.join(backendDir, "build", ".build-stamp")
  return (
    fs.existsSync(path.join(backendDir, "build", "index.html")) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, "utf8") === adminBuildStamp(backendDir)
  )
}

/** @param run a step runner's run(): (command, args, options) => Promise<void> */
export async function buildAdmin(backendDir, run, env) {
  const adminCli = path.join(path.dirname(require.resolve("@medusajs/admin/package.json")), "bin", "medusa-admin.js")
  await run(process.execPath, [adminCli, "build"], { cwd: backendDir, env, logName: "admin-build" })
  fs.writeFileSync(path.join(backendDir, "build", ".build-stamp"), adminBuildStamp(backendDir))
}
