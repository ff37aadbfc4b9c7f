/** Facts about a document that the metadata records and the tests check. */
import { ImageUtils, Primitive, type Document } from "@gltf-transform/core"
import { getBounds } from "@gltf-transform/functions"
import { isNormalMap } from "./textures"

export type BoundingBox = { min: [number, number, number]; max: [number, number, number]; size: [number, number, number] }

export type TextureFacts = { name: string; mimeType: string; width: number; height: number; normalMap: boolean }

export type GeometryCounts = { triangles: number; vertices: number }

/** Triangles and vertices summed over meshes (not instances), as the validator counts them. */
export function geometryCounts(document: Document): GeometryCounts {
  let triangles = 0
  let vertices = 0
  for (const mesh of document.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      const position = prim.getAttribute("POSITION")
      vertices += position?.getCount() ?? 0
      triangles += triangleCount(prim)
    }
  }
  return { triangles, vertices }
}

function triangleCount(prim: Primitive): number {
  const count = prim.getIndices()?.getCount() ?? prim.getAttribute("POSITION")?.getCount() ?? 0
  switch (prim.getMode()) {
    case Primitive.Mode.TRIANGLES:
      return Math.floor(count / 3)
    case Primitive.Mode.TRIANGLE_STRIP:
    case Primitive.Mode.TRIANGLE_FAN:
      return Math.max(0, count - 2)
    default:
      return 0
  }
}

/** World-space bounds of every scene, in metres (glTF's unit). Null for a model without geometry. */
export function boundingBox(document: Document): BoundingBox | null {
  let min = [Infinity, Infinity, Infinity]
  let max = [-Infinity, -Infinity, -Infinity]
  for (const scene of document.getRoot().listScenes()) {
    const bounds = getBounds(scene)
    min = min.map((v, i) => Math.min(v, bounds.min[i]))
    max = max.map((v, i) => Math.max(v, bounds.max[i]))
  }
  if (!min.every(Number.isFinite) || !max.every(Number.isFinite)) return null
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  const triple = (values: number[]) => values.map(round) as [number, number, number]
  return { min: triple(min), max: triple(max), size: triple(max.map((v, i) => v - min[i])) }
}

export function textureFacts(document: Document): TextureFacts[] {
  return document.getRoot().listTextures().map((texture, index) => {
    const image = texture.getImage()
    const size = image ? ImageUtils.getSize(image, texture.getMimeType()) : null
    return {
      name: texture.getName() || texture.getURI() || `texture ${index}`,
      mimeType: texture.getMimeType(),
      width: size?.[0] ?? 0,
      height: size?.[1] ?? 0,
      normalMap: isNormalMap(texture),
    }
  })
}

export const largestTexturePx = (textures: TextureFacts[]): number => Math.max(0, ...textures.map((t) => Math.max(t.width, t.height)))

export const extensionsUsed = (document: Document): string[] =>
  document.getRoot().listExtensionsUsed().map((extension) => extension.extensionName).sort()
