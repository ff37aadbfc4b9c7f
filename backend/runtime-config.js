/**
 * Chooses each runtime concern (database, events/cache, search, files, payments,
 * shipping, stylist) from the environment: the real service when configured, the embedded
 * or built-in fallback when not. Pure: reads only the env object it is given, so it
 * is unit tested directly and shared by medusa-config.js, the start script and tests.
 *
 * Any invalid value throws a RuntimeConfigError naming the variable, so a typo stops
 * startup instead of silently falling back to a weaker implementation.
 */

const DEFAULT_SECRET = "supersecret"
const EMBEDDED_PG_DEFAULT_PORT = 54329

class RuntimeConfigError extends Error {
  constructor(variable, message) {
    super(`${variable}: ${message}`)
    this.name = "RuntimeConfigError"
    this.variable = variable
  }
}

function readVar(env, name) {
  const value = env[name]
  if (value === undefined) return undefined
  const trimmed = String(value).trim()
  return trimmed === "" ? undefined : trimmed
}

function parseUrl(env, name, protocols, example) {
  const raw = readVar(env, name)
  if (raw === undefined) return undefined
  let url
  try {
    url = new URL(raw)
  } catch {
    throw new RuntimeConfigError(name, `"${redact(raw)}" is not a valid URL; expected something like ${example}`)
  }
  if (!protocols.includes(url.protocol)) {
    throw new RuntimeConfigError(
      name,
      `"${redact(raw)}" uses ${url.protocol.replace(":", "")}://, expected ${protocols.map((p) => p.replace(":", "://")).join(" or ")} (e.g. ${example})`
    )
  }
  if (!url.hostname) {
    throw new RuntimeConfigError(name, `"${redact(raw)}" has no host; expected something like ${example}`)
  }
  return { raw, url }
}

/** Hides the password of a URL-looking value before it is printed. */
function redact(value) {
  return String(value).replace(/(\/\/[^:/@]+:)[^@/]+@/, "$1****@")
}

function parsePort(env, name, fallback) {
  const raw = readVar(env, name)
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new RuntimeConfigError(name, `"${raw}" is not a TCP port (1-65535)`)
  }
  return Number(raw)
}

/** Variables that only make sense together: all set, or none. */
function requireGroup(env, names, what) {
  const set = names.filter((n) => readVar(env, n) !== undefined)
  if (set.length === 0) return false
  const missing = names.filter((n) => readVar(env, n) === undefined)
  if (missing.length) {
    throw new RuntimeConfigError(
      missing[0],
      `is required because ${set.join(", ")} ${set.length === 1 ? "is" : "are"} set (${what}); set ${missing.join(" and ")} or unset ${set.join(" and ")}`
    )
  }
  return true
}

