import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Tables behind the PostgreSQL search service: one weighted tsvector per document
 * (english for stemming, simple for exact words such as "bodycon") and a vocabulary
 * with a trigram index for typo correction.
 */
export class PostgresSearch1763800000000 implements MigrationInterface {
  name = "PostgresSearch1763800000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS search_document (
        index_name text NOT NULL,
        document_id text NOT NULL,
        title text NOT NULL DEFAULT '',
        keywords text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        document jsonb NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('simple', title), 'A') ||
          setweight(to_tsvector('english', keywords), 'B') || setweight(to_tsvector('simple', keywords), 'B') ||
          setweight(to_tsvector('english', body), 'C') || setweight(to_tsvector('simple', body), 'D')
        ) STORED,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (index_name, document_id)
      )`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS idx_search_document_tsv ON search_document USING gin (tsv)`)
    await queryRunner.query(`CREATE TABLE IF NOT EXISTS search_term (term text PRIMARY KEY)`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS idx_search_term_trgm ON search_term USING gin (term gin_trgm_ops)`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS search_term`)
    await queryRunner.query(`DROP TABLE IF EXISTS search_document`)
  }
}
