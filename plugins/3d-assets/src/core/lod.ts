/**
 * Levels of detail: LOD0 keeps every triangle (only cleanup and lossless-enough compression),
 * the others are simplified copies for distant or low-end viewing, with smaller textures
 * since they are seen smaller on screen.
 */
import type { Document } from "@gltf-transform/core"
import { prune, simplify } from "@gltf-transform/functions"
import { MeshoptSimplifier } from "meshoptimizer"

export type LodSpec = { level: number; ratio: number; maxTexturePx: number }

export const DEFAULT_LODS: LodSpec[] = [
  { level: 0, ratio: 1, maxTexturePx: 2048 },
  { level: 1, ratio: 0.5, maxTexturePx: 1024 },
  { level: 2, ratio: 0.15, maxTexturePx: 512 },
]

// Relative to each mesh's extent; generous so the ratio, not the error, decides where
// simplification stops, while still keeping the silhouette.
const SIMPLIFY_ERROR = 0.05

export async function simplifyTo(document: Document, ratio: number): Promise<void> {
  if (ratio >= 1) return
  await MeshoptSimplifier.ready
  await document.transform(simplify({ simplifier: MeshoptSimplifier, ratio, error: SIMPLIFY_ERROR }), prune())
}

export const lodFileName = (entry: string, level: number): string => {
  const base = (entry.split("/").pop() ?? "model").replace(/\.(glb|gltf|zip)$/i, "") || "model"
  return `${base}.lod${level}.glb`
}
