/**
 * The model's tool arguments, read defensively: a compatible server may not enforce the
 * strict schemas, and a model can write anything. Every problem is described in words
 * the model can act on in its next call.
 */
import { STYLIST_TOOLS, SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, StylistToolName } from "./model-tools"
import { Problem, Result, failed, ok } from "./result"

export type SearchArguments = {
  query: string
  categories: string[] | null
  colors: string[] | null
  occasion: string | null
  max_price: number | null
  limit: number
}
export type ProductArguments = { product_id: string }
export type ComplementArguments = { variant_id: string; limit: number }

export type ToolArguments =
  | { tool: "search_catalog"; args: SearchArguments }
  | { tool: "get_product"; args: ProductArguments }
  | { tool: "get_shopper_profile"; args: Record<string, never> }
  | { tool: "find_complements"; args: ComplementArguments }

const MAX_TEXT = 200
const MAX_TERMS = 10

type Fields = Record<string, unknown>

function text(fields: Fields, key: string, problems: Problem[], nullable: boolean): string | null {
  const value = fields[key]
  if ((value === null || value === undefined) && nullable) return null
  if (typeof value !== "string" || (!nullable && value.trim() === "")) {
    problems.push({ field: key, message: nullable ? "must be a string or null" : "must be a non-empty string" })
    return null
  }
  return value.trim().slice(0, MAX_TEXT)
}

function terms(fields: Fields, key: string, problems: Problem[]): string[] | null {
  const value = fields[key]
  if (value === null || value === undefined) return null
  if (!Array.isArray(value) || value.some((term) => typeof term !== "string")) {
    problems.push({ field: key, message: "must be an array of strings or null" })
    return null
  }
  const cleaned = value.map((term: string) => term.trim().toLowerCase().slice(0, MAX_TEXT)).filter(Boolean)
  // An empty list would filter everything out; the model almost certainly meant "any".
  return cleaned.length > 0 ? cleaned.slice(0, MAX_TERMS) : null
}

function count(fields: Fields, problems: Problem[]): number {
  const value = fields.limit
  if (value === null || value === undefined) return SEARCH_LIMIT_DEFAULT
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    problems.push({ field: "limit", message: `must be a whole number from 1 to ${SEARCH_LIMIT_MAX}, or null` })
    return SEARCH_LIMIT_DEFAULT
  }
  return Math.min(value, SEARCH_LIMIT_MAX)
}

function price(fields: Fields, problems: Problem[]): number | null {
  const value = fields.max_price
  if (value === null || value === undefined) return null
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    problems.push({ field: "max_price", message: "must be a non-negative number in major units (e.g. 1500), or null" })
    return null
  }
  return value
}

/** The names a tool takes, from its schema, so the advice in a problem matches what the model was given. */
function parameterNames(tool: StylistToolName): string[] {
  const schema = STYLIST_TOOLS.find((t) => t.name === tool)!.parameters as { properties: Record<string, unknown> }
  return Object.keys(schema.properties)
}

export function readToolArguments(tool: StylistToolName, raw: string): Result<ToolArguments> {
  let parsed: unknown
  try {
    parsed = raw.trim() === "" ? {} : JSON.parse(raw)
  } catch {
    return failed([{ field: "arguments", message: "are not valid JSON: send one JSON object" }])
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return failed([{ field: "arguments", message: "must be one JSON object" }])
  }
  const fields = parsed as Fields
  const allowed = parameterNames(tool)
  const problems: Problem[] = Object.keys(fields)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ field: key, message: `is not a parameter of ${tool}${allowed.length ? ` (it takes ${allowed.join(", ")})` : " (it takes none)"}; her size, budget and exclusions are applied by the store` }))

  switch (tool) {
    case "search_catalog": {
      const args: SearchArguments = {
        query: text(fields, "query", problems, true) ?? "",
        categories: terms(fields, "categories", problems),
        colors: terms(fields, "colors", problems),
        occasion: text(fields, "occasion", problems, true)?.toLowerCase() || null,
        max_price: price(fields, problems),
        limit: count(fields, problems),
      }
      return problems.length ? failed(problems) : ok({ tool, args })
    }
    case "get_product": {
      const product_id = text(fields, "product_id", problems, false)
      return problems.length ? failed(problems) : ok({ tool, args: { product_id: product_id! } })
    }
    case "get_shopper_profile":
      return problems.length ? failed(problems) : ok({ tool, args: {} })
    case "find_complements": {
      const variant_id = text(fields, "variant_id", problems, false)
      const limit = count(fields, problems)
      return problems.length ? failed(problems) : ok({ tool, args: { variant_id: variant_id!, limit } })
    }
  }
}