function resolveDatabase(env) {
  const parsed = parseUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"], "postgres://postgres:postgres@localhost:5432/medusa")
  if (parsed) {
    const dbName = parsed.url.pathname.replace(/^\//, "")
    if (!dbName) {
      throw new RuntimeConfigError("DATABASE_URL", `"${redact(parsed.raw)}" names no database; add one after the port, e.g. /medusa`)
    }
    return {
      kind: "postgres",
      url: parsed.raw,
      describe: `PostgreSQL at ${parsed.url.hostname}:${parsed.url.port || 5432}/${dbName} (DATABASE_URL)`,
    }
  }
  const port = parsePort(env, "EMBEDDED_PG_PORT", EMBEDDED_PG_DEFAULT_PORT)
  return {
    kind: "embedded",
    port,
    url: `postgres://postgres:postgres@127.0.0.1:${port}/medusa`,
    describe: `embedded PostgreSQL on 127.0.0.1:${port}, data in .data/ (DATABASE_URL unset)`,
  }
}

function resolveRedis(env) {
  const parsed = parseUrl(env, "REDIS_URL", ["redis:", "rediss:"], "redis://localhost:6379")
  if (parsed) {
    return { kind: "redis", url: parsed.raw, describe: `Redis event bus and cache at ${parsed.url.hostname}:${parsed.url.port || 6379} (REDIS_URL)` }
  }
  return { kind: "local", describe: "local event bus and in-memory cache (REDIS_URL unset; single process only)" }
}

function resolveSearch(env) {
  const parsed = parseUrl(env, "MEILISEARCH_HOST", ["http:", "https:"], "http://localhost:7700")
  if (parsed) {
    return {
      kind: "meilisearch",
      host: parsed.raw,
      apiKey: readVar(env, "MEILISEARCH_API_KEY"),
      describe: `Meilisearch at ${parsed.raw} (MEILISEARCH_HOST)`,
    }
  }
  return { kind: "postgres", describe: "PostgreSQL full-text search with typo tolerance (MEILISEARCH_HOST unset)" }
}

function resolveFiles(env) {
  const names = ["S3_URL", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]
  if (!requireGroup(env, names, "S3 file storage")) {
    return { kind: "local", uploadDir: "uploads", describe: "local files in backend/uploads/ (S3_* unset)" }
  }
  parseUrl(env, "S3_URL", ["http:", "https:"], "https://my-bucket.s3.ap-south-1.amazonaws.com")
  const endpoint = parseUrl(env, "S3_ENDPOINT", ["http:", "https:"], "http://localhost:9001")
  return {
    kind: "s3",
    options: {
      s3_url: readVar(env, "S3_URL"),
      bucket: readVar(env, "S3_BUCKET"),
      region: readVar(env, "S3_REGION"),
      access_key_id: readVar(env, "S3_ACCESS_KEY_ID"),
      secret_access_key: readVar(env, "S3_SECRET_ACCESS_KEY"),
      ...(endpoint ? { aws_config_object: { endpoint: endpoint.raw, s3ForcePathStyle: true } } : {}),
    },
    describe: `S3 bucket ${readVar(env, "S3_BUCKET")} (${endpoint ? `endpoint ${endpoint.raw}` : readVar(env, "S3_REGION")})`,
  }
}

function resolvePayments(env) {
  const razorpay = requireGroup(env, ["RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET"], "Razorpay")
    ? {
        key_id: readVar(env, "RAZORPAY_KEY_ID"),
        key_secret: readVar(env, "RAZORPAY_KEY_SECRET"),
        razorpay_account: readVar(env, "RAZORPAY_ACCOUNT"),
        webhook_secret: readVar(env, "RAZORPAY_WEBHOOK_SECRET"),
      }
    : undefined
  if (razorpay && !/^rzp_(test|live)_/.test(razorpay.key_id)) {
    throw new RuntimeConfigError("RAZORPAY_KEY_ID", `"${razorpay.key_id}" does not look like a Razorpay key id (rzp_test_... or rzp_live_...)`)
  }
  if (!razorpay && readVar(env, "RAZORPAY_WEBHOOK_SECRET")) {
    throw new RuntimeConfigError("RAZORPAY_KEY_ID", "is required because RAZORPAY_WEBHOOK_SECRET is set")
  }
  const stripe = readVar(env, "STRIPE_API_KEY")
    ? { api_key: readVar(env, "STRIPE_API_KEY"), webhook_secret: readVar(env, "STRIPE_WEBHOOK_SECRET") }
    : undefined
  if (stripe && !/^(sk|rk)_(test|live)_/.test(stripe.api_key)) {
    throw new RuntimeConfigError("STRIPE_API_KEY", "does not look like a Stripe secret key (sk_test_... or sk_live_...)")
  }
  if (stripe && !stripe.webhook_secret) {
    throw new RuntimeConfigError("STRIPE_WEBHOOK_SECRET", "is required because STRIPE_API_KEY is set (Stripe confirms payments by webhook)")
  }
  if (!stripe && readVar(env, "STRIPE_WEBHOOK_SECRET")) {
    throw new RuntimeConfigError("STRIPE_API_KEY", "is required because STRIPE_WEBHOOK_SECRET is set")
  }
  const cod = resolveCod(env)
  const india = razorpay ? `Razorpay and ${cod.describe}` : `${cod.describe} (RAZORPAY_KEY_ID unset)`
  const us = stripe ? "Stripe" : "manual payment (STRIPE_API_KEY unset)"
  return { razorpay, stripe, cod, describe: `India: ${india}; US: ${us}` }
}

/**
 * Cash on delivery rules. The payment processor (src/services/cod.ts) reads the same
 * variables through src/core/cod-policy.ts; these checks, kept in step with it, stop
 * startup with the usual configuration error instead of a stack trace.
 */
function resolveCod(env) {
  const max = readVar(env, "COD_MAX_ORDER_INR")
  if (max !== undefined && (!/^\d+(\.\d{1,2})?$/.test(max) || Number(max) <= 0)) {
    throw new RuntimeConfigError("COD_MAX_ORDER_INR", `"${max}" must be a positive amount in rupees, e.g. 20000`)
  }
  const blocked = readVar(env, "COD_BLOCKED_PINCODES")
  let prefixes = ["9", "744", "68255"]
  if (blocked !== undefined) {
    prefixes = []
    if (blocked.toLowerCase() !== "none") {
      for (const part of blocked.split(",").map((p) => p.trim()).filter(Boolean)) {
        const colon = part.indexOf(":")
        const prefix = (colon === -1 ? part : part.slice(0, colon)).trim()
        const name = colon === -1 ? null : part.slice(colon + 1).trim()
        if (!/^[1-9][0-9]{0,5}$/.test(prefix)) {
          throw new RuntimeConfigError("COD_BLOCKED_PINCODES", `"${prefix}" is not a pincode prefix (1 to 6 digits, not starting with 0), e.g. 744,68255`)
        }
        if (name !== null && (name === "" || name.length > 60)) {
          throw new RuntimeConfigError("COD_BLOCKED_PINCODES", `the area name after "${prefix}:" must be 1-60 characters`)
        }
        prefixes.push(prefix)
      }
      if (!prefixes.length) {
        throw new RuntimeConfigError("COD_BLOCKED_PINCODES", `"${blocked}" lists no prefix; unset it for the defaults or write none`)
      }
    }
  }
  const maxInr = max === undefined ? 20000 : Number(max)
  const where = prefixes.length ? `, not for pincodes ${prefixes.map((p) => `${p}*`).join(", ")}` : ""
  return { maxOrderInr: maxInr, blockedPrefixes: prefixes, describe: `cash on delivery up to Rs ${maxInr.toLocaleString("en-IN")}${where}` }
}

function resolveSecrets(env, production) {
  const secrets = {}
  for (const name of ["JWT_SECRET", "COOKIE_SECRET"]) {
    const value = readVar(env, name)
    if (production && (!value || value === DEFAULT_SECRET)) {
      throw new RuntimeConfigError(name, "must be set to a long random value in production (NODE_ENV=production); e.g. `openssl rand -hex 32`")
    }
    secrets[name] = value || DEFAULT_SECRET
  }
  const supplierKey = readVar(env, "SUPPLIER_SECRET_KEY")
  if (supplierKey && supplierKey.length < 16) {
    throw new RuntimeConfigError("SUPPLIER_SECRET_KEY", "must be at least 16 characters (it encrypts supplier webhook secrets)")
  }
  if (production && !supplierKey) {
    throw new RuntimeConfigError("SUPPLIER_SECRET_KEY", "must be set in production: it encrypts supplier webhook secrets at rest (e.g. `openssl rand -hex 32`)")
  }
  return secrets
}

/** Shiprocket when its API user is configured (both variables), flat-rate shipping otherwise. */
/** A whole number of at least `min`, or undefined when unset. */
function parseWholeNumber(env, name, min) {
  const raw = readVar(env, name)
  if (!raw) return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new RuntimeConfigError(name, `"${raw}" must be a whole number of at least ${min}`)
  return n
}

function resolveShipping(env) {
  const email = readVar(env, "SHIPROCKET_EMAIL")
  const password = readVar(env, "SHIPROCKET_PASSWORD")
  if (Boolean(email) !== Boolean(password)) {
    throw new RuntimeConfigError(email ? "SHIPROCKET_PASSWORD" : "SHIPROCKET_EMAIL", "SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD must be set together (the API user from Shiprocket's Settings > API)")
  }
  const apiUrl = parseUrl(env, "SHIPROCKET_API_URL", ["http:", "https:"], "https://apiv2.shiprocket.in/v1/external")
  const pickup = readVar(env, "SHIPROCKET_PICKUP_PINCODE")
  if (pickup && !/^[1-9][0-9]{5}$/.test(pickup)) throw new RuntimeConfigError("SHIPROCKET_PICKUP_PINCODE", `"${pickup}" is not a 6-digit Indian pincode`)
  const webhookToken = readVar(env, "SHIPROCKET_WEBHOOK_TOKEN")
  if (webhookToken && webhookToken.length < 16) throw new RuntimeConfigError("SHIPROCKET_WEBHOOK_TOKEN", "use at least 16 characters (it is the only proof a tracking update comes from Shiprocket)")
  // Loops, tokens and retries work the same with or without credentials: the admin and the webhook need them.
  const common = {
    default_pickup_pincode: pickup,
    default_pickup_location: readVar(env, "SHIPROCKET_PICKUP_LOCATION") || undefined,
    webhook_token: webhookToken || undefined,
    // Scripts (the seed) set SHIPROCKET_DISPATCHER=off: only servers and workers book parcels.
    dispatcher: readVar(env, "SHIPROCKET_DISPATCHER") !== "off",
    dispatch_interval_ms: parseWholeNumber(env, "SHIPROCKET_DISPATCH_INTERVAL_MS", 50),
    sweep_interval_ms: parseWholeNumber(env, "SHIPROCKET_SWEEP_INTERVAL_MS", 100),
    tracking_poll_interval_ms: parseWholeNumber(env, "SHIPROCKET_TRACKING_POLL_MS", 100),
    outage_cooldown_ms: parseWholeNumber(env, "SHIPROCKET_OUTAGE_COOLDOWN_MS", 0),
    request_timeout_ms: parseWholeNumber(env, "SHIPROCKET_REQUEST_TIMEOUT_MS", 100),
    // About 2 requests/s per account is what Shiprocket tolerates; raise it only against a simulator.
    requests_per_second: parseWholeNumber(env, "SHIPROCKET_REQUESTS_PER_SECOND", 1),
    booking_retry: {
      base_ms: parseWholeNumber(env, "SHIPROCKET_RETRY_BASE_MS", 1),
      max_ms: parseWholeNumber(env, "SHIPROCKET_RETRY_MAX_MS", 1),
      max_attempts: parseWholeNumber(env, "SHIPROCKET_RETRY_MAX_ATTEMPTS", 1),
    },
  }
  if (!email) return { kind: "flat", options: common, describe: "flat-rate shipping options (Shiprocket not configured)" }
  return {
    kind: "shiprocket",
    options: { ...common, email, password, api_url: apiUrl ? apiUrl.raw : undefined },
    describe: `Shiprocket (${email}${apiUrl ? ` at ${apiUrl.raw}` : ""}): courier rates and delivery dates at checkout next to flat rates, COD by pincode, parcels booked from the suppliers' pickup locations, tracking`,
  }
}

/** OpenAI for the stylist when a key is set; the built-in offline engine otherwise (and whenever OpenAI fails). */
function resolveStylist(env) {
  const apiKey = readVar(env, "OPENAI_API_KEY")
  const baseUrl = parseUrl(env, "OPENAI_BASE_URL", ["http:", "https:"], "https://api.openai.com/v1")
  const model = readVar(env, "OPENAI_MODEL") || "gpt-4.1-mini"
  const options = {
    openai_timeout_ms: parseWholeNumber(env, "OPENAI_TIMEOUT_MS", 100),
    openai_cooldown_ms: parseWholeNumber(env, "STYLIST_OPENAI_COOLDOWN_MS", 0),
    session_ttl_minutes: parseWholeNumber(env, "STYLIST_SESSION_TTL_MINUTES", 1),
    rate_limit_per_minute_ip: parseWholeNumber(env, "STYLIST_RATE_LIMIT_PER_MINUTE_IP", 1),
    rate_limit_per_minute_customer: parseWholeNumber(env, "STYLIST_RATE_LIMIT_PER_MINUTE_CUSTOMER", 1),
  }
  if (!apiKey) {
    if (baseUrl) throw new RuntimeConfigError("OPENAI_BASE_URL", "is set but OPENAI_API_KEY is not: set the key too, or unset both to use the offline stylist")
    return { kind: "offline", options, describe: "built-in offline stylist engine (OPENAI_API_KEY not set)" }
  }
  return {
    kind: "openai",
    options: { ...options, openai_api_key: apiKey, openai_base_url: baseUrl ? baseUrl.raw : undefined, openai_model: model },
    describe: `OpenAI Responses (${model}${baseUrl ? ` at ${baseUrl.raw}` : ""}) with tools over the live catalogue, every answer checked in code; the offline engine when OpenAI fails`,
  }
}

/** 3D model uploads: size limit and the processing loop's settings (files go through the file service above). */
function resolveModels(env) {
  return {
    options: {
      max_upload_mb: parseWholeNumber(env, "MODEL_MAX_UPLOAD_MB", 1),
      processing_timeout_ms: parseWholeNumber(env, "MODEL_PROCESSING_TIMEOUT_MS", 1000),
      processing_interval_ms: parseWholeNumber(env, "MODEL_PROCESSING_INTERVAL_MS", 50),
      // Scripts (the seed) set MODEL_PROCESSOR=off: only servers and workers process uploads.
      processor: readVar(env, "MODEL_PROCESSOR") !== "off",
    },
  }
}

/** Store API rate limits per minute (Redis-backed when REDIS_URL is set, per process otherwise). */
/** Seconds a hot Store API read is served from the cache (0: no cache); changes with events answer fresh at once. */
function resolveStoreCache(env) {
  return { ttl_seconds: parseWholeNumber(env, "STORE_CACHE_TTL_SECONDS", 0) ?? 5 }
}

function resolveRateLimits(env) {
  return {
    store_per_minute: parseWholeNumber(env, "RATE_LIMIT_STORE_PER_MINUTE", 1) ?? 100,
    auth_per_minute: parseWholeNumber(env, "RATE_LIMIT_AUTH_PER_MINUTE", 1) ?? 10,
    orders_per_minute: parseWholeNumber(env, "RATE_LIMIT_ORDERS_PER_MINUTE", 1) ?? 10,
  }
}

const LOG_LEVELS = ["error", "warn", "info", "http", "verbose", "debug", "silly"]

/**
 * Our own log lines (the access log): JSON in production, where a collector reads them, and
 * wherever LOG_FORMAT=json; one readable line otherwise. LOG_LEVEL is Medusa's own (winston's
 * npm levels, default silly); checked here because winston given an unknown level logs nothing.
 */
function resolveLogging(env, production) {
  const format = readVar(env, "LOG_FORMAT")
  if (format !== undefined && format !== "json" && format !== "text") {
    throw new RuntimeConfigError("LOG_FORMAT", `"${format}" must be json or text`)
  }
  if (production && format === "text") {
    throw new RuntimeConfigError("LOG_FORMAT", "text is for development: production (NODE_ENV=production) always logs JSON; unset it or set json")
  }
  const level = readVar(env, "LOG_LEVEL")
  if (level !== undefined && !LOG_LEVELS.includes(level)) {
    throw new RuntimeConfigError("LOG_LEVEL", `"${level}" must be one of ${LOG_LEVELS.join(", ")} (lower case)`)
  }
  return { format: production || format === "json" ? "json" : "text", level: level || "silly" }
}

/**
 * @param {Record<string, string | undefined>} env usually process.env
 */
function resolveRuntimeConfig(env) {
  const production = env.NODE_ENV === "production"
  const port = parsePort(env, "PORT", 9000)
  const backendUrl = parseUrl(env, "MEDUSA_BACKEND_URL", ["http:", "https:"], "https://api.example.com")
  const workerMode = readVar(env, "MEDUSA_WORKER_MODE") || "shared"
  if (!["shared", "server", "worker"].includes(workerMode)) {
    throw new RuntimeConfigError("MEDUSA_WORKER_MODE", `"${workerMode}" must be shared, server or worker`)
  }
  const storefrontPort = parsePort(env, "STOREFRONT_PORT", 8000)
  return {
    production,
    port,
    workerMode,
    backendUrl: backendUrl ? backendUrl.raw.replace(/\/$/, "") : `http://localhost:${port}`,
    storeCors: readVar(env, "STORE_CORS") || `http://localhost:${storefrontPort},http://127.0.0.1:${storefrontPort}`,
    adminCors: readVar(env, "ADMIN_CORS") || `http://localhost:${port},http://localhost:7001`,
    secrets: resolveSecrets(env, production),
    database: resolveDatabase(env),
    redis: resolveRedis(env),
    search: resolveSearch(env),
    files: resolveFiles(env),
    payments: resolvePayments(env),
    shipping: resolveShipping(env),
    stylist: resolveStylist(env),
    models: resolveModels(env),
    rateLimits: resolveRateLimits(env),
    storeCache: resolveStoreCache(env),
    logging: resolveLogging(env, production),
  }
}

/** One line per concern, printed at startup. */
function describeRuntimeConfig(config) {
  return [
    `database: ${config.database.describe}`,
    `events+cache: ${config.redis.describe}`,
    `search: ${config.search.describe}`,
    `files: ${config.files.describe}`,
    `payments: ${config.payments.describe}`,
    `shipping: ${config.shipping.describe}`,
    `stylist: ${config.stylist.describe}`,
  ]
}

/**
 * resolveRuntimeConfig for entry points: a configuration error is printed as one
 * readable line naming the variable and the process exits 1 (Medusa would print a stack).
 */
function resolveRuntimeConfigOrExit(env) {
  try {
    return resolveRuntimeConfig(env)
  } catch (error) {
    if (!(error instanceof RuntimeConfigError)) throw error
    console.error(`\nConfiguration error: ${error.message}\nSee backend/README.md#configuration.\n`)
    process.exit(1)
  }
}

module.exports = {
  resolveRuntimeConfig,
  resolveRuntimeConfigOrExit,
  describeRuntimeConfig,
  RuntimeConfigError,
  redact,
  EMBEDDED_PG_DEFAULT_PORT,
}
