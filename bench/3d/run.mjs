#!/usr/bin/env node
/**
 * Our 3D pipeline against `gltf-transform optimize <in> <out.glb> --texture-compress webp` (the
 * anchor: its strongest one-line setting), on the same copies of the real models, in the same run.
 * For each model: bytes and wall time of both, our three LODs, triangles and texture sizes read
 * back from the files, the validator's errors, and how far each tool bends the normal map.
 *
 * Goal per model: our LOD0 no bigger than 1.05 x the anchor's file, keeping >= 90% of the input's
 * triangles and every texture at min(original, 2048) px, with 0 validator errors. The goal is
 * printed, never enforced: the exit code is non-zero only when something failed to run.
 *
 * Progress on stderr, the table on stdout, a JSON summary as the last line. Knobs: BENCH_MODELS
 * (comma-separated names), BENCH_RUNS (timed runs per tool, default 1; bytes do not vary),
 * BENCH_MODELS_DIR, BENCH_KEEP=1 (keep the outputs). See bench/README.md ("3d").
 */
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { cleanupAll, onCleanup } from "../lib/cleanup.mjs"
import { inspectModel, validateFile } from "./inspect.mjs"
import { normalMapError } from "./normal-error.mjs"

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const log = (m) => process.stderr.write(`[3d] ${m}\n`)

const MODELS_DIR = path.resolve(process.env.BENCH_MODELS_DIR ?? path.join(repoRoot, "..", "shared", "data", "3d"))
const MODELS = ["Fox.glb", "SunglassesKhronos.glb", "Mixer.glb", "MaterialsVariantsShoe"]
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1))
const ONLY = process.env.BENCH_ONLY ?? process.env.BENCH_MODELS
const OUR_CLI = path.join(repoRoot, "plugins", "3d-assets", "dist", "cli", "optimize.js")
const ANCHOR_CLI = path.join(repoRoot, "node_modules", ".bin", "gltf-transform")
const ANCHOR_ARGS = ["--texture-compress", "webp"]

const GOAL = { lod0VsAnchor: 1.05, triangles: 0.9, maxTexturePx: 2048 }

function run(command, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }))
  })
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const sizeOf = (file) => fs.statSync(file).size
const folderBytes = (dir) => fs.readdirSync(dir).reduce((sum, name) => sum + sizeOf(path.join(dir, name)), 0)
const gzipBytes = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).byteLength
const sha1 = (bytes) => createHash("sha1").update(bytes).digest("hex")

/** The copy both tools read: a .glb, or the folder's .gltf with its resources beside it. */
function stageInput(name, workDir) {
  const source = path.join(MODELS_DIR, name)
  const target = path.join(workDir, "in", name)
  if (fs.statSync(source).isDirectory()) {
    fs.cpSync(source, target, { recursive: true })
    const gltf = fs.readdirSync(target).find((f) => f.toLowerCase().endsWith(".gltf"))
    if (!gltf) throw new Error(`${source} has no .gltf`)
    return { entry: path.join(target, gltf), bytes: folderBytes(target) }
  }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(source, target)
  return { entry: target, bytes: sizeOf(target) }
}

/** Every image once (the Mixer stores one twice), as its longest edge capped at 2048: what LOD0 must keep. */
function expectedEdges(textures) {
  const unique = new Map()
  for (const t of textures) unique.set(t.image ? sha1(t.image) : `${unique.size}`, Math.min(GOAL.maxTexturePx, Math.max(t.width, t.height)))
  return [...unique.values()].sort((a, b) => a - b)
}

const edges = (textures) => textures.map((t) => Math.max(t.width, t.height)).sort((a, b) => a - b)
const normalMaps = (facts) => {
  const seen = new Set()
  return facts.textures.filter((t) => t.slots.includes("normalTexture") && t.image && !seen.has(sha1(t.image)) && seen.add(sha1(t.image)))
}

async function normalErrors(input, output) {
  const reference = normalMaps(input)
  const encoded = normalMaps(output)
  // Pairs by order only when both sides have the same number of distinct normal maps.
  if (!reference.length || reference.length !== encoded.length) return null
  const errors = []
  for (const [i, ref] of reference.entries()) errors.push({ ...(await normalMapError(ref.image, encoded[i].image)), mimeType: encoded[i].mimeType })
  return errors
}

