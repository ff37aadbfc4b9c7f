/**
 * What the CLI was pointed at, read from disk: a .gltf brings the files it refers to from
 * beside it; anything else (.glb, .zip, or a mislabelled file) goes through the upload path
 * exactly as the HTTP upload would.
 */
import { readFile, stat } from "node:fs/promises"
import { basename, dirname, join } from "node:path"
import { checkSize, externalUris, resolvePackagePath, type ModelPackage, type UploadedFile, type UploadLimits } from "../core"

export type CliInput = { kind: "upload"; upload: UploadedFile; bytes: number } | { kind: "package"; pkg: ModelPackage; bytes: number }

export async function readInput(path: string, limits: UploadLimits): Promise<CliInput> {
  // Checked before reading, so an oversized file is refused without loading it.
  checkSize((await stat(path)).size, limits)
  const name = basename(path)
  const bytes = new Uint8Array(await readFile(path))
  if (!/\.gltf$/i.test(name)) return { kind: "upload", upload: { name, bytes }, bytes: bytes.byteLength }

  const files = new Map([[name, bytes]])
  const pkg: ModelPackage = { entry: name, files }
  for (const uri of externalUris(pkg)) {
    const key = resolvePackagePath(name, uri)
    // A reference outside the folder or a missing file is left out; the pipeline then refuses it by name.
    if (key === undefined) continue
    const resource = await readFile(join(dirname(path), key)).catch(() => undefined)
    if (resource) files.set(key, new Uint8Array(resource))
  }
  let total = 0
  for (const file of files.values()) total += file.byteLength
  return { kind: "package", pkg, bytes: total }
}
