/**
 * A model as the pipeline reads it: the entry file (.glb or .gltf) plus any resources it
 * refers to, keyed by their path relative to the package root with forward slashes.
 */
export type UploadedFile = { name: string; bytes: Uint8Array }

export type ModelPackage = { entry: string; files: Map<string, Uint8Array> }

export const packageBytes = (pkg: ModelPackage): number => {
  let total = 0
  for (const bytes of pkg.files.values()) total += bytes.byteLength
  return total
}

export const isGlbName = (name: string): boolean => /\.glb$/i.test(name)

/** Resolves a glTF uri against the directory of the entry, as a package key; undefined if it leaves the package. */
export function resolvePackagePath(entry: string, uri: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(uri)
  } catch {
    decoded = uri
  }
  if (isAbsoluteName(decoded)) return undefined
  const base = entry.includes("/") ? entry.slice(0, entry.lastIndexOf("/")).split("/") : []
  const parts = [...base]
  for (const part of decoded.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue
    if (part === "..") {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(part)
  }
  return parts.join("/")
}

export const isAbsoluteName = (name: string): boolean => /^([/\\]|[a-zA-Z]:)/.test(name) || /^[a-z][a-z0-9+.-]*:\/\//i.test(name)
