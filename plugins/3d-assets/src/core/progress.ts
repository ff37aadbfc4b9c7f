/** Maps each pipeline stage onto one 0..1 scale, so callers see a single bar that only moves forward. */
import type { ProgressCallback } from "./pipeline-types"

export type ProgressReporter = (stage: string, fractionOfStage?: number) => void

export function progressReporter(onProgress: ProgressCallback | undefined, stageWeights: [string, number][]): ProgressReporter {
  const total = stageWeights.reduce((sum, [, weight]) => sum + weight, 0)
  const starts = new Map<string, { start: number; weight: number }>()
  let at = 0
  for (const [stage, weight] of stageWeights) {
    starts.set(stage, { start: at / total, weight: weight / total })
    at += weight
  }
  let last = 0
  return (stage, fractionOfStage = 0) => {
    const place = starts.get(stage)
    const overall = place ? place.start + place.weight * Math.min(1, Math.max(0, fractionOfStage)) : 1
    last = Math.max(last, overall)
    onProgress?.(stage, last)
  }
}
