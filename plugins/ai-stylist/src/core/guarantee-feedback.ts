/**
 * What the model is told when the guarantees dropped part of its answer: one line per
 * dropped piece with the reason, so its second try can do better than its first.
 */
import { DroppedItem } from "./guarantees"

export function guaranteeFeedback(dropped: DroppedItem[]): string {
  const lines = dropped.map((d) => `- outfit ${d.outfit + 1}, ${d.item.title ?? d.item.variant_id} (${d.item.variant_id}): ${d.reason.replace(/_/g, " ")}: ${d.detail}`)
  return [
    "The store checked your answer and removed these pieces, which break the shopper's constraints or do not exist:",
    ...lines,
    "Answer again with complete outfits that keep to every constraint. Use only variant_ids returned by the tools in this conversation, and check each outfit's total against the budget.",
  ].join("\n")
}
