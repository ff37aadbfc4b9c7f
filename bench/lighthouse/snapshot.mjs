/**
 * A private copy of the storefront's production build for `next start`, so that
 * someone running `next build` in storefront/ during the bench cannot pull the chunks
 * from under the server (it then answers 500 for them and the scores mean nothing).
 */
import fs from "node:fs"
import path from "node:path"
import { spawnSync } from "node:child_process"

const log = (m) => process.stderr.write(`[lighthouse] ${m}\n`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Newest modification time under dir (skips node_modules), to spot a stale build. */
function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

const readBuildId = (nextDir) => {
  try {
    return fs.readFileSync(path.join(nextDir, "BUILD_ID"), "utf8").trim()
  } catch {
    return null
  }
}

/**
 * Makes sure storefront/.next holds a finished build: builds it when there is none,
 * waits when one seems to be under way (a .next without BUILD_ID).
 */
async function ensureBuilt(repoRoot, storefrontDir) {
  const nextDir = path.join(storefrontDir, ".next")
  if (!fs.existsSync(nextDir)) {
    log("the storefront is not built; running `npm run build -w storefront` (a few minutes)…")
    const res = spawnSync("npm", ["run", "build", "-w", "storefront"], { cwd: repoRoot, stdio: ["ignore", process.stderr, process.stderr] })
    if (res.status !== 0 || !readBuildId(nextDir)) throw new Error("`npm run build -w storefront` failed; fix the build, then rerun `npm run bench:lighthouse`")
    return
  }
  const deadline = Date.now() + 10 * 60 * 1000
  let told = false
  while (!readBuildId(nextDir)) {
    if (Date.now() > deadline) {
      throw new Error("storefront/.next has no BUILD_ID after 10 min: finish or rerun `npm run build -w storefront`, then rerun the bench")
    }
    if (!told) log("storefront/.next has no BUILD_ID: a build seems to be under way, waiting for it (up to 10 min)…")
    told = true
    await sleep(5000)
  }
  if (newestMtime(path.join(storefrontDir, "src")) > fs.statSync(path.join(nextDir, "BUILD_ID")).mtimeMs) {
    log("warning: storefront/src changed after the last build; these scores are for that build (`npm run build -w storefront` to refresh)")
  }
}

/**
 * Copies the build (without .next/cache) plus what `next start` reads besides it:
 * next.config.ts and the src it imports, tsconfig.json, package.json, public/. Its
 * node_modules is a link to storefront/node_modules (the storefront's own react);
 * everything else resolves from the repo root as usual.
 * @returns {Promise<{ dir: string, buildId: string }>}
 */
export async function snapshotStorefront(repoRoot, storefrontDir, targetDir) {
  await ensureBuilt(repoRoot, storefrontDir)
  const nextDir = path.join(storefrontDir, ".next")
  for (let attempt = 1; attempt <= 5; attempt++) {
    const before = readBuildId(nextDir)
    fs.rmSync(targetDir, { recursive: true, force: true })
    fs.mkdirSync(targetDir, { recursive: true })
    try {
      fs.cpSync(nextDir, path.join(targetDir, ".next"), {
        recursive: true,
        filter: (src) => src !== path.join(nextDir, "cache") && !src.startsWith(path.join(nextDir, "cache") + path.sep),
      })
      for (const name of ["next.config.ts", "package.json", "tsconfig.json", "public", "src"]) {
        const src = path.join(storefrontDir, name)
        if (fs.existsSync(src)) fs.cpSync(src, path.join(targetDir, name), { recursive: true })
      }
      fs.symlinkSync(path.join(storefrontDir, "node_modules"), path.join(targetDir, "node_modules"), "dir")
    } catch (error) {
      log(`copying the build failed (${error.code ?? error.message}), a build is probably running; retrying (${attempt}/5)…`)
      await sleep(10000)
      await ensureBuilt(repoRoot, storefrontDir)
      continue
    }
    const after = readBuildId(nextDir)
    if (before && before === after && readBuildId(path.join(targetDir, ".next")) === before) return { dir: targetDir, buildId: before }
    log(`storefront/.next changed while it was being copied; retrying (${attempt}/5)…`)
    await sleep(10000)
    await ensureBuilt(repoRoot, storefrontDir)
  }
  throw new Error("could not copy a consistent storefront build (it kept being rebuilt); rerun when nobody is building the storefront")
}
