import path from "path"

// runtime-config.js is plain JS shared with medusa-config.js and the start script.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveRuntimeConfig } = require(path.join(__dirname, "..", "..", "runtime-config.js"))

type Runtime = {
  redis: { kind: "redis" | "local" }
  search: { kind: "postgres" } | { kind: "meilisearch"; host: string }
  logging: { format: "json" | "text"; level: "error" | "warn" | "info" | "http" | "verbose" | "debug" | "silly" }
}

let runtime: Runtime | null = null

/** The same choice medusa-config.js made at startup, so checks probe what is actually in use. */
export function runtimeChoices(): Runtime {
  if (!runtime) runtime = resolveRuntimeConfig(process.env) as Runtime
  return runtime
}
