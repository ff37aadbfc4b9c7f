/** The one JSON line the CLI prints last, which scripts and the bench parse. */
import { join } from "node:path"
import type { OptimizedModel } from "../core"

export type CliSummary = {
  input_bytes: number
  input_triangles: number | null
  valid: boolean
  error?: string
  lods: { level: number; file: string; bytes: number; triangles: number; max_texture_px: number }[]
  ms: number
}

export const successSummary = (model: OptimizedModel, outDir: string, inputBytes: number, ms: number): CliSummary => ({
  input_bytes: inputBytes,
  input_triangles: model.metadata.input.triangles,
  valid: true,
  lods: model.lods.map((lod) => ({
    level: lod.level,
    file: join(outDir, lod.fileName),
    bytes: lod.bytes,
    triangles: lod.triangles,
    max_texture_px: lod.maxTexturePx,
  })),
  ms,
})

export const refusalSummary = (error: string, inputBytes: number, ms: number): CliSummary => ({
  input_bytes: inputBytes,
  input_triangles: null,
  valid: false,
  error,
  lods: [],
  ms,
})