async function measureModel(name, workDir) {
  const input = stageInput(name, workDir)
  const stem = path.basename(input.entry).replace(/\.(glb|gltf)$/i, "")
  const inputFacts = await inspectModel(input.entry)
  log(`${name}: ${input.bytes} bytes, ${inputFacts.triangles} triangles, textures ${edges(inputFacts.textures).join("/") || "none"} px`)

  const ourDir = path.join(workDir, "ours", stem)
  const anchorFile = path.join(workDir, "anchor", `${stem}.glb`)
  fs.mkdirSync(path.dirname(anchorFile), { recursive: true })
  const ourMs = []
  const anchorMs = []
  let summary
  for (let i = 0; i < RUNS; i++) {
    // Ours, then the anchor right after, so machine noise hits both alike.
    const ours = await run(process.execPath, [OUR_CLI, input.entry, "--out", ourDir])
    const last = ours.stdout.trim().split("\n").pop() ?? ""
    summary = JSON.parse(last || "{}")
    if (ours.code !== 0 || !summary.valid) throw new Error(`our pipeline failed on ${name}: ${summary.error ?? ours.stderr.slice(-2000)}`)
    ourMs.push(ours.ms)
    const anchor = await run(ANCHOR_CLI, ["optimize", input.entry, anchorFile, ...ANCHOR_ARGS])
    if (anchor.code !== 0) throw new Error(`gltf-transform failed on ${name}: ${anchor.stderr.slice(-2000)}`)
    anchorMs.push(anchor.ms)
    log(`${name}: run ${i + 1}/${RUNS}: ours ${Math.round(ours.ms)} ms, anchor ${Math.round(anchor.ms)} ms`)
  }

  const lodFiles = summary.lods.sort((a, b) => a.level - b.level).map((lod) => lod.file)
  const lods = []
  for (const file of lodFiles) lods.push({ file, bytes: sizeOf(file), ...(await inspectModel(file)), validation: await validateFile(file) })
  const anchor = { file: anchorFile, bytes: sizeOf(anchorFile), ...(await inspectModel(anchorFile)), validation: await validateFile(anchorFile) }
  const lod0 = lods[0]

  const texturesKept = JSON.stringify(edges(lod0.textures)) === JSON.stringify(expectedEdges(inputFacts.textures))
  const checks = {
    size: lod0.bytes <= GOAL.lod0VsAnchor * anchor.bytes,
    triangles: lod0.triangles >= GOAL.triangles * inputFacts.triangles,
    textures: texturesKept,
    valid: lods.every((lod) => lod.validation.errors === 0),
  }
  return {
    name,
    input: { bytes: input.bytes, triangles: inputFacts.triangles, edges: expectedEdges(inputFacts.textures) },
    lods,
    pipelineTriangles: summary.lods.map((lod) => lod.triangles),
    anchor,
    ourMs: median(ourMs),
    ourPipelineMs: summary.ms,
    anchorMs: median(anchorMs),
    gzip: { ours: gzipBytes(lod0.file), anchor: gzipBytes(anchorFile) },
    normals: { ours: await normalErrors(inputFacts, lod0), anchor: await normalErrors(inputFacts, anchor) },
    checks,
    withinGoal: Object.values(checks).every(Boolean),
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)}K`
const x = (ratio) => `${ratio.toFixed(3)}x`
const pct = (ratio) => `${(ratio * 100).toFixed(1)}%`
const pad = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ")

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)))
  return [pad(header, widths), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map((r) => pad(r, widths))].join("\n")
}

function report(results, anchorVersion) {
  const out = (line = "") => process.stdout.write(`${line}\n`)
  out(`3D pipeline vs gltf-transform ${anchorVersion} \`optimize <in> <out.glb> ${ANCHOR_ARGS.join(" ")}\`, ${results.length} models, ${RUNS} timed run(s) each (K = 1024 bytes; ms = wall time of each CLI)`)
  out()
  out(
    table(
      ["model", "input", "ours LOD0", "LOD1", "LOD2", "anchor", "LOD0/anchor", "gz LOD0/anchor", "ms ours", "ms anchor"],
      results.map((r) => [
        r.name,
        kb(r.input.bytes),
        `${kb(r.lods[0].bytes)} (${pct(r.lods[0].bytes / r.input.bytes)})`,
        `${kb(r.lods[1].bytes)} (${pct(r.lods[1].bytes / r.input.bytes)})`,
        `${kb(r.lods[2].bytes)} (${pct(r.lods[2].bytes / r.input.bytes)})`,
        `${kb(r.anchor.bytes)} (${pct(r.anchor.bytes / r.input.bytes)})`,
        x(r.lods[0].bytes / r.anchor.bytes),
        x(r.gzip.ours / r.gzip.anchor),
        Math.round(r.ourMs),
        Math.round(r.anchorMs),
      ]),
    ),
  )
  out()
  out(
    table(
      ["model", "triangles in", "ours LOD0", "LOD1", "LOD2", "anchor", "textures px in -> LOD0 | anchor", "validator errors ours | anchor"],
      results.map((r) => [
        r.name,
        r.input.triangles,
        `${r.lods[0].triangles} (${pct(r.lods[0].triangles / r.input.triangles)})`,
        r.lods[1].triangles,
        r.lods[2].triangles,
        `${r.anchor.triangles} (${pct(r.anchor.triangles / r.input.triangles)})`,
        `${r.input.edges.join("/") || "-"} -> ${edges(r.lods[0].textures).join("/") || "-"} | ${edges(r.anchor.textures).join("/") || "-"}`,
        `${r.lods.map((l) => l.validation.errors).join("/")} | ${r.anchor.validation.errors}`,
      ]),
    ),
  )
  out()
  const normalCell = (errors) => (errors ? errors.map((e) => `${e.mean.toFixed(2)}/${e.p95.toFixed(1)}/${e.p99.toFixed(1)} ${e.mimeType.replace("image/", "")}`).join(", ") : "-")
  out("normal maps, angle to the original's normals in degrees (mean/p95/p99, format):")
  for (const r of results.filter((r) => r.normals.ours || r.normals.anchor)) out(`  ${r.name.padEnd(24)} ours LOD0 ${normalCell(r.normals.ours)}   anchor ${normalCell(r.normals.anchor)}`)
  out()
  const shrinkOurs = median(results.map((r) => r.lods[0].bytes / r.input.bytes))
  const shrinkAnchor = median(results.map((r) => r.anchor.bytes / r.input.bytes))
  out(`median size vs input: ours LOD0 ${pct(shrinkOurs)}, anchor ${pct(shrinkAnchor)}`)
  const simplified = results.filter((r) => r.anchor.triangles < r.input.triangles)
  if (simplified.length) {
    out(
      `note: the anchor's default optimize also simplifies meshes (meshoptimizer, error 1e-4) and joins them: it keeps ` +
        simplified.map((r) => `${pct(r.anchor.triangles / r.input.triangles)} of ${r.name}'s triangles`).join(", ") +
        `; our LOD0 keeps them all by rule, so its bytes carry ${simplified.length === results.length ? "every" : "those"} model's full geometry.`,
    )
  }
  out()
  out(`goal per model: LOD0 <= ${GOAL.lod0VsAnchor} x anchor, LOD0 triangles >= ${GOAL.triangles} x input, LOD0 textures = min(original, ${GOAL.maxTexturePx}) px, 0 validator errors`)
  for (const r of results) {
    const misses = Object.entries(r.checks).filter(([, ok]) => !ok).map(([k]) => k)
    out(`  ${r.name.padEnd(24)} ${r.withinGoal ? "PASS" : `MISS (${misses.join(", ")})`}  LOD0/anchor ${x(r.lods[0].bytes / r.anchor.bytes)}`)
  }
  out(
    JSON.stringify({
      models: results.length,
      anchor: `gltf-transform ${anchorVersion} optimize ${ANCHOR_ARGS.join(" ")}`,
      lod0_vs_anchor: Object.fromEntries(results.map((r) => [r.name, +(r.lods[0].bytes / r.anchor.bytes).toFixed(3)])),
      median_shrink_ours: +shrinkOurs.toFixed(3),
      median_shrink_anchor: +shrinkAnchor.toFixed(3),
      all_within_goal: results.every((r) => r.withinGoal),
    }),
  )
}

