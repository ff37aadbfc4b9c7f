import { AbstractSearchService } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { buildPrefixTsQuery, pickCorrection, productToSearchDocument, tokenize, vocabularyOf } from "./search-text"

type Deps = { manager: EntityManager; logger?: { warn: (m: string) => void } }

type SearchOptions = {
  paginationOptions?: { offset?: number; limit?: number }
  filter?: unknown
  additionalOptions?: Record<string, unknown>
}

/** Below this trigram similarity a vocabulary word is not taken as what the shopper meant. */
const MIN_CORRECTION_SIMILARITY = 0.3
/** Nearest words by trigram similarity that are then compared by edit distance. */
const CORRECTION_CANDIDATES = 10
const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

/**
 * Medusa search service backed by PostgreSQL: a weighted tsvector per product
 * (title > categories/tags/options > description) ranked with ts_rank_cd, and typo
 * tolerance by correcting each query word to the nearest indexed word with pg_trgm.
 * Used when MEILISEARCH_HOST is unset; registered by loaders/search.ts.
 */
export default class PostgresSearchService extends AbstractSearchService {
  isDefault = false
  protected readonly manager_: EntityManager

  constructor(container: Deps, options: Record<string, unknown> = {}) {
    super(container, options)
    this.manager_ = container.manager
  }

  async createIndex(): Promise<void> {
    // The index is the search_document table, created by this backend's migration.
  }

  async getIndex(indexName: string) {
    const [row] = await this.manager_.query(`SELECT count(*)::int AS documents FROM search_document WHERE index_name = $1`, [indexName])
    return { name: indexName, documents: row?.documents ?? 0 }
  }

  async addDocuments(indexName: string, documents: Record<string, any>[]): Promise<void> {
    if (!documents?.length) return
    const docs = documents.map(productToSearchDocument)
    await this.manager_.transaction(async (tx) => {
      for (const doc of docs) {
        await tx.query(
          `INSERT INTO search_document (index_name, document_id, title, keywords, body, document, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (index_name, document_id) DO UPDATE
             SET title = EXCLUDED.title, keywords = EXCLUDED.keywords, body = EXCLUDED.body,
                 document = EXCLUDED.document, updated_at = now()`,
          [indexName, doc.id, doc.title, doc.keywords, doc.body, JSON.stringify(doc.document)]
        )
      }
      const vocabulary = [...new Set(docs.flatMap(vocabularyOf))]
      if (vocabulary.length) {
        await tx.query(`INSERT INTO search_term (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [vocabulary])
      }
    })
  }

  async replaceDocuments(indexName: string, documents: Record<string, any>[]): Promise<void> {
    await this.deleteAllDocuments(indexName)
    await this.addDocuments(indexName, documents)
  }

  async deleteDocument(indexName: string, documentId: string | number): Promise<void> {
    await this.manager_.query(`DELETE FROM search_document WHERE index_name = $1 AND document_id = $2`, [indexName, String(documentId)])
  }

  async deleteAllDocuments(indexName: string): Promise<void> {
    await this.manager_.query(`DELETE FROM search_document WHERE index_name = $1`, [indexName])
  }

  async updateSettings(): Promise<void> {
    // Weights and language are fixed in the migration; nothing to tune at runtime.
  }

  /**
   * Each query word, or the indexed word the shopper most likely meant (see pickCorrection).
   * A word that begins an indexed word is kept as typed: words match as prefixes, so
   * "bod" (search-as-you-type) finds "bodycon" instead of being "corrected" to "body".
   */
  protected async correctTerms(terms: string[]): Promise<string[]> {
    if (!terms.length) return terms
    const rows: { input: string; term: string; similarity: number }[] = await this.manager_.query(
      `SELECT q.input, c.term, c.similarity
         FROM unnest($1::text[]) AS q(input)
         CROSS JOIN LATERAL (
           SELECT t.term, similarity(t.term, q.input) AS similarity
             FROM search_term t
            WHERE t.term = q.input OR (length(q.input) >= 3 AND t.term % q.input AND similarity(t.term, q.input) >= $2)
            ORDER BY similarity(t.term, q.input) DESC
            LIMIT $3
         ) c
       UNION ALL
       SELECT q.input, q.input, 1
         FROM unnest($1::text[]) AS q(input)
        WHERE EXISTS (SELECT 1 FROM search_term t WHERE t.term LIKE q.input || '%')`,
      [terms, MIN_CORRECTION_SIMILARITY, CORRECTION_CANDIDATES]
    )
    return terms.map((input) => pickCorrection(input, rows.filter((r) => r.input === input)) ?? input)
  }

  async search(indexName: string, query: string, options: SearchOptions = {}) {
    const offset = Math.max(0, Number(options.paginationOptions?.offset) || 0)
    const limit = Math.min(MAX_LIMIT, Math.max(1, Number(options.paginationOptions?.limit) || DEFAULT_LIMIT))
    const terms = tokenize(query)
    const corrected = await this.correctTerms(terms)
    const started = Date.now()

    let hits: Record<string, unknown>[] = []
    let total = 0
    if (corrected.length) {
      // All words must match first; if nothing does, any word may (ranked by how many match).
      for (const mode of ["and", "or"] as const) {
        const tsquery = buildPrefixTsQuery(corrected, mode)
        if (!tsquery) break
        const rows = await this.manager_.query(
          `WITH q AS (SELECT to_tsquery('simple', $2) AS simple_q, to_tsquery('english', $2) AS english_q)
           SELECT d.document,
                  ts_rank_cd(d.tsv, q.english_q, 32) + ts_rank_cd(d.tsv, q.simple_q, 32)
                    + 0.2 * similarity(d.title, $3) AS rank,
                  count(*) OVER () AS total
             FROM search_document d, q
            WHERE d.index_name = $1 AND (d.tsv @@ q.english_q OR d.tsv @@ q.simple_q)
              AND coalesce(d.document->>'status', 'published') = 'published'
              -- A product deleted while its indexing event was in flight may leave its document behind.
              AND NOT EXISTS (SELECT 1 FROM product p WHERE p.id = d.document_id AND p.deleted_at IS NOT NULL)
            ORDER BY rank DESC, d.title ASC
            OFFSET $4 LIMIT $5`,
          [indexName, tsquery, corrected.join(" "), offset, limit]
        )
        if (rows.length || mode === "or") {
          hits = rows.map((r: { document: Record<string, unknown> }) => r.document)
          total = rows.length ? Number(rows[0].total) : 0
          break
        }
      }
    }
    const correctedQuery = corrected.join(" ")
    return {
      hits,
      query,
      corrected_query: correctedQuery !== terms.join(" ") ? correctedQuery : null,
      offset,
      limit,
      estimatedTotalHits: total,
      processingTimeMs: Date.now() - started,
    }
  }
}
