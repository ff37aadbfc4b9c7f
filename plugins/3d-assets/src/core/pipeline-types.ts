/** What the pipeline takes and gives back; the service stores these, the CLI prints them. */
import type { Problem } from "@fashion/plugin-kit/result"
import type { Compression, CompressionChoice } from "./compression"
import type { UploadLimits } from "./limits"
import type { LodSpec } from "./lod"
import type { UploadedFile } from "./model-package"
import type { BoundingBox, TextureFacts } from "./model-stats"
import type { NormalMapPolicy } from "./textures"
import type { ValidationSummary } from "./validation"

export type ProgressCallback = (stage: string, fraction: number) => void

export type PipelineOptions = {
  limits?: Partial<UploadLimits>
  lods?: LodSpec[]
  compression?: CompressionChoice
  /** sharp's WebP quality, 1..100. */
  webpQuality?: number
  /** "keep-format" (default) spares normal maps lossy WebP; "webp" makes the smallest files. */
  normalMaps?: NormalMapPolicy
  onProgress?: ProgressCallback
}

export type LodOutput = {
  level: number
  targetRatio: number
  fileName: string
  glb: Uint8Array
  bytes: number
  triangles: number
  vertices: number
  maxTexturePx: number
  textures: TextureFacts[]
  extensionsUsed: string[]
  validation: ValidationSummary
}

export type LodMetadata = Omit<LodOutput, "glb">

export type LodFailure = { level: number; problems: Problem[] }

export type ModelMetadata = {
  input: {
    bytes: number
    triangles: number
    vertices: number
    maxTexturePx: number
    textures: TextureFacts[]
    extensionsUsed: string[]
    animations: number
    validation: ValidationSummary
  }
  /** World-space bounds of the input in metres; null when it has no geometry. */
  boundingBox: BoundingBox | null
  compression: Compression
  lods: LodMetadata[]
  processingMs: number
}

export type OptimizedModel = { lods: LodOutput[]; failedLods: LodFailure[]; metadata: ModelMetadata }

/** The untouched upload comes back as the master, for the caller to store beside the LODs. */
export type OptimizedUpload = OptimizedModel & { master: UploadedFile }
