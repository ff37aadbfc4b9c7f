/**
 * Facet ordering, selected values and money units for the catalog listing. Pure: no
 * Medusa, TypeORM or HTTP imports. The counts themselves come from SQL.
 */

export type CountFacetValue = { value: string; count: number }
export type ColorFacetValue = { value: string; hex: string; count: number }
export type PriceFacet = { min: number; max: number } | null

/** Letter sizes in the order a shopper reads them. */
export const LETTER_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
const NUMERIC = /^\d+(\.\d+)?$/

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, "en", { sensitivity: "base", numeric: true }) || (a < b ? -1 : a > b ? 1 : 0)
}

/** XS, S, M, L, XL, XXL, then numeric sizes ascending (36, 37, ...), then anything else alphabetically. */
export function compareSizes(a: string, b: string): number {
  const rank = (v: string): [number, number] => {
    const upper = v.trim().toUpperCase()
    const letter = LETTER_SIZES.indexOf(upper)
    if (letter >= 0) return [0, letter]
    if (NUMERIC.test(upper)) return [1, Number(upper)]
    return [2, 0]
  }
  const [ga, na] = rank(a)
  const [gb, nb] = rank(b)
  if (ga !== gb) return ga - gb
  if (na !== nb) return na - nb
  return compareNames(a, b)
}

/** Most products first, then by name. */
export function compareByCount(a: { value: string; count: number }, b: { value: string; count: number }): number {
  return b.count - a.count || compareNames(a.value, b.value)
}

/**
 * Adds each selected value that is missing from a facet (compared ignoring case) with
 * a count of 0, so a shopper always sees, and can clear, what she selected.
 */
export function withSelected<T extends { value: string; count: number }>(values: T[], selected: string[], zero: (value: string) => T): T[] {
  const present = new Set(values.map((v) => v.value.toLowerCase()))
  const out = [...values]
  for (const s of selected) {
    if (present.has(s.toLowerCase())) continue
    present.add(s.toLowerCase())
    out.push(zero(s))
  }
  return out
}

export function sizeFacet(values: CountFacetValue[], selected: string[]): CountFacetValue[] {
  return withSelected(values, selected, (value) => ({ value, count: 0 })).sort((a, b) => compareSizes(a.value, b.value))
}

export function colorFacet(values: ColorFacetValue[], selected: string[], hexOf: (value: string) => string | null): ColorFacetValue[] {
  return withSelected(values, selected, (value) => ({ value, hex: hexOf(value) ?? "", count: 0 })).sort(compareByCount)
}

export function occasionFacet(values: CountFacetValue[], selected: string[]): CountFacetValue[] {
  return withSelected(values, selected, (value) => ({ value, count: 0 })).sort(compareByCount)
}

/** ISO 4217 currencies without minor units: Medusa stores their amounts as whole units. */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "isk", "jpy", "kmf", "krw", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])

/** Minor units per major unit: 100 for INR and USD, 1 for JPY. */
export function minorPerMajor(currencyCode: string): number {
  return ZERO_DECIMAL.has(currencyCode.toLowerCase()) ? 1 : 100
}

/** A price given in major units (1500 = Rs 1500) as the integer amount Medusa stores (150000). */
export function toMinor(major: number, currencyCode: string): number {
  return Math.round(major * minorPerMajor(currencyCode))
}

/** The price facet in major units: the lowest price rounded down, the highest rounded up. */
export function priceFacet(minMinor: number | null | undefined, maxMinor: number | null | undefined, currencyCode: string): PriceFacet {
  if (minMinor === null || minMinor === undefined || maxMinor === null || maxMinor === undefined) return null
  const factor = minorPerMajor(currencyCode)
  return { min: Math.floor(minMinor / factor), max: Math.ceil(maxMinor / factor) }
}

/** Pages of `limit` needed for `count` results (0 when there are none). */
export function pageCount(count: number, limit: number): number {
  return Math.ceil(count / limit)
}
