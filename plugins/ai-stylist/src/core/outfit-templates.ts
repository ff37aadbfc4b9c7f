/**
 * The shapes of a complete outfit in this catalogue: a dress, a co-ord set, or a top
 * with a bottom, each finished with shoes, a bag and earrings when they suit; or,
 * when she only asks for accessories, those accessories on their own.
 */
import { ACCESSORY_ROLES, Role, StylistItem } from "./catalog"
import { ShopperConstraints } from "./constraints"

export type OutfitTemplate = {
  name: "dress" | "co-ord" | "separates" | "accessories"
  /** Roles every outfit of this shape has, in the order they are chosen. */
  required: Role[]
  /** Roles added when they fit the occasion, the colours and the budget. */
  optional: Role[]
}

const GARMENT_TEMPLATES: OutfitTemplate[] = [
  { name: "dress", required: ["dress"], optional: ["shoes", "bag", "jewellery"] },
  { name: "co-ord", required: ["coord"], optional: ["shoes", "jewellery", "bag"] },
  { name: "separates", required: ["top", "bottom"], optional: ["shoes", "jewellery", "bag"] },
]

const GARMENT_ROLES: Role[] = ["dress", "coord", "top", "bottom"]

/** Roles that cannot share an outfit: one dress, no dress over a co-ord, no top over a dress. */
export function rolesClash(existing: Role[], next: Role): boolean {
  if (existing.includes(next)) return true
  const has = (role: Role) => existing.includes(role)
  if (next === "dress") return has("coord") || has("top") || has("bottom")
  if (next === "coord") return has("dress") || has("top") || has("bottom")
  if (next === "top" || next === "bottom") return has("dress") || has("coord")
  return false
}

/** The templates that can answer her request, given the pieces she asked for and ruled out. */
export function templatesFor(constraints: Pick<ShopperConstraints, "categories_wanted" | "avoid">): OutfitTemplate[] {
  const wantedRoles = [...new Set(constraints.categories_wanted.map((w) => w.role))]
  const wantedGarments = wantedRoles.filter((role) => GARMENT_ROLES.includes(role))
  const wantedAccessories = wantedRoles.filter((role) => ACCESSORY_ROLES.includes(role))
  const banned = new Set(constraints.avoid.filter((e) => e.kind === "category" && e.words === null).map((e) => (e.kind === "category" ? e.role : null)))
  if (wantedRoles.length > 0 && wantedGarments.length === 0) {
    const required = wantedAccessories.filter((role) => !banned.has(role))
    return required.length > 0 ? [{ name: "accessories", required, optional: [] }] : []
  }
  return GARMENT_TEMPLATES.filter((template) => wantedGarments.every((role) => template.required.includes(role)))
    .filter((template) => template.required.every((role) => !banned.has(role)))
    .map((template) => ({
      ...template,
      // Accessories she asked for by name are part of the look, not extras.
      required: [...template.required, ...wantedAccessories.filter((role) => !banned.has(role))],
      optional: template.optional.filter((role) => !wantedAccessories.includes(role) && !banned.has(role)),
    }))
}

/** An outfit is complete when it has a garment base (dress, co-ord, or top and bottom) or every accessory she asked for. */
export function isCompleteOutfit(items: Pick<StylistItem, "role">[], constraints: Pick<ShopperConstraints, "categories_wanted">): boolean {
  const roles = items.map((item) => item.role)
  const hasBase = roles.includes("dress") || roles.includes("coord") || (roles.includes("top") && roles.includes("bottom"))
  if (hasBase) return true
  const wanted = [...new Set(constraints.categories_wanted.map((w) => w.role))]
  return wanted.length > 0 && wanted.every((role) => ACCESSORY_ROLES.includes(role)) && wanted.every((role) => roles.includes(role))
}

/** Items whose removal keeps the outfit complete: accessories on a garment base. */
export function isOptionalIn(item: Pick<StylistItem, "role">, items: Pick<StylistItem, "role">[], constraints: Pick<ShopperConstraints, "categories_wanted">): boolean {
  if (!ACCESSORY_ROLES.includes(item.role)) return false
  const rest = [...items]
  rest.splice(rest.indexOf(item), 1)
  return isCompleteOutfit(rest, constraints)
}
