/** Loads a validated ModelPackage into a gltf-transform Document. */
import type { Document, JSONDocument } from "@gltf-transform/core"
import { gltfIO } from "./gltf-io"
import { isGlbName, resolvePackagePath, type ModelPackage } from "./model-package"
import { externalUris, parseGltfJson } from "./read-upload"
import { UploadRejected } from "./rejection"

export async function readDocument(pkg: ModelPackage): Promise<Document> {
  const io = await gltfIO()
  const entryBytes = pkg.files.get(pkg.entry)!
  try {
    if (isGlbName(pkg.entry)) return await io.readBinary(entryBytes)
    const resources: Record<string, Uint8Array> = {}
    for (const uri of externalUris(pkg)) resources[uri] = pkg.files.get(resolvePackagePath(pkg.entry, uri) ?? "")!
    return await io.readJSON({ json: parseGltfJson(entryBytes) as JSONDocument["json"], resources: resources as JSONDocument["resources"] })
  } catch (error) {
    if (error instanceof UploadRejected) throw error
    // The validator passed it, so this is a model the library cannot load (e.g. an unusual extension).
    throw new UploadRejected("invalid_model", `The model passed validation but could not be loaded: ${error instanceof Error ? error.message : String(error)}`)
  }
}
