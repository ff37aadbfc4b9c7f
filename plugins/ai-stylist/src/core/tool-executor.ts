/**
 * Runs one tool call from the model against the region's index and the server's
 * constraints. It never throws: anything wrong comes back as `{error}` output the model
 * can read and retry from, with `problem` set for the service's logs.
 */
import { StylistIndex } from "./catalog"
import { findComplements, searchCatalog, toolItem } from "./catalog-search"
import { ShopperConstraints } from "./constraints"
import { itemProblem } from "./eligibility"
import { toMajor } from "./money"
import { ShopperProfile, STYLIST_TOOL_NAMES, isStylistToolName } from "./model-tools"
import { formatProblems } from "./result"
import { ComplementArguments, ProductArguments, SearchArguments, readToolArguments } from "./tool-arguments"

export type ToolContext = { index: StylistIndex; constraints: ShopperConstraints; shopper: ShopperProfile | null }
export type ToolExecution = { output: unknown; problem: string | null }

const failure = (problem: string, error: string): ToolExecution => ({ output: { error }, problem })

/** The store's hard limits as the model should read them, so it can plan outfit totals. */
function limits(constraints: ShopperConstraints) {
  return {
    currency: constraints.currency,
    budget_for_whole_outfit: constraints.budget_minor === null ? null : toMajor(constraints.budget_minor, constraints.currency),
    size: constraints.size,
    shoe_size: constraints.shoe_size,
    excluded: [...new Set(constraints.avoid.map((exclusion) => exclusion.said))],
  }
}

function search(args: SearchArguments, ctx: ToolContext): ToolExecution {
  const outcome = searchCatalog(ctx.index, ctx.constraints, args)
  const notes: string[] = []
  if (outcome.unknown_categories.length > 0) notes.push(`No category called ${outcome.unknown_categories.map((c) => `"${c}"`).join(", ")}: use a role (dress, top, bottom, coord, shoes, bag, jewellery) or a category handle.`)
  if (!outcome.occasion_matched) notes.push(`Nothing she can buy here is made for "${args.occasion}"; these are the closest pieces.`)
  if (!outcome.query_matched) notes.push(`Nothing matched "${args.query}" word for word; these are the closest pieces she can buy.`)
  if (outcome.items.length === 0) notes.push("Nothing she can buy matches this search: try fewer words, other categories or colours.")
  return {
    output: { results: outcome.items.map(toolItem), limits: limits(ctx.constraints), ...(notes.length ? { note: notes.join(" ") } : {}) },
    problem: null,
  }
}

function product(args: ProductArguments, ctx: ToolContext): ToolExecution {
  const variants = ctx.index.byProduct.get(args.product_id)
  if (!variants) return failure(`unknown product_id ${args.product_id}`, `There is no product "${args.product_id}". Use a product_id returned by search_catalog or find_complements.`)
  const eligible = variants.filter((item) => itemProblem(item, ctx.constraints) === null)
  const first = variants[0]
  if (eligible.length === 0) {
    return failure(`product ${args.product_id} has nothing she can buy`, `${first.title} has no variant she can buy (sold out in her size, outside her budget, or something she ruled out). Choose another product.`)
  }
  return {
    output: {
      product_id: first.product_id,
      title: first.title,
      category: first.category,
      role: first.role,
      occasions: first.occasions,
      pattern: first.pattern,
      features: first.features,
      variants: eligible.map(toolItem),
      limits: limits(ctx.constraints),
    },
    problem: null,
  }
}

const SIGNED_OUT: ShopperProfile = { signed_in: false, size: null, shoe_size: null, measurements_cm: null, past_orders: [] }

/** Copies field by field: the object the service passes may carry more than the type admits, and none of it may reach the model. */
function profile(shopper: ShopperProfile | null): ToolExecution {
  if (!shopper) return { output: SIGNED_OUT, problem: null }
  const m = shopper.measurements_cm
  const measurements = m ? Object.fromEntries((["bust", "waist", "hips", "height"] as const).filter((k) => typeof m[k] === "number").map((k) => [k, m[k]])) : null
  return {
    output: {
      signed_in: shopper.signed_in === true,
      size: shopper.size ?? null,
      shoe_size: shopper.shoe_size ?? null,
      measurements_cm: measurements,
      past_orders: (shopper.past_orders ?? []).map((o) => ({ title: o.title, category: o.category, size: o.size ?? null, color: o.color ?? null })),
    },
    problem: null,
  }
}

function complements(args: ComplementArguments, ctx: ToolContext): ToolExecution {
  const base = ctx.index.byVariant.get(args.variant_id)
  if (!base) return failure(`unknown variant_id ${args.variant_id}`, `There is no variant "${args.variant_id}". Use a variant_id returned by search_catalog or get_product.`)
  if (itemProblem(base, ctx.constraints) !== null) {
    return failure(`variant ${args.variant_id} is not available to her`, `${base.title} (${base.color.name}, ${base.size}) is not available to her; build around a piece a search returned.`)
  }
  const found = findComplements(ctx.index, ctx.constraints, base, args.limit)
  const budget = ctx.constraints.budget_minor
  return {
    output: {
      for: toolItem(base),
      results: found.map(({ item, harmony }) => ({ ...toolItem(item), harmony })),
      budget_left_after_this_item: budget === null ? null : toMajor(budget - (base.price_minor ?? 0), ctx.constraints.currency),
      limits: limits(ctx.constraints),
    },
    problem: null,
  }
}

export function executeStylistTool(name: string, rawArguments: string, ctx: ToolContext): ToolExecution {
  try {
    if (!isStylistToolName(name)) return failure(`unknown tool ${name}`, `There is no tool "${name}". The tools are ${STYLIST_TOOL_NAMES.join(", ")}.`)
    const read = readToolArguments(name, typeof rawArguments === "string" ? rawArguments : "")
    if (!read.ok) return failure(`invalid arguments: ${formatProblems(read.problems)}`, `${name} was called wrongly: ${formatProblems(read.problems)}. Call it again with a JSON object matching its parameters.`)
    const call = read.value
    switch (call.tool) {
      case "search_catalog":
        return search(call.args, ctx)
      case "get_product":
        return product(call.args, ctx)
      case "get_shopper_profile":
        return profile(ctx.shopper)
      case "find_complements":
        return complements(call.args, ctx)
    }
  } catch (error) {
    // A bug here must cost one tool answer, not the shopper's whole reply.
    return failure(`tool ${name} failed: ${error instanceof Error ? error.message : String(error)}`, `${name} failed inside the store. Carry on with what the other tools returned.`)
  }
}
