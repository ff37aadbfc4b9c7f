/**
 * The pipeline in a child process of its own, so a 100 MB model neither blocks the
 * server's event loop nor takes the server down if it runs out of memory. The parent
 * (src/lib/model-worker-process.ts) forks this file with one JSON argument and reads
 * `progress` and `result` messages; outputs go to files in `out_dir`.
 */
import fs from "fs"
import path from "path"
import { optimizeUpload, readUpload, resolveLimits, UploadLimits, UploadRejected, validatePackage } from "../core"

export type WorkerTask = { mode: "check" | "optimize"; input_path: string; name: string; out_dir?: string; limits?: Partial<UploadLimits> }

export type WorkerLod = { level: number; file: string; bytes: number; triangles: number; vertices: number; max_texture_px: number }

export type WorkerResult =
  | { ok: true; mode: "check"; summary: { errors: number; warnings: number } }
  | { ok: true; mode: "optimize"; lods: WorkerLod[]; bbox: { min: number[]; max: number[] } | null; metadata: Record<string, unknown> }
  | { ok: false; code: string; problems: { field: string; message: string }[] }

export type WorkerMessage = { type: "progress"; stage: string; fraction: number } | { type: "result"; result: WorkerResult }

const send = (message: WorkerMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()))

async function check(task: WorkerTask): Promise<WorkerResult> {
  try {
    const pkg = readUpload({ name: task.name, bytes: fs.readFileSync(task.input_path) }, resolveLimits(task.limits))
    const validation = await validatePackage(pkg)
    if (validation.summary.errors > 0) return { ok: false, code: "invalid_model", problems: validation.errorSentences.map((message) => ({ field: "file", message })) }
    return { ok: true, mode: "check", summary: { errors: 0, warnings: validation.summary.warnings } }
  } catch (error) {
    if (error instanceof UploadRejected) return { ok: false, code: error.code, problems: error.problems }
    throw error
  }
}

async function optimize(task: WorkerTask): Promise<WorkerResult> {
  let lastSent = 0
  const outcome = await optimizeUpload(
    { name: task.name, bytes: fs.readFileSync(task.input_path) },
    {
      limits: task.limits,
      onProgress: (stage, fraction) => {
        // A message per stage change and at most ~4 a second otherwise: the parent writes them to the database.
        if (Date.now() - lastSent > 250 || fraction >= 1) {
          lastSent = Date.now()
          void send({ type: "progress", stage, fraction })
        }
      },
    }
  )
  if (!outcome.ok) return { ok: false, code: outcome.code, problems: outcome.problems }
  const { lods, metadata } = outcome.value
  fs.mkdirSync(task.out_dir!, { recursive: true })
  const written: WorkerLod[] = lods.map((lod) => {
    const file = path.join(task.out_dir!, lod.fileName)
    fs.writeFileSync(file, lod.glb)
    return { level: lod.level, file, bytes: lod.bytes, triangles: lod.triangles, vertices: lod.vertices, max_texture_px: lod.maxTexturePx }
  })
  const bbox = metadata.boundingBox ? { min: [...metadata.boundingBox.min], max: [...metadata.boundingBox.max] } : null
  // The child's own high-water mark (maxRSS is in KB): what a model of this size costs to process.
  const peakMemoryMb = Math.round(process.resourceUsage().maxRSS / 1024)
  return { ok: true, mode: "optimize", lods: written, bbox, metadata: { ...JSON.parse(JSON.stringify(metadata)), peak_memory_mb: peakMemoryMb } }
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? "{}") as WorkerTask
  let result: WorkerResult
  try {
    result = task.mode === "check" ? await check(task) : await optimize(task)
  } catch (error) {
    result = { ok: false, code: "processing_error", problems: [{ field: "file", message: `Processing stopped unexpectedly: ${(error as Error).message}` }] }
  }
  await send({ type: "result", result })
  process.exit(0)
}

if (require.main === module) void main()
