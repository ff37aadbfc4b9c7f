/** Tells the upload's real format from its first bytes, so a renamed file cannot pass for a model. */
export type SniffedFormat = "glb" | "gltf" | "zip" | "jpeg" | "png" | "unknown"

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte)
  if (starts(0x67, 0x6c, 0x54, 0x46)) return "glb"
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "zip"
  if (starts(0xff, 0xd8, 0xff)) return "jpeg"
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "png"
  return firstNonSpace(bytes) === 0x7b ? "gltf" : "unknown"
}

// A .gltf may start with a byte-order mark or whitespace before its opening brace.
function firstNonSpace(bytes: Uint8Array): number | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  for (let i = start; i < Math.min(bytes.length, 1024); i++) {
    if (![0x20, 0x09, 0x0a, 0x0d].includes(bytes[i])) return bytes[i]
  }
  return undefined
}

export const describeFormat = (format: SniffedFormat): string =>
  ({
    glb: "a GLB model",
    gltf: "a glTF model",
    zip: "a zip archive",
    jpeg: "a JPEG image",
    png: "a PNG image",
    unknown: "not a format we recognise",
  })[format]
