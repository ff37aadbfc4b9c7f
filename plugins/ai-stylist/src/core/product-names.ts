/**
 * Finding product titles in free text (a reply, a rationale), whatever the case or
 * punctuation: "cowl-neck satin slip dress" names the Cowl Neck Satin Slip Dress.
 * Longer titles are matched first, so a title that contains a shorter one is not
 * also counted as the shorter one.
 */
import { normalizeTitle } from "./text"

export type NamedProduct = { title: string; start: number; end: number }

/** Titles named in the text, with where they sit in its normalised form. */
export function namedProducts(text: string, titles: string[]): NamedProduct[] {
  let normal = ` ${normalizeTitle(text)} `
  const found: NamedProduct[] = []
  const sorted = [...new Set(titles)].filter((t) => normalizeTitle(t).length > 0).sort((a, b) => normalizeTitle(b).length - normalizeTitle(a).length)
  for (const title of sorted) {
    const needle = ` ${normalizeTitle(title)} `
    let at = normal.indexOf(needle)
    while (at >= 0) {
      found.push({ title, start: at, end: at + needle.length })
      normal = normal.slice(0, at) + " " + "#".repeat(needle.length - 2) + " " + normal.slice(at + needle.length)
      at = normal.indexOf(needle)
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

export function namesOtherProducts(text: string, allowed: string[], allTitles: string[]): string[] {
  const allowedNormal = new Set(allowed.map(normalizeTitle))
  return [...new Set(namedProducts(text, [...allTitles, ...allowed]).map((n) => n.title).filter((t) => !allowedNormal.has(normalizeTitle(t))))]
}
