/**
 * Unpacks an uploaded zip without trusting it: names that escape the archive, too many
 * entries, and entries that inflate past the limits are refused before or while inflating,
 * so a bomb never gets the chance to fill memory.
 */
import { Unzip, UnzipInflate, type UnzipFile } from "fflate"
import { formatMegabytes, type UploadLimits } from "./limits"
import { isAbsoluteName } from "./model-package"
import { UploadRejected } from "./rejection"

// Small pushes bound how much one push can inflate (deflate tops out near 1032:1).
const PUSH_BYTES = 16 * 1024

export function unzipUpload(zip: Uint8Array, limits: UploadLimits): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>()
  let entries = 0
  let declaredTotal = 0
  let inflatedTotal = 0
  let stop: UploadRejected | undefined

  const refuse = (file: UnzipFile | undefined, error: UploadRejected) => {
    stop ??= error
    file?.terminate()
  }

  const unzipper = new Unzip((file) => {
    if (stop) return file.terminate()
    const name = safeEntryName(file.name)
    if (name === null) return refuse(file, new UploadRejected("unsafe_zip", `The zip contains "${file.name}", a path outside the archive; zip the model's folder itself`))
    if (name === undefined) return
    if (++entries > limits.maxZipEntries) return refuse(file, new UploadRejected("unsafe_zip", `The zip has more than ${limits.maxZipEntries} files`))
    declaredTotal += file.originalSize ?? 0
    if (declaredTotal > limits.maxUnzippedBytes) return refuse(file, tooBig(limits))
    const chunks: Uint8Array[] = []
    file.ondata = (error, chunk, final) => {
      if (stop) return
      if (error) return refuse(file, new UploadRejected("unsafe_zip", `The zip entry "${name}" is damaged and cannot be unpacked`))
      inflatedTotal += chunk.byteLength
      if (inflatedTotal > limits.maxUnzippedBytes) return refuse(file, tooBig(limits))
      if (inflatedTotal > limits.bombCheckFromBytes && inflatedTotal / zip.byteLength > limits.maxZipRatio) {
        return refuse(file, new UploadRejected("zip_bomb", "The zip expands far more than real model files do, so it was not unpacked"))
      }
      chunks.push(chunk)
      if (final) files.set(name, concat(chunks))
    }
    file.start()
  })
  unzipper.register(UnzipInflate)

  try {
    for (let offset = 0; offset < zip.byteLength && !stop; offset += PUSH_BYTES) {
      unzipper.push(zip.subarray(offset, offset + PUSH_BYTES), offset + PUSH_BYTES >= zip.byteLength)
    }
  } catch {
    stop ??= new UploadRejected("unsafe_zip", "The zip is damaged and cannot be unpacked")
  }
  if (stop) throw stop
  return files
}

const tooBig = (limits: UploadLimits) =>
  new UploadRejected("zip_bomb", `The zip unpacks to more than ${formatMegabytes(limits.maxUnzippedBytes)}`)

/** The entry's path inside the package; undefined for entries to skip (folders, macOS metadata), null if unsafe. */
export function safeEntryName(raw: string): string | undefined | null {
  const name = raw.replace(/\\/g, "/")
  if (isAbsoluteName(name) || name.split("/").includes("..")) return null
  if (name.endsWith("/") || name.startsWith("__MACOSX/") || /(^|\/)\.DS_Store$/.test(name)) return undefined
  return name.replace(/^(\.\/)+/, "")
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}
