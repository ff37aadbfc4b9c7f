/** The CLI's arguments; anything unexpected yields the usage text instead of a guess. */
import type { CompressionChoice, NormalMapPolicy } from "../core"

export type CliArgs = { input: string; outDir: string; maxUploadBytes?: number; normalMaps?: NormalMapPolicy; compression?: CompressionChoice }

export const USAGE =
  "usage: optimize <input.glb|input.gltf|input.zip> --out <dir> [--max-upload-mb n] [--normal-maps keep-format|webp] [--compression auto|meshopt|draco]"

const CHOICES: Record<string, string[]> = { "--normal-maps": ["keep-format", "webp"], "--compression": ["auto", "meshopt", "draco"] }

export function parseArgs(argv: string[]): CliArgs | { usage: string } {
  const positional: string[] = []
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith("--")) positional.push(arg)
    else if (i + 1 < argv.length) flags.set(arg, argv[++i])
    else return { usage: USAGE }
  }
  const known = ["--out", "--max-upload-mb", ...Object.keys(CHOICES)]
  if (positional.length !== 1 || !flags.has("--out") || [...flags.keys()].some((flag) => !known.includes(flag))) return { usage: USAGE }
  for (const [flag, allowed] of Object.entries(CHOICES)) {
    if (flags.has(flag) && !allowed.includes(flags.get(flag)!)) return { usage: USAGE }
  }
  const megabytes = flags.has("--max-upload-mb") ? Number(flags.get("--max-upload-mb")) : undefined
  if (megabytes !== undefined && !(megabytes > 0)) return { usage: USAGE }
  return {
    input: positional[0],
    outDir: flags.get("--out")!,
    maxUploadBytes: megabytes && Math.round(megabytes * 1024 * 1024),
    normalMaps: flags.get("--normal-maps") as NormalMapPolicy | undefined,
    compression: flags.get("--compression") as CompressionChoice | undefined,
  }
}
