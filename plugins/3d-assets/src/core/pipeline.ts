/**
 * The whole pipeline: refuse what is not a safe, valid model; clean it; build every LOD;
 * validate each output; describe the result. Either everything the caller needs comes back,
 * or a Rejection does: never a half-processed model.
 */
import { cloneDocument, dedup, prune, resample, unpartition, weld } from "@gltf-transform/functions"
import { performance } from "node:perf_hooks"
import { buildLod, isLodFailure } from "./build-lod"
import { chooseCompression, isAnimated } from "./compression"
import { resolveLimits } from "./limits"
import { DEFAULT_LODS, lodFileName } from "./lod"
import { packageBytes, type ModelPackage, type UploadedFile } from "./model-package"
import { boundingBox, extensionsUsed, geometryCounts, largestTexturePx, textureFacts } from "./model-stats"
import type { LodFailure, LodOutput, OptimizedModel, OptimizedUpload, PipelineOptions } from "./pipeline-types"
import { progressReporter } from "./progress"
import { checkResources, checkSize, readUpload } from "./read-upload"
import { readDocument } from "./read-document"
import { rejectionOf, UploadRejected, type Outcome } from "./rejection"
import { DEFAULT_TEXTURE_OPTIONS } from "./textures"
import { validatePackage } from "./validation"

/** For the HTTP upload: a .glb, a .zip of a .gltf with its files, or a self-contained .gltf. */
export async function optimizeUpload(upload: UploadedFile, options: PipelineOptions = {}): Promise<Outcome<OptimizedUpload>> {
  try {
    const pkg = readUpload(upload, resolveLimits(options.limits))
    const model = await optimizePackage(pkg, options)
    if (!model.ok) return model
    // The merchant's upload is the input; for a zip that is the archive, not its unpacked files.
    const metadata = { ...model.value.metadata, input: { ...model.value.metadata.input, bytes: upload.bytes.byteLength } }
    return { ok: true, value: { ...model.value, metadata, master: upload } }
  } catch (error) {
    const rejection = rejectionOf(error)
    if (rejection) return rejection
    throw error
  }
}

/** For callers that already hold the files, such as the CLI given a .gltf with its resources beside it. */
export async function optimizePackage(pkg: ModelPackage, options: PipelineOptions = {}): Promise<Outcome<OptimizedModel>> {
  try {
    return { ok: true, value: await runPipeline(pkg, options) }
  } catch (error) {
    const rejection = rejectionOf(error)
    if (rejection) return rejection
    throw error
  }
}

async function runPipeline(pkg: ModelPackage, options: PipelineOptions): Promise<OptimizedModel> {
  const started = performance.now()
  const lods = [...(options.lods ?? DEFAULT_LODS)].sort((a, b) => b.ratio - a.ratio)
  const progress = progressReporter(options.onProgress, [
    ["validate", 1],
    ["read", 1],
    ["clean", 1],
    ...lods.map((spec): [string, number] => [`lod${spec.level}`, 3]),
    ["done", 0],
  ])
  const inputBytes = packageBytes(pkg)
  checkSize(inputBytes, resolveLimits(options.limits))
  if (!/\.glb$/i.test(pkg.entry)) checkResources(pkg)

  progress("validate")
  const inputValidation = await validatePackage(pkg)
  if (inputValidation.summary.errors > 0) throw new UploadRejected("invalid_model", inputValidation.errorSentences)

  progress("read")
  const document = await readDocument(pkg)
  const inputCounts = geometryCounts(document)
  const inputTextures = textureFacts(document)
  const input = {
    bytes: inputBytes,
    ...inputCounts,
    maxTexturePx: largestTexturePx(inputTextures),
    textures: inputTextures,
    extensionsUsed: extensionsUsed(document),
    animations: document.getRoot().listAnimations().length,
    validation: inputValidation.summary,
  }
  const bounds = boundingBox(document)
  const compression = chooseCompression({ triangles: inputCounts.triangles, animated: isAnimated(document) }, options.compression)

  progress("clean")
  await document.transform(dedup(), prune(), resample(), unpartition(), weld())

  const outputs: LodOutput[] = []
  const failedLods: LodFailure[] = []
  for (const [index, spec] of lods.entries()) {
    progress(`lod${spec.level}`)
    // The last LOD may consume the cleaned document; every earlier one works on a copy.
    const working = index === lods.length - 1 ? document : cloneDocument(document)
    const fileName = lodFileName(pkg.entry, spec.level)
    const result = await buildLod(working, {
      spec,
      fileName,
      compression,
      webpQuality: options.webpQuality ?? DEFAULT_TEXTURE_OPTIONS.webpQuality,
      normalMaps: options.normalMaps ?? DEFAULT_TEXTURE_OPTIONS.normalMaps,
    })
    if (isLodFailure(result)) {
      if (index === 0) throw new UploadRejected("output_invalid", result.problems.map((p) => `The optimised model failed validation: ${p.message}`))
      failedLods.push(result)
    } else outputs.push(result)
    progress(`lod${spec.level}`, 1)
  }

  progress("done", 1)
  return {
    lods: outputs,
    failedLods,
    metadata: {
      input,
      boundingBox: bounds,
      compression,
      lods: outputs.map(({ glb: _glb, ...facts }) => facts),
      processingMs: Math.round(performance.now() - started),
    },
  }
}
