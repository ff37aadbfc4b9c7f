/**
 * The scores of the RentTheRunway fit papers: average one-vs-rest AUC over small / fit /
 * large, plus accuracy and macro F1 of the most probable class.
 */
import { FIT_LABELS, FitLabel, FitProbabilities } from "./types"

/** Area under the ROC curve by ranks (Mann-Whitney U), ties sharing their mean rank. */
export function rocAuc(scores: number[], positive: boolean[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b])
  let positives = 0
  let rankSum = 0
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++
    const meanRank = (start + end) / 2 + 1
    for (let k = start; k <= end; k++) {
      if (positive[order[k]]) {
        positives++
        rankSum += meanRank
      }
    }
    start = end + 1
  }
  const negatives = order.length - positives
  if (positives === 0 || negatives === 0) return NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

export type FitScores = { auc: number; aucByClass: Record<FitLabel, number>; accuracy: number; macroF1: number; rows: number }

export function scoreFitPredictions(predictions: FitProbabilities[], truth: FitLabel[]): FitScores {
  const aucByClass = {} as Record<FitLabel, number>
  for (const label of FIT_LABELS) {
    aucByClass[label] = rocAuc(
      predictions.map((p) => p[label]),
      truth.map((t) => t === label)
    )
  }
  const predicted = predictions.map(mostLikely)
  let correct = 0
  let f1Sum = 0
  for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) correct++
  for (const label of FIT_LABELS) {
    let tp = 0
    let fp = 0
    let fn = 0
    for (let i = 0; i < truth.length; i++) {
      if (predicted[i] === label && truth[i] === label) tp++
      else if (predicted[i] === label) fp++
      else if (truth[i] === label) fn++
    }
    f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  }
  return {
    auc: FIT_LABELS.reduce((sum, label) => sum + aucByClass[label], 0) / FIT_LABELS.length,
    aucByClass,
    accuracy: truth.length ? correct / truth.length : NaN,
    macroF1: f1Sum / FIT_LABELS.length,
    rows: truth.length,
  }
}

export function mostLikely(p: FitProbabilities): FitLabel {
  if (p.fit >= p.small && p.fit >= p.large) return "fit"
  return p.small >= p.large ? "small" : "large"
}
