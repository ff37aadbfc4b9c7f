/**
 * The tools the model may call, as OpenAI Responses API function tools. They are strict
 * (every property required, optional ones nullable, no other properties) so the model's
 * arguments always have one shape; the executor still validates them, since a compatible
 * server need not enforce the schema.
 *
 * The tools never take a size, a budget or an exclusion from the model: those come from
 * the server's ShopperConstraints and are applied to every result, so nothing the model
 * (or the shopper through it) writes can widen them.
 */

export const STYLIST_TOOL_NAMES = ["search_catalog", "get_product", "get_shopper_profile", "find_complements"] as const
export type StylistToolName = (typeof STYLIST_TOOL_NAMES)[number]

/** What the service knows about a signed-in shopper; there is deliberately no field for contact details. */
export type ShopperProfile = {
  signed_in: boolean
  size: string | null
  shoe_size: string | null
  measurements_cm: { bust?: number; waist?: number; hips?: number; height?: number } | null
  past_orders: { title: string; category: string; size: string | null; color: string | null }[]
}

export type JsonSchema = { [key: string]: unknown }

export type StylistTool = {
  type: "function"
  name: StylistToolName
  description: string
  parameters: JsonSchema
  strict: true
}

export const SEARCH_LIMIT_DEFAULT = 12
export const SEARCH_LIMIT_MAX = 20

const nullable = (type: string, description: string): JsonSchema => ({ type: [type, "null"], description })
const nullableList = (description: string): JsonSchema => ({ type: ["array", "null"], items: { type: "string" }, description })
const limit: JsonSchema = { type: ["integer", "null"], description: `How many results, 1-${SEARCH_LIMIT_MAX}; null for ${SEARCH_LIMIT_DEFAULT}.` }

function objectSchema(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: "object", properties, required: Object.keys(properties), additionalProperties: false }
}

const ITEM_FIELDS = "Each result: product_id, variant_id, title, category, role (dress, top, bottom, coord, shoes, bag, jewellery), color, size, price (major units), currency, occasions, pattern."

export const STYLIST_TOOLS: StylistTool[] = [
  {
    type: "function",
    name: "search_catalog",
    description:
      "Search the store's catalogue. Returns only pieces she can buy now: in stock, in her size, clear of everything she ruled out, each within her budget. " +
      `One variant per product and colour, best matches first. ${ITEM_FIELDS}`,
    parameters: objectSchema({
      query: { type: "string", description: "What to look for, in a few words: \"satin midi dress\", \"black heels\"." },
      categories: nullableList("Only these kinds of piece: roles (dress, top, bottom, coord, shoes, bag, jewellery) or category handles (heels, skirts, crop-tops, earrings...); null for any."),
      colors: nullableList("Only these colours: families (red, blue), shades (emerald, wine) or groups (pastel, neutral, metallic); null for any."),
      occasion: nullable("string", "The occasion to favour (party, wedding-guest, office, brunch, beach...); null for hers."),
      max_price: nullable("number", "Only pieces costing at most this much each, in major units of the store's currency (rupees, dollars); null for no extra limit. It cannot raise her budget."),
      limit,
    }),
    strict: true,
  },
  {
    type: "function",
    name: "get_product",
    description: `One product's facts (category, role, occasions, pattern, features) and the variants of it she can buy, in her size. ${ITEM_FIELDS}`,
    parameters: objectSchema({ product_id: { type: "string", description: "A product_id returned by another tool." } }),
    strict: true,
  },
  {
    type: "function",
    name: "get_shopper_profile",
    description: "What the store knows about her when she is signed in: her size, shoe size, measurements (cm) and past orders. Contains no contact details.",
    parameters: objectSchema({}),
    strict: true,
  },
  {
    type: "function",
    name: "find_complements",
    description:
      "Pieces that go with one item: shoes, a bag and jewellery for a dress or a co-ord; a bottom for a top, a top for a bottom, plus accessories. " +
      `Ranked by colour harmony and shared occasions, each affordable together with the item within her budget. ${ITEM_FIELDS} Also: harmony.`,
    parameters: objectSchema({
      variant_id: { type: "string", description: "A variant_id returned by another tool." },
      limit,
    }),
    strict: true,
  },
]

export function isStylistToolName(name: string): name is StylistToolName {
  return (STYLIST_TOOL_NAMES as readonly string[]).includes(name)
}
