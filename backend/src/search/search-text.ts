/**
 * Pure text handling for the PostgreSQL search service: how a product becomes a
 * search document and how a shopper's query becomes a tsquery. No database here.
 */

export const MAX_QUERY_TERMS = 8
const MAX_TERM_LENGTH = 40

export type SearchDocument = {
  id: string
  title: string
  keywords: string
  body: string
  document: Record<string, unknown>
}

type Named = { value?: string | null; title?: string | null; name?: string | null; handle?: string | null }

/** Lowercase alphanumeric words, at most MAX_QUERY_TERMS, duplicates removed. */
export function tokenize(query: string): string[] {
  const words = String(query ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && w.length <= MAX_TERM_LENGTH)
  return [...new Set(words)].slice(0, MAX_QUERY_TERMS)
}

/** Words worth adding to the typo-correction vocabulary (2+ characters, not pure numbers). */
export function vocabularyOf(doc: SearchDocument): string[] {
  const words = `${doc.title} ${doc.keywords} ${doc.body}`.toLowerCase().split(/[^a-z0-9]+/)
  return [...new Set(words.filter((w) => w.length >= 2 && w.length <= MAX_TERM_LENGTH && !/^\d+$/.test(w)))]
}

/**
 * A prefix tsquery over the given (already corrected) terms. Terms are reduced to
 * [a-z0-9] so nothing a shopper types can inject tsquery syntax.
 */
export function buildPrefixTsQuery(terms: string[], mode: "and" | "or"): string | null {
  const safe = terms.map((t) => t.replace(/[^a-z0-9]/g, "")).filter(Boolean)
  if (!safe.length) return null
  return safe.map((t) => `${t}:*`).join(mode === "and" ? " & " : " | ")
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list
    .map((x: Named) => x?.value ?? x?.title ?? x?.name ?? x?.handle ?? "")
    .filter((s): s is string => typeof s === "string" && s.length > 0)
}

function metadataWords(metadata: unknown): string[] {
  if (!metadata || typeof metadata !== "object") return []
  const out: string[] = []
  for (const key of ["fabric", "occasion", "fit_type", "pattern", "neckline", "sleeve", "length"]) {
    const v = (metadata as Record<string, unknown>)[key]
    if (typeof v === "string") out.push(v.replace(/-/g, " "))
    if (Array.isArray(v)) out.push(...v.filter((x) => typeof x === "string").map((x) => String(x).replace(/-/g, " ")))
  }
  return out
}

/** Flattens a Medusa product (with its usual search relations) into a search document. */
export function productToSearchDocument(product: Record<string, any>): SearchDocument {
  const variants: any[] = Array.isArray(product.variants) ? product.variants : []
  const optionValues = new Set<string>()
  for (const v of variants) for (const o of v?.options ?? []) if (o?.value) optionValues.add(String(o.value))
  const categories = Array.isArray(product.categories) ? product.categories : []
  const keywords = [
    product.type?.value,
    product.collection?.title,
    ...names(categories),
    ...categories.map((c: Named) => c?.handle?.replace(/-/g, " ") ?? ""),
    ...names(product.tags),
    ...optionValues,
    ...metadataWords(product.metadata),
    ...variants.map((v) => v?.sku).filter(Boolean),
  ]
    .filter(Boolean)
    .join(" ")
  return {
    id: String(product.id),
    title: String(product.title ?? ""),
    keywords,
    body: [product.subtitle, product.description, product.material].filter(Boolean).join(" "),
    document: {
      id: product.id,
      title: product.title,
      handle: product.handle,
      subtitle: product.subtitle ?? null,
      description: product.description ?? null,
      thumbnail: product.thumbnail ?? null,
      status: product.status,
      type_value: product.type?.value ?? null,
      collection_id: product.collection_id ?? null,
      collection_title: product.collection?.title ?? null,
      category_handles: categories.map((c: Named) => c?.handle).filter(Boolean),
      tags_value: names(product.tags),
    },
  }
}

/** Optimal string alignment distance: edits, counting a swap of neighbours as one. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/**
 * What the shopper most likely meant: the candidate fewest edits away (trigram
 * similarity only nominates candidates; it ties "body" with "bodycon" for "bodycn"),
 * then the most similar, then the shorter. Too many edits for the word's length means
 * no correction.
 */
export function pickCorrection(input: string, candidates: { term: string; similarity: number }[]): string | null {
  if (candidates.some((c) => c.term === input)) return input
  const maxEdits = input.length <= 4 ? 1 : input.length <= 8 ? 2 : 3
  const ranked = candidates
    .map((c) => ({ ...c, edits: editDistance(input, c.term) }))
    .filter((c) => c.edits <= maxEdits)
    .sort((x, y) => x.edits - y.edits || y.similarity - x.similarity || x.term.length - y.term.length)
  return ranked[0]?.term ?? null
}
