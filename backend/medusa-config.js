const path = require("path")
const dotenv = require("dotenv")
const { resolveRuntimeConfigOrExit } = require("./runtime-config")

// .env beside package.json, then the repository root's; real environment wins over both.
dotenv.config({ path: path.join(__dirname, ".env") })
dotenv.config({ path: path.join(__dirname, "..", ".env") })

const runtime = resolveRuntimeConfigOrExit(process.env)

const plugins = [
  "medusa-fulfillment-manual",
  "medusa-payment-manual",
  runtime.files.kind === "s3"
    ? { resolve: "medusa-file-s3", options: runtime.files.options }
    : { resolve: "@medusajs/file-local", options: { upload_dir: runtime.files.uploadDir, backend_url: runtime.backendUrl } },
  {
    resolve: "medusa-plugin-supplier-forwarding",
    options: {
      secret_encryption_key: process.env.SUPPLIER_SECRET_KEY,
      // The admin build (medusa-admin build) takes the plugin's admin extensions from
      // dist/admin/_virtual_entry.js only for plugins with enableUI: true.
      enableUI: true,
      // The seed and other scripts set SUPPLIER_DISPATCHER=off: only servers and workers deliver.
      dispatcher: process.env.SUPPLIER_DISPATCHER !== "off",
      dispatch_interval_ms: process.env.SUPPLIER_DISPATCH_INTERVAL_MS,
      delivery_timeout_ms: process.env.SUPPLIER_DELIVERY_TIMEOUT_MS,
      sweep_interval_ms: process.env.SUPPLIER_SWEEP_INTERVAL_MS,
      retry: {
        base_delay_ms: process.env.SUPPLIER_RETRY_BASE_MS,
        max_delay_ms: process.env.SUPPLIER_RETRY_MAX_MS,
        max_attempts: process.env.SUPPLIER_RETRY_MAX_ATTEMPTS,
      },
      email: { smtp_url: process.env.SMTP_URL, from: process.env.SUPPLIER_EMAIL_FROM },
      whatsapp: {
        api_url: process.env.WHATSAPP_API_URL,
        phone_number_id: process.env.WHATSAPP_PHONE_NUMBER_ID,
        token: process.env.WHATSAPP_TOKEN,
        order_template: process.env.WHATSAPP_ORDER_TEMPLATE,
        cancel_template: process.env.WHATSAPP_CANCEL_TEMPLATE,
        language: process.env.WHATSAPP_TEMPLATE_LANGUAGE,
      },
    },
  },
  { resolve: "medusa-plugin-size-recommendation", options: { enableUI: true } },
  // Always loaded: without credentials its rates are hidden (flat rates remain) and delivery dates are "unavailable".
  { resolve: "medusa-plugin-shiprocket", options: { ...runtime.shipping.options, enableUI: true } },
  // Reviews with fit feedback and moderation; enableUI bundles its admin page and product widget.
  { resolve: "medusa-plugin-reviews", options: { enableUI: true } },
  { resolve: "medusa-plugin-ai-stylist", options: runtime.stylist.options },
  { resolve: "medusa-plugin-3d-assets", options: { ...runtime.models.options, enableUI: true } },
  {
    resolve: "@medusajs/admin",
    /** @type {import('@medusajs/admin').PluginOptions} */
    // The seed loads plugins while the admin is still being built: it sets MEDUSA_ADMIN_SERVE=false.
    options: { serve: process.env.MEDUSA_ADMIN_SERVE !== "false", path: "/app", autoRebuild: false, outDir: "build" },
  },
]

if (runtime.search.kind === "meilisearch") {
  plugins.push({
    resolve: "medusa-plugin-meilisearch",
    options: {
      config: { host: runtime.search.host, apiKey: runtime.search.apiKey },
      settings: {
        products: {
          indexSettings: {
            searchableAttributes: ["title", "subtitle", "description", "type_value", "collection_title", "tags_value", "variant_sku"],
            displayedAttributes: ["id", "title", "handle", "thumbnail", "subtitle", "description", "collection_title", "type_value"],
            filterableAttributes: ["collection_id", "type_id", "status"],
          },
          primaryKey: "id",
          transformer: (product) => ({
            id: product.id,
            title: product.title,
            handle: product.handle,
            subtitle: product.subtitle,
            description: product.description,
            thumbnail: product.thumbnail,
            status: product.status,
            collection_id: product.collection_id,
            collection_title: product.collection?.title,
            type_id: product.type_id,
            type_value: product.type?.value,
            tags_value: (product.tags || []).map((t) => t.value),
            variant_sku: (product.variants || []).map((v) => v.sku).filter(Boolean),
          }),
        },
      },
    },
  })
}

if (runtime.payments.razorpay) {
  plugins.push({
    resolve: "medusa-payment-razorpay",
    options: {
      ...runtime.payments.razorpay,
      automatic_expiry_period: 30,
      manual_expiry_period: 20,
      refund_speed: "normal",
    },
  })
}

if (runtime.payments.stripe) {
  plugins.push({ resolve: "medusa-payment-stripe", options: { ...runtime.payments.stripe, capture: true } })
}

const modules =
  runtime.redis.kind === "redis"
    ? {
        eventBus: { resolve: "@medusajs/event-bus-redis", options: { redisUrl: runtime.redis.url } },
        cacheService: { resolve: "@medusajs/cache-redis", options: { redisUrl: runtime.redis.url, ttl: 30 } },
      }
    : {
        eventBus: { resolve: "@medusajs/event-bus-local" },
        cacheService: { resolve: "@medusajs/cache-inmemory", options: { ttl: 30 } },
      }

/** @type {import('@medusajs/medusa').ConfigModule} */
module.exports = {
  projectConfig: {
    database_url: runtime.database.url,
    database_type: "postgres",
    database_extra: {
      // Waiting longer for a connection fails the request, freeing what it holds. Without a
      // limit, requests that each hold one connection and wait for another would leave the
      // server answering nothing, for good, once they held the whole pool.
      connectionTimeoutMillis: 30_000,
      ...(process.env.DATABASE_SSL === "true" ? { ssl: { rejectUnauthorized: false } } : {}),
    },
    redis_url: runtime.redis.kind === "redis" ? runtime.redis.url : undefined,
    store_cors: runtime.storeCors,
    admin_cors: runtime.adminCors,
    jwt_secret: runtime.secrets.JWT_SECRET,
    cookie_secret: runtime.secrets.COOKIE_SECRET,
    worker_mode: runtime.workerMode,
    http_compression: { enabled: true },
  },
  featureFlags: {
    product_categories: true,
    tax_inclusive_pricing: true,
  },
  plugins,
  modules,
}
