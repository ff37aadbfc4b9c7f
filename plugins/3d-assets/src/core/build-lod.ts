/** Produces one LOD file from a cleaned document, and checks it with the validator. */
import type { Document } from "@gltf-transform/core"
import { compressGeometry, type Compression } from "./compression"
import { gltfIO } from "./gltf-io"
import { simplifyTo, type LodSpec } from "./lod"
import { extensionsUsed, geometryCounts, largestTexturePx, textureFacts } from "./model-stats"
import type { LodFailure, LodOutput } from "./pipeline-types"
import { optimiseTextures, type NormalMapPolicy } from "./textures"
import { validateGlb } from "./validation"

export type LodBuild = { spec: LodSpec; fileName: string; compression: Compression; webpQuality: number; normalMaps: NormalMapPolicy }

export async function buildLod(document: Document, build: LodBuild): Promise<LodOutput | LodFailure> {
  const { spec, fileName } = build
  await simplifyTo(document, spec.ratio)
  await optimiseTextures(document, { maxPx: spec.maxTexturePx, webpQuality: build.webpQuality, normalMaps: build.normalMaps })
  // Counted before compression: quantisation and meshopt keep counts but make accessors opaque.
  const counts = geometryCounts(document)
  const textures = textureFacts(document)
  await compressGeometry(document, build.compression)
  const glb = await (await gltfIO()).writeBinary(document)
  const validation = await validateGlb(fileName, glb)
  if (validation.summary.errors > 0) {
    return { level: spec.level, problems: validation.errorSentences.map((message) => ({ field: `lod${spec.level}`, message })) }
  }
  return {
    level: spec.level,
    targetRatio: spec.ratio,
    fileName,
    glb,
    bytes: glb.byteLength,
    triangles: counts.triangles,
    vertices: counts.vertices,
    maxTexturePx: largestTexturePx(textures),
    textures,
    extensionsUsed: extensionsUsed(document),
    validation: validation.summary,
  }
}

export const isLodFailure = (result: LodOutput | LodFailure): result is LodFailure => "problems" in result
