/**
 * The body of POST /store/stylist/chat (and its streaming twin), checked at the edge so
 * a malformed request is a 400 naming the field, never a 500 or a silent default.
 */
import { z } from "zod"
import { Result, problemsFromZod } from "@fashion/plugin-kit/result"
import { ShopperContext } from "./constraints"

export const MAX_MESSAGE_LENGTH = 1000

export type ChatRequest = {
  session_id: string | null
  message: string
  region_id: string
  context: ShopperContext | null
}

const shortText = (what: string, max: number) => z.string({ invalid_type_error: `must be ${what}` }).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)

const contextSchema = z
  .object({
    budget: z.number({ invalid_type_error: "must be a number in the region's currency, like 2000" }).positive("must be more than 0").max(100_000_000, "is too large").nullish(),
    size: shortText("a size like \"M\"", 20).nullish(),
    occasion: shortText("a few words, like \"beach wedding\"", 80).nullish(),
    colors: z.array(shortText("a colour, like \"red\"", 40), { invalid_type_error: "must be a list of colours" }).max(10, "may hold at most 10 colours").nullish(),
    avoid: z.array(shortText("a word, like \"black\" or \"heels\"", 40), { invalid_type_error: "must be a list of words" }).max(10, "may hold at most 10 entries").nullish(),
  })
  .strict()

const chatSchema = z
  .object({
    session_id: z.string({ invalid_type_error: "must be the session_id of an earlier answer" }).trim().min(1).max(100).nullish(),
    message: z
      .string({ required_error: "is required: what the shopper asked", invalid_type_error: "must be text" })
      .trim()
      .min(1, "must not be empty")
      .max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
    region_id: z.string({ required_error: "is required: the shopper's region (GET /store/regions)", invalid_type_error: "must be a region id" }).trim().min(1),
    context: contextSchema.nullish(),
  })
  .strict()

export function validateChatRequest(body: unknown): Result<ChatRequest> {
  const parsed = chatSchema.safeParse(body ?? {})
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) }
  const v = parsed.data
  return { ok: true, value: { session_id: v.session_id ?? null, message: v.message, region_id: v.region_id, context: v.context ?? null } }
}
