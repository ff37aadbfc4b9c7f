/**
 * Full state / union territory names for Shiprocket's `*_state` fields, from what Medusa
 * addresses hold in `province`: ISO 3166-2:IN codes ("MH", "IN-MH"), older codes
 * ("TS", "OR", "UL", "CG"), names in any case, and a few common old or alternate names.
 */

const STATES: ReadonlyArray<[name: string, codes: string[], aliases?: string[]]> = [
  ["Andhra Pradesh", ["AP"]],
  ["Arunachal Pradesh", ["AR"]],
  ["Assam", ["AS"]],
  ["Bihar", ["BR"]],
  ["Chhattisgarh", ["CT", "CG"], ["Chattisgarh"]],
  ["Goa", ["GA"]],
  ["Gujarat", ["GJ"]],
  ["Haryana", ["HR"]],
  ["Himachal Pradesh", ["HP"]],
  ["Jharkhand", ["JH"]],
  ["Karnataka", ["KA"]],
  ["Kerala", ["KL"]],
  ["Madhya Pradesh", ["MP"]],
  ["Maharashtra", ["MH"]],
  ["Manipur", ["MN"]],
  ["Meghalaya", ["ML"]],
  ["Mizoram", ["MZ"]],
  ["Nagaland", ["NL"]],
  ["Odisha", ["OD", "OR"], ["Orissa"]],
  ["Punjab", ["PB"]],
  ["Rajasthan", ["RJ"]],
  ["Sikkim", ["SK"]],
  ["Tamil Nadu", ["TN"]],
  ["Telangana", ["TG", "TS"]],
  ["Tripura", ["TR"]],
  ["Uttar Pradesh", ["UP"]],
  ["Uttarakhand", ["UK", "UT", "UL"], ["Uttaranchal"]],
  ["West Bengal", ["WB"]],
  ["Andaman and Nicobar Islands", ["AN"], ["Andaman & Nicobar Islands", "Andaman and Nicobar", "Andaman & Nicobar"]],
  ["Chandigarh", ["CH"]],
  [
    "Dadra and Nagar Haveli and Daman and Diu",
    ["DH", "DN", "DD"],
    ["Dadra & Nagar Haveli and Daman & Diu", "Dadra and Nagar Haveli", "Daman and Diu", "Dadra & Nagar Haveli", "Daman & Diu"],
  ],
  ["Delhi", ["DL"], ["New Delhi", "NCT of Delhi", "National Capital Territory of Delhi"]],
  ["Jammu and Kashmir", ["JK"], ["Jammu & Kashmir"]],
  ["Ladakh", ["LA"]],
  ["Lakshadweep", ["LD"]],
  ["Puducherry", ["PY"], ["Pondicherry"]],
]

const key = (s: string) => s.toLowerCase().replace(/&/g, "and").replace(/[^a-z]+/g, "")
const LOOKUP = new Map<string, string>()
for (const [name, codes, aliases = []] of STATES) {
  LOOKUP.set(key(name), name)
  for (const alias of aliases) LOOKUP.set(key(alias), name)
  for (const code of codes) LOOKUP.set(`code:${code.toLowerCase()}`, name)
}

export const INDIAN_STATE_NAMES: readonly string[] = STATES.map(([name]) => name)

/** "MH", "in-mh", "maharashtra" -> "Maharashtra"; null when it is none of ours. */
export function indianStateName(input: unknown): string | null {
  if (typeof input !== "string") return null
  const t = input.trim()
  if (!t) return null
  const code = /^(?:IN[-\s]?)?([A-Za-z]{2})$/i.exec(t)
  if (code) {
    const byCode = LOOKUP.get(`code:${code[1].toLowerCase()}`)
    if (byCode) return byCode
  }
  return LOOKUP.get(key(t)) ?? null
}
