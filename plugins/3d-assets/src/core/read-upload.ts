/**
 * Turns what the merchant uploaded into a ModelPackage, refusing anything that is not a
 * model before any heavy work starts.
 */
import { formatMegabytes, type UploadLimits } from "./limits"
import { isGlbName, resolvePackagePath, type ModelPackage, type UploadedFile } from "./model-package"
import { UploadRejected } from "./rejection"
import { describeFormat, sniffFormat } from "./sniff"
import { unzipUpload } from "./zip"

export function readUpload(upload: UploadedFile, limits: UploadLimits): ModelPackage {
  checkSize(upload.bytes.byteLength, limits)
  const format = sniffFormat(upload.bytes)
  switch (format) {
    case "glb":
      return { entry: upload.name, files: new Map([[upload.name, upload.bytes]]) }
    case "gltf":
      return checkResources({ entry: upload.name, files: new Map([[upload.name, upload.bytes]]) })
    case "zip":
      return packageFromZip(unzipUpload(upload.bytes, limits))
    default:
      throw new UploadRejected(
        "unsupported_format",
        `This file is ${describeFormat(format)}, not a 3D model; upload a .glb, or a .zip of a .gltf with its .bin and textures`,
      )
  }
}

export function checkSize(bytes: number, limits: UploadLimits): void {
  if (bytes > limits.maxUploadBytes) {
    throw new UploadRejected("too_large", `The upload is ${formatMegabytes(bytes)}; the limit is ${formatMegabytes(limits.maxUploadBytes)}`)
  }
}

function packageFromZip(files: Map<string, Uint8Array>): ModelPackage {
  const entries = [...files.keys()].filter((name) => /\.(gltf|glb)$/i.test(name))
  if (entries.length === 0) throw new UploadRejected("unsupported_format", "The zip holds no .gltf or .glb file")
  if (entries.length > 1) throw new UploadRejected("unsupported_format", `The zip holds ${entries.length} models (${entries.join(", ")}); upload one model at a time`)
  const entry = entries[0]
  const expected = isGlbName(entry) ? "glb" : "gltf"
  if (sniffFormat(files.get(entry)!) !== expected) {
    throw new UploadRejected("unsupported_format", `"${entry}" in the zip is not really a ${expected === "glb" ? "GLB" : "glTF"} file`)
  }
  return expected === "gltf" ? checkResources({ entry, files }) : { entry, files }
}

/** Every external uri of a .gltf must be inside the package and present, or the model cannot load. */
export function checkResources(pkg: ModelPackage): ModelPackage {
  const missing: string[] = []
  for (const uri of externalUris(pkg)) {
    const path = resolvePackagePath(pkg.entry, uri)
    if (path === undefined) throw new UploadRejected("unsafe_zip", `The model refers to "${uri}", a path outside the upload`)
    if (!pkg.files.has(path)) missing.push(uri)
  }
  if (missing.length > 0) {
    throw new UploadRejected("missing_resource", missing.map((uri) => `The model refers to "${uri}", which is not in the upload; zip it together with the .gltf`))
  }
  return pkg
}

/** The non-data uris of buffers and images in a .gltf entry. */
export function externalUris(pkg: ModelPackage): string[] {
  const json = parseGltfJson(pkg.files.get(pkg.entry)!)
  const uris = [...(json.buffers ?? []), ...(json.images ?? [])]
    .map((item) => item?.uri)
    .filter((uri): uri is string => typeof uri === "string" && !uri.startsWith("data:"))
  return [...new Set(uris)]
}

type GltfJson = { buffers?: { uri?: unknown }[]; images?: { uri?: unknown }[] }

export function parseGltfJson(bytes: Uint8Array): GltfJson {
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes))
    if (json && typeof json === "object") return json as GltfJson
  } catch {
    // Falls through to the same refusal as a non-object.
  }
  throw new UploadRejected("invalid_model", "The .gltf file is not valid JSON, so the model cannot be read")
}
