import { AwilixContainer, asFunction } from "awilix"
import path from "path"
import PostgresSearchService from "../search/postgres-search-service"

// runtime-config.js is plain JS shared with medusa-config.js and the start script.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveRuntimeConfig, describeRuntimeConfig } = require(path.join(__dirname, "..", "..", "runtime-config.js"))

/**
 * Registers the PostgreSQL search service when no search plugin is configured, and
 * prints one line per runtime concern so an operator sees what is active.
 */
export default async function runtimeLoader(container: AwilixContainer): Promise<void> {
  const runtime = resolveRuntimeConfig(process.env)
  if (runtime.search.kind === "postgres") {
    container.register({
      postgresSearchService: asFunction((cradle) => new PostgresSearchService(cradle)).singleton(),
      searchService: asFunction((cradle) => cradle.postgresSearchService).singleton(),
      isSearchEngineInstalled: asFunction(() => true).singleton(),
    })
  }
  const logger = container.resolve<{ info: (m: string) => void }>("logger")
  for (const line of describeRuntimeConfig(runtime)) logger.info(`[runtime] ${line}`)
}
