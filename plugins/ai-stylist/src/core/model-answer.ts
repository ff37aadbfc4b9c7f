/**
 * The model's final answer: the structured-output format it is asked for, and a reader
 * that accepts only that shape. What it reads is a proposal; enforceGuarantees decides
 * what the shopper sees.
 */
import { ProposedItem, ProposedOutfit } from "./guarantees"
import { Problem, Result, failed, ok } from "./result"

export type ModelAnswer = { reply: string; outfits: ProposedOutfit[]; follow_ups: string[] }

const string = (description: string) => ({ type: "string", description })

export const STYLIST_ANSWER_FORMAT = {
  type: "json_schema" as const,
  name: "stylist_answer",
  strict: true,
  schema: {
    type: "object",
    properties: {
      reply: string("What to tell her: short and warm, naming only products that are in the outfits."),
      outfits: {
        type: "array",
        description: "One to three complete outfits built only from tool results; empty when nothing fits.",
        items: {
          type: "object",
          properties: {
            title: string("A short name for the look."),
            rationale: string("One or two sentences on why it suits her request."),
            items: {
              type: "array",
              items: {
                type: "object",
                properties: { product_id: string("As a tool returned it."), variant_id: string("As a tool returned it.") },
                required: ["product_id", "variant_id"],
                additionalProperties: false,
              },
            },
          },
          required: ["title", "rationale", "items"],
          additionalProperties: false,
        },
      },
      follow_ups: { type: "array", items: { type: "string" }, description: "Up to three short things she might ask next." },
    },
    required: ["reply", "outfits", "follow_ups"],
    additionalProperties: false,
  },
}

/** The JSON inside a ```json fence, or the text itself. */
function unfenced(text: string): string {
  const trimmed = text.trim()
  const fence = /^```[a-zA-Z]*\s*\n?([\s\S]*?)\n?\s*```$/.exec(trimmed)
  return fence ? fence[1].trim() : trimmed
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)
const optionalText = (value: unknown) => value === undefined || value === null || typeof value === "string"

function readItem(value: unknown, field: string, problems: Problem[]): ProposedItem | null {
  if (!isObject(value) || typeof value.variant_id !== "string" || value.variant_id === "") {
    problems.push({ field: `${field}.variant_id`, message: "must be a non-empty string" })
    return null
  }
  if (!optionalText(value.product_id)) {
    problems.push({ field: `${field}.product_id`, message: "must be a string" })
    return null
  }
  return { variant_id: value.variant_id, product_id: (value.product_id as string | null | undefined) ?? null }
}

function readOutfit(value: unknown, field: string, problems: Problem[]): ProposedOutfit | null {
  if (!isObject(value) || !Array.isArray(value.items)) {
    problems.push({ field: `${field}.items`, message: "must be an array" })
    return null
  }
  if (!optionalText(value.title)) problems.push({ field: `${field}.title`, message: "must be a string" })
  if (!optionalText(value.rationale)) problems.push({ field: `${field}.rationale`, message: "must be a string" })
  const items = value.items.map((item, i) => readItem(item, `${field}.items.${i}`, problems))
  return {
    title: (value.title as string | null | undefined) ?? null,
    rationale: (value.rationale as string | null | undefined) ?? null,
    items: items.filter((item): item is ProposedItem => item !== null),
  }
}

export function parseModelAnswer(text: string): Result<ModelAnswer> {
  if (typeof text !== "string" || text.trim() === "") return failed([{ field: "answer", message: "is empty" }])
  let parsed: unknown
  try {
    parsed = JSON.parse(unfenced(text))
  } catch {
    return failed([{ field: "answer", message: "is not JSON" }])
  }
  if (!isObject(parsed)) return failed([{ field: "answer", message: "must be a JSON object" }])
  const problems: Problem[] = []
  if (typeof parsed.reply !== "string") problems.push({ field: "reply", message: "must be a string" })
  if (!Array.isArray(parsed.outfits)) problems.push({ field: "outfits", message: "must be an array" })
  // Strict output always sends follow_ups; a looser compatible server may leave it out, which costs nothing.
  const followUps = parsed.follow_ups ?? []
  if (!Array.isArray(followUps) || followUps.some((f) => typeof f !== "string")) problems.push({ field: "follow_ups", message: "must be an array of strings" })
  const outfits = Array.isArray(parsed.outfits) ? parsed.outfits.map((outfit, i) => readOutfit(outfit, `outfits.${i}`, problems)) : []
  if (problems.length > 0) return failed(problems)
  return ok({
    reply: (parsed.reply as string).trim(),
    outfits: outfits.filter((outfit): outfit is ProposedOutfit => outfit !== null),
    follow_ups: (followUps as string[]).map((f) => f.trim()).filter(Boolean),
  })
}
