import { Pool } from "pg"

type ConfigModule = { projectConfig: { database_url?: string; database_extra?: Record<string, unknown> } }

/**
 * A small pool beside Medusa's, for the statements a plugin runs while Medusa may be holding
 * one of its own connections in a transaction: payment processors and fulfillment
 * providers are called inside cart transactions without being given that transaction.
 * Taken from Medusa's pool, such a read waits for a second connection; ten requests doing
 * it at once hold all ten and wait for each other forever (the server stops answering).
 * Here no statement waits on Medusa's pool, so that cycle cannot form. Statements see
 * committed data only.
 */
export type SidePool = { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>; pool: Pool }

const pools = new Map<string, SidePool>()

export function sidePool(configModule: ConfigModule, options: { name: string; max?: number; waitMs?: number }): SidePool {
  const existing = pools.get(options.name)
  if (existing) return existing
  const { database_url, database_extra } = configModule.projectConfig
  const pool = new Pool({
    connectionString: database_url,
    ...(database_extra ?? {}),
    max: options.max ?? 4,
    // A busy side pool makes a caller fail after this wait instead of queueing without end.
    connectionTimeoutMillis: options.waitMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    application_name: options.name,
  })
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {})
  const side: SidePool = { pool, query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[] }
  pools.set(options.name, side)
  return side
}
