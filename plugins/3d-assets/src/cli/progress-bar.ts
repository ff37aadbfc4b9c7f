/** A progress bar on stderr for people at a terminal; silent when stderr is piped or captured. */
import { SingleBar, Presets } from "cli-progress"
import type { ProgressCallback } from "../core"

export type ProgressBar = { onProgress: ProgressCallback; stop: () => void }

export function progressBar(stream: NodeJS.WriteStream): ProgressBar {
  if (!stream.isTTY) return { onProgress: () => undefined, stop: () => undefined }
  const bar = new SingleBar({ stream, format: "{bar} {percentage}% | {stage}", hideCursor: true }, Presets.shades_classic)
  bar.start(100, 0, { stage: "starting" })
  return {
    onProgress: (stage, fraction) => bar.update(Math.round(fraction * 100), { stage }),
    stop: () => bar.stop(),
  }
}
