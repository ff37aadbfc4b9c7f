#!/usr/bin/env node
/**
 * optimize <input> --out <dir> [--max-upload-mb n] [--normal-maps keep-format|webp] [--compression auto|meshopt|draco]
 *
 * Runs the same pipeline as an upload, writes the LOD files into <dir>, and prints a JSON
 * summary as the last stdout line. Exit code 1 when the input is refused.
 */
import { mkdir, writeFile } from "node:fs/promises"
import { join, resolve } from "node:path"
import { performance } from "node:perf_hooks"
import { formatProblems, optimizePackage, optimizeUpload, rejectionOf, resolveLimits, type PipelineOptions } from "../core"
import { parseArgs, type CliArgs } from "./args"
import { progressBar } from "./progress-bar"
import { readInput } from "./read-input"
import { refusalSummary, successSummary, type CliSummary } from "./summary"

export type CliStreams = { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream }

export async function main(argv: string[], streams: CliStreams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const args = parseArgs(argv)
  if ("usage" in args) {
    streams.stderr.write(`${args.usage}\n`)
    return 2
  }
  // `npm run -w` starts in the workspace folder; paths typed by the user are relative to where they ran npm.
  const base = process.env.INIT_CWD ?? process.cwd()
  args.input = resolve(base, args.input)
  args.outDir = resolve(base, args.outDir)
  const started = performance.now()
  const bar = progressBar(streams.stderr)
  const summary = await run(args, bar.onProgress, started).finally(bar.stop)
  streams.stdout.write(`${JSON.stringify(summary)}\n`)
  return summary.valid ? 0 : 1
}

async function run(args: CliArgs, onProgress: PipelineOptions["onProgress"], started: number): Promise<CliSummary> {
  const elapsed = () => Math.round(performance.now() - started)
  const options: PipelineOptions = {
    limits: args.maxUploadBytes ? { maxUploadBytes: args.maxUploadBytes } : {},
    normalMaps: args.normalMaps,
    compression: args.compression,
    onProgress,
  }
  let inputBytes = 0
  try {
    const input = await readInput(args.input, resolveLimits(options.limits))
    inputBytes = input.bytes
    const outcome = input.kind === "upload" ? await optimizeUpload(input.upload, options) : await optimizePackage(input.pkg, options)
    if (!outcome.ok) return refusalSummary(formatProblems(outcome.problems), inputBytes, elapsed())
    await mkdir(args.outDir, { recursive: true })
    for (const lod of outcome.value.lods) await writeFile(join(args.outDir, lod.fileName), lod.glb)
    return successSummary(outcome.value, args.outDir, inputBytes, elapsed())
  } catch (error) {
    const rejection = rejectionOf(error)
    const reason = rejection ? formatProblems(rejection.problems) : error instanceof Error ? error.message : String(error)
    return refusalSummary(reason, inputBytes, elapsed())
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
