/** Size limits for uploads; every one can be overridden by the caller (plugin options, CLI). */
export type UploadLimits = {
  /** Bytes of the upload as received (the .glb, the .zip, or all files of a .gltf together). */
  maxUploadBytes: number
  /** Sum of the uncompressed sizes of a zip's entries, declared or actually inflated. */
  maxUnzippedBytes: number
  /** Uncompressed/compressed ratio above which a zip counts as a bomb, once past bombCheckFromBytes. */
  maxZipRatio: number
  /** Small archives can have high ratios (a JSON file of zeros) without harm, so the ratio is only judged past this. */
  bombCheckFromBytes: number
  maxZipEntries: number
}

const MiB = 1024 * 1024

export const DEFAULT_LIMITS: UploadLimits = {
  maxUploadBytes: 100 * MiB,
  maxUnzippedBytes: 300 * MiB,
  maxZipRatio: 100,
  bombCheckFromBytes: 16 * MiB,
  maxZipEntries: 200,
}

export const resolveLimits = (overrides: Partial<UploadLimits> = {}): UploadLimits => ({ ...DEFAULT_LIMITS, ...overrides })

export const formatMegabytes = (bytes: number): string => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`
