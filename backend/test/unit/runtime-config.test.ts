import { resolveRuntimeConfig, describeRuntimeConfig, RuntimeConfigError } from "../../runtime-config"

function errorOf(env: Record<string, string>): RuntimeConfigError {
  try {
    resolveRuntimeConfig(env)
  } catch (e) {
    return e as RuntimeConfigError
  }
  throw new Error("expected a configuration error")
}

describe("resolveRuntimeConfig", () => {
  it("falls back to embedded and built-in implementations when nothing is set", () => {
    const c = resolveRuntimeConfig({})
    expect(c.database.kind).toBe("embedded")
    expect(c.database.url).toBe("postgres://postgres:postgres@127.0.0.1:54329/medusa")
    expect(c.redis.kind).toBe("local")
    expect(c.search.kind).toBe("postgres")
    expect(c.files.kind).toBe("local")
    expect(c.payments.razorpay).toBeUndefined()
    expect(c.payments.stripe).toBeUndefined()
    expect(c.port).toBe(9000)
    expect(describeRuntimeConfig(c)).toHaveLength(7)
  })

  it("uses every real service when configured", () => {
    const c = resolveRuntimeConfig({
      DATABASE_URL: "postgres://u:p@db:5432/shop",
      REDIS_URL: "redis://cache:6379",
      MEILISEARCH_HOST: "http://search:7700",
      S3_URL: "http://minio:9000/medusa",
      S3_BUCKET: "medusa",
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_ENDPOINT: "http://minio:9000",
      RAZORPAY_KEY_ID: "rzp_test_abc",
      RAZORPAY_KEY_SECRET: "s3cr3t",
      STRIPE_API_KEY: "sk_test_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_abc",
      PORT: "9100",
    })
    expect(c.database).toMatchObject({ kind: "postgres", url: "postgres://u:p@db:5432/shop" })
    expect(c.redis).toMatchObject({ kind: "redis", url: "redis://cache:6379" })
    expect(c.search).toMatchObject({ kind: "meilisearch", host: "http://search:7700" })
    expect(c.files.kind).toBe("s3")
    expect(c.payments.razorpay?.key_id).toBe("rzp_test_abc")
    expect(c.payments.stripe?.api_key).toBe("sk_test_abc")
    expect(c.port).toBe(9100)
    // A password never reaches the startup lines.
    expect(describeRuntimeConfig(c).join("\n")).not.toContain(":p@")
  })

  it.each([
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL", /not a valid URL/],
    [{ DATABASE_URL: "mysql://u:p@h/db" }, "DATABASE_URL", /expected postgres/],
    [{ DATABASE_URL: "postgres://u:p@h:5432" }, "DATABASE_URL", /names no database/],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL", /redis:\/\//],
    [{ MEILISEARCH_HOST: "search" }, "MEILISEARCH_HOST", /not a valid URL/],
    [{ RAZORPAY_KEY_ID: "rzp_test_abc" }, "RAZORPAY_KEY_SECRET", /required because RAZORPAY_KEY_ID is set/],
    [{ RAZORPAY_KEY_SECRET: "x" }, "RAZORPAY_KEY_ID", /required/],
    [{ RAZORPAY_KEY_ID: "abc", RAZORPAY_KEY_SECRET: "x" }, "RAZORPAY_KEY_ID", /rzp_test_/],
    [{ STRIPE_API_KEY: "sk_test_abc" }, "STRIPE_WEBHOOK_SECRET", /required/],
    [{ STRIPE_API_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" }, "STRIPE_API_KEY", /secret key/],
    [{ S3_BUCKET: "b" }, "S3_URL", /required because S3_BUCKET is set/],
    [{ PORT: "90000" }, "PORT", /TCP port/],
    [{ MEDUSA_WORKER_MODE: "both" }, "MEDUSA_WORKER_MODE", /shared, server or worker/],
    [{ NODE_ENV: "production" }, "JWT_SECRET", /production/],
    [{ NODE_ENV: "production", JWT_SECRET: "a".repeat(40), COOKIE_SECRET: "supersecret" }, "COOKIE_SECRET", /production/],
    [{ NODE_ENV: "production", JWT_SECRET: "a".repeat(40), COOKIE_SECRET: "b".repeat(40) }, "SUPPLIER_SECRET_KEY", /production/],
    [{ SUPPLIER_SECRET_KEY: "short" }, "SUPPLIER_SECRET_KEY", /at least 16/],
    [{ COD_MAX_ORDER_INR: "20k" }, "COD_MAX_ORDER_INR", /positive amount in rupees/],
    [{ COD_MAX_ORDER_INR: "0" }, "COD_MAX_ORDER_INR", /positive amount in rupees/],
    [{ COD_BLOCKED_PINCODES: "744,0123" }, "COD_BLOCKED_PINCODES", /not a pincode prefix/],
    [{ COD_BLOCKED_PINCODES: "744:" }, "COD_BLOCKED_PINCODES", /area name/],
    [{ COD_BLOCKED_PINCODES: " , " }, "COD_BLOCKED_PINCODES", /lists no prefix/],
  ])("rejects %j naming %s", (env, variable, message) => {
    const error = errorOf(env as Record<string, string>)
    expect(error).toBeInstanceOf(RuntimeConfigError)
    expect(error.variable).toBe(variable)
    expect(error.message).toMatch(message)
    expect(error.message.startsWith(`${variable}:`)).toBe(true)
  })

  it("does not print a database password when rejecting a URL", () => {
    const error = errorOf({ DATABASE_URL: "mysql://user:hunter2@h/db" })
    expect(error.message).not.toContain("hunter2")
  })

  it("describes the cash on delivery rules, defaults and configured", () => {
    expect(resolveRuntimeConfig({}).payments.describe).toContain("cash on delivery up to Rs 20,000, not for pincodes 9*, 744*, 68255*")
    const c = resolveRuntimeConfig({ COD_MAX_ORDER_INR: "150000", COD_BLOCKED_PINCODES: "744,110099:Delhi Cantonment" })
    expect(c.payments.cod).toEqual(expect.objectContaining({ maxOrderInr: 150000, blockedPrefixes: ["744", "110099"] }))
    expect(c.payments.describe).toContain("up to Rs 1,50,000, not for pincodes 744*, 110099*")
    expect(resolveRuntimeConfig({ COD_BLOCKED_PINCODES: "none" }).payments.cod.blockedPrefixes).toEqual([])
  })

  it("treats blank variables as unset", () => {
    expect(resolveRuntimeConfig({ DATABASE_URL: "  ", REDIS_URL: "" }).database.kind).toBe("embedded")
  })

  it("uses Shiprocket only with both credentials, and says what is missing", () => {
    expect(resolveRuntimeConfig({}).shipping).toMatchObject({ kind: "flat", options: {} })
    const c = resolveRuntimeConfig({ SHIPROCKET_EMAIL: "api@zari.example", SHIPROCKET_PASSWORD: "s3cret", SHIPROCKET_PICKUP_PINCODE: "395003" })
    expect(c.shipping).toMatchObject({ kind: "shiprocket", options: { email: "api@zari.example", password: "s3cret", default_pickup_pincode: "395003" } })
    expect(describeRuntimeConfig(c).join("\n")).not.toContain("s3cret")
    expect(errorOf({ SHIPROCKET_EMAIL: "api@zari.example" }).variable).toBe("SHIPROCKET_PASSWORD")
    expect(errorOf({ SHIPROCKET_EMAIL: "a@b.c", SHIPROCKET_PASSWORD: "x", SHIPROCKET_PICKUP_PINCODE: "0123" }).message).toMatch(/6-digit/)
  })

  it("reads the Shiprocket loop, retry and webhook settings, and refuses malformed ones by name", () => {
    const c = resolveRuntimeConfig({
      SHIPROCKET_PICKUP_LOCATION: "Surat-WH1",
      SHIPROCKET_WEBHOOK_TOKEN: "a-long-enough-token",
      SHIPROCKET_DISPATCHER: "off",
      SHIPROCKET_DISPATCH_INTERVAL_MS: "200",
      SHIPROCKET_RETRY_MAX_ATTEMPTS: "6",
    })
    // Without credentials too: the admin, the webhook token and the loop settings still apply.
    expect(c.shipping).toMatchObject({
      kind: "flat",
      options: { default_pickup_location: "Surat-WH1", webhook_token: "a-long-enough-token", dispatcher: false, dispatch_interval_ms: 200, booking_retry: { max_attempts: 6 } },
    })
    expect(errorOf({ SHIPROCKET_WEBHOOK_TOKEN: "short" }).variable).toBe("SHIPROCKET_WEBHOOK_TOKEN")
    expect(errorOf({ SHIPROCKET_RETRY_MAX_ATTEMPTS: "0" })).toMatchObject({ variable: "SHIPROCKET_RETRY_MAX_ATTEMPTS", message: expect.stringMatching(/whole number of at least 1/) })
    expect(errorOf({ SHIPROCKET_TRACKING_POLL_MS: "soon" }).variable).toBe("SHIPROCKET_TRACKING_POLL_MS")
  })

  it("uses OpenAI for the stylist only with a key, keeps the key out of the startup line, and refuses a base URL without a key", () => {
    expect(resolveRuntimeConfig({}).stylist).toMatchObject({ kind: "offline", options: {} })
    expect(describeRuntimeConfig(resolveRuntimeConfig({})).join("\n")).toContain("stylist: built-in offline stylist engine")
    const c = resolveRuntimeConfig({ OPENAI_API_KEY: "sk-live-secret", OPENAI_MODEL: "gpt-4.1", OPENAI_TIMEOUT_MS: "8000", STYLIST_RATE_LIMIT_PER_MINUTE_IP: "60" })
    expect(c.stylist).toMatchObject({ kind: "openai", options: { openai_api_key: "sk-live-secret", openai_model: "gpt-4.1", openai_timeout_ms: 8000, rate_limit_per_minute_ip: 60 } })
    expect(describeRuntimeConfig(c).join("\n")).toContain("stylist: OpenAI Responses (gpt-4.1)")
    expect(describeRuntimeConfig(c).join("\n")).not.toContain("sk-live-secret")
    expect(errorOf({ OPENAI_BASE_URL: "http://127.0.0.1:1234/v1" }).variable).toBe("OPENAI_BASE_URL")
    expect(errorOf({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: "ftp://x" }).variable).toBe("OPENAI_BASE_URL")
    expect(errorOf({ STYLIST_RATE_LIMIT_PER_MINUTE_CUSTOMER: "0" }).variable).toBe("STYLIST_RATE_LIMIT_PER_MINUTE_CUSTOMER")
  })

  it("caches hot Store API reads for 5 s unless told otherwise, 0 turning the cache off", () => {
    expect(resolveRuntimeConfig({}).storeCache).toEqual({ ttl_seconds: 5 })
    expect(resolveRuntimeConfig({ STORE_CACHE_TTL_SECONDS: "0" }).storeCache).toEqual({ ttl_seconds: 0 })
    expect(resolveRuntimeConfig({ STORE_CACHE_TTL_SECONDS: "30" }).storeCache).toEqual({ ttl_seconds: 30 })
    expect(errorOf({ STORE_CACHE_TTL_SECONDS: "-1" }).variable).toBe("STORE_CACHE_TTL_SECONDS")
    expect(errorOf({ STORE_CACHE_TTL_SECONDS: "5s" }).variable).toBe("STORE_CACHE_TTL_SECONDS")
  })

  it("reads the 3D model settings and refuses malformed ones by name", () => {
    expect(resolveRuntimeConfig({}).models.options).toMatchObject({ processor: true })
    expect(resolveRuntimeConfig({ MODEL_MAX_UPLOAD_MB: "50", MODEL_PROCESSOR: "off" }).models.options).toMatchObject({ max_upload_mb: 50, processor: false })
    expect(errorOf({ MODEL_MAX_UPLOAD_MB: "0" }).variable).toBe("MODEL_MAX_UPLOAD_MB")
    expect(errorOf({ MODEL_PROCESSING_TIMEOUT_MS: "fast" }).variable).toBe("MODEL_PROCESSING_TIMEOUT_MS")
  })

  it("logs JSON in production and with LOG_FORMAT=json, readable lines otherwise, and refuses unknown formats and levels", () => {
    const production = { NODE_ENV: "production", JWT_SECRET: "a".repeat(40), COOKIE_SECRET: "b".repeat(40), SUPPLIER_SECRET_KEY: "c".repeat(40) }
    expect(resolveRuntimeConfig({}).logging).toEqual({ format: "text", level: "silly" })
    expect(resolveRuntimeConfig({ LOG_FORMAT: "json", LOG_LEVEL: "warn" }).logging).toEqual({ format: "json", level: "warn" })
    expect(resolveRuntimeConfig(production).logging.format).toBe("json")
    expect(resolveRuntimeConfig({ ...production, LOG_FORMAT: "json" }).logging.format).toBe("json")
    expect(errorOf({ ...production, LOG_FORMAT: "text" }).variable).toBe("LOG_FORMAT")
    expect(errorOf({ LOG_FORMAT: "pretty" }).variable).toBe("LOG_FORMAT")
    // winston given an unknown level (case counts) would silently log nothing.
    expect(errorOf({ LOG_LEVEL: "INFO" }).variable).toBe("LOG_LEVEL")
  })
})
