import type { EntityManager } from "typeorm"
import { withTimeout } from "./timeout"

/**
 * Runs one read-only query that PostgreSQL itself abandons after `ms` (SET LOCAL lasts
 * until the end of this transaction only), so a slow count cannot pile up behind
 * scrapes. The outer timeout also covers waiting for a pool connection.
 */
export function boundedQuery<T = Record<string, unknown>>(manager: EntityManager, sql: string, ms: number, what: string): Promise<T[]> {
  const statementMs = Math.max(1, Math.floor(ms))
  return withTimeout(
    manager.transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = ${statementMs}`)
      return (await tx.query(sql)) as T[]
    }),
    statementMs + 500,
    what
  )
}