function checkBuild() {
  if (!fs.existsSync(OUR_CLI)) throw new Error(`${path.relative(repoRoot, OUR_CLI)} is missing: run \`npm run build -w medusa-plugin-3d-assets\` first`)
  const built = fs.statSync(OUR_CLI).mtimeMs
  const srcDir = path.join(repoRoot, "plugins", "3d-assets", "src")
  const newer = fs.readdirSync(srcDir, { recursive: true }).filter((f) => f.endsWith(".ts") && fs.statSync(path.join(srcDir, f)).mtimeMs > built)
  if (newer.length) log(`WARNING: plugins/3d-assets/src is newer than its build (${newer.slice(0, 3).join(", ")}): you are measuring an old build`)
  if (!fs.existsSync(ANCHOR_CLI)) throw new Error("node_modules/.bin/gltf-transform is missing (bench devDependency @gltf-transform/cli)")
}

async function main() {
  checkBuild()
  const anchorVersion = (await run(ANCHOR_CLI, ["--version"])).stdout.trim().split("\n").pop()
  const models = ONLY ? MODELS.filter((m) => ONLY.split(",").some((o) => m.toLowerCase().startsWith(o.trim().toLowerCase()))) : MODELS
  if (!models.length) throw new Error(`BENCH_MODELS matched none of ${MODELS.join(", ")}`)
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-3d-"))
  if (process.env.BENCH_KEEP === "1") log(`outputs kept in ${workDir}`)
  else onCleanup("work directory", () => fs.rmSync(workDir, { recursive: true, force: true }))
  log(`ours: ${path.relative(repoRoot, OUR_CLI)}; anchor: gltf-transform ${anchorVersion} optimize ${ANCHOR_ARGS.join(" ")}; models from ${MODELS_DIR}`)
  const results = []
  for (const name of models) results.push(await measureModel(name, workDir))
  report(results, anchorVersion)
}

main()
  .catch((error) => {
    log(`failed: ${error?.stack ?? error}`)
    process.exitCode = 1
  })
  .finally(() => cleanupAll())
