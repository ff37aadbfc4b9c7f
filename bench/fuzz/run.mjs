#!/usr/bin/env node
/**
 * Malformed requests against every custom endpoint of a throw-away store: wrong types,
 * bad JSON, huge bodies, unicode and NUL characters, absurd path parameters, odd query
 * strings and content types, missing or forged auth. The endpoints come from the route
 * files (routes.mjs), the requests from a seeded generator (cases.mjs). A 5xx is a
 * finding; so is a server that stops answering /health.
 *
 * Progress on stderr; on stdout the per-endpoint table, the 5xx findings (deduplicated by
 * endpoint + status + message, each with a request that reproduces it) and, as the last
 * line, {"requests": n, "status_5xx": n}. Exits 0 with findings: it reports, it does not
 * judge. See bench/README.md ("fuzz").
 */
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { cleanupAll, onCleanup } from "../lib/cleanup.mjs"
import { candidates, hash32, rngFrom, selectCases } from "./cases.mjs"
import { discoverEndpoints } from "./routes.mjs"
import { authHeaders, send } from "./send.mjs"
import { causeKey, firstError, readAppended } from "./server-log.mjs"

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, "..", "..")

const log = (m) => process.stderr.write(`[fuzz] ${m}\n`)
const SEED = Number(process.env.FUZZ_SEED ?? 1)
const PER_ENDPOINT = Math.max(5, Number(process.env.FUZZ_PER_ENDPOINT ?? 33))
const BASELINE_PER_ENDPOINT = 24
const CONCURRENCY = Math.max(1, Number(process.env.FUZZ_CONCURRENCY ?? 8))
const TIMEOUT_MS = Math.max(1000, Number(process.env.FUZZ_TIMEOUT_MS ?? 30000))
const HEALTH_EVERY = 200
const REPLAYS_PER_FINDING = 12
const MAX_REPLAYS = 400
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"])
// Changing these would undo what other cases rely on (a token, a secret, a record), so they run last.
const DESTRUCTIVE = (e) => e.method === "DELETE" || /rotate-secret|webhook-token/.test(e.path)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * The baseline: a few of Medusa's own routes get the same kinds of cases. Their 5xx are not
 * counted; they show which faults are ours and which come with the framework (and so want
 * one fix in front of every route rather than one per plugin).
 */
const BASELINE = [
  { method: "GET", path: "/store/products/:id", params: ["id"], file: null, baseline: true, built: true },
  { method: "POST", path: "/store/carts", params: [], file: null, baseline: true, built: true },
  { method: "GET", path: "/admin/products/:id", params: ["id"], file: null, baseline: true, built: true },
]

/** Control characters (a NUL from a response or a log) shown as escapes, so the report stays text. */
const safe = (text) => String(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)

/** A JSON call for the setup; returns { status, body, headers } and never throws on HTTP errors. */
async function api(baseUrl, method, pathname, body, headers = {}) {
  const res = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(60000),
  })
  const text = await res.text()
  let parsed = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers }
}

/**
 * Real records for the path parameters and well-formed bodies (a region, a product, a
 * supplier, a size chart, a review...), and the credentials: admin, two shoppers (bearer
 * and cookie), the courier webhook token and a supplier's signing secret. Whatever cannot
 * be made is left out and the cases fall back to made-up ids.
 */
async function setUp(baseUrl, adminEmail, adminPassword, runId) {
  const values = {}
  const tokens = {}
  const notes = []
  const login = await api(baseUrl, "POST", "/admin/auth/token", { email: adminEmail, password: adminPassword })
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body).slice(0, 200)}`)
  tokens.admin = login.body.access_token
  const asAdmin = { authorization: `Bearer ${tokens.admin}` }
  const me = await api(baseUrl, "GET", "/admin/auth", undefined, asAdmin)
  values.admin_user_id = me.body?.user?.id

  const regions = (await api(baseUrl, "GET", "/store/regions")).body?.regions ?? []
  const region = regions.find((r) => r.currency_code === "inr") ?? regions[0]
  if (!region) throw new Error("the store has no region: did the seed run?")
  values.region = region.id
  const products = (await api(baseUrl, "GET", `/store/products?limit=5&region_id=${region.id}`)).body?.products ?? []
  const product = products.find((p) => p.variants?.length) ?? products[0]
  if (!product) throw new Error("the store has no product: did the seed run?")
  values.product = product.id
  values.product_handle = product.handle
  values.variant = product.variants?.[0]?.id
  values.sku = product.variants?.[0]?.sku ?? "NO-SKU"
  const categories = (await api(baseUrl, "GET", "/store/product-categories?limit=1")).body?.product_categories ?? []
  values.category_handle = categories[0]?.handle ?? "dresses"

  // Two shoppers: "customer" is the one the store routes run as; "other" probes her records.
  for (const [who, tag] of [["customer", "a"], ["other", "b"]]) {
    const email = `fuzz-${tag}-${runId}@example.com`
    const password = "fuzz-password-1"
    const created = await api(baseUrl, "POST", "/store/customers", { first_name: "Fuzz", last_name: tag.toUpperCase(), email, password })
    if (created.status !== 200) throw new Error(`POST /store/customers: ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`)
    const token = await api(baseUrl, "POST", "/store/auth/token", { email, password })
    if (token.status !== 200) throw new Error(`POST /store/auth/token: ${token.status}`)
    tokens[who] = token.body.access_token
    if (who === "customer") {
      values.customer_id = created.body.customer?.id
      const session = await api(baseUrl, "POST", "/store/auth", { email, password })
      const cookie = (session.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ")
      if (cookie) tokens.customerCookie = cookie
      else notes.push("POST /store/auth set no cookie: the customer-cookie cases run without auth")
    }
  }
  const asCustomer = { authorization: `Bearer ${tokens.customer}` }

  const supplier = await api(baseUrl, "POST", "/admin/suppliers", { code: "FUZZ-PARAM", name: "Fuzz param supplier", integration: "manual" }, asAdmin)
  values.supplier = supplier.body?.supplier?.id
  values.supplier_code = supplier.body?.supplier?.code
  const hookSupplier = await api(baseUrl, "POST", "/admin/suppliers", { code: "FUZZ-HOOK", name: "Fuzz webhook supplier", integration: "manual" }, asAdmin)
  values.supplier_code_param = hookSupplier.body?.supplier?.code
  values.supplier_secret = hookSupplier.body?.secret
  if (!values.supplier_secret) notes.push(`POST /admin/suppliers gave no secret (${hookSupplier.status}): supplier webhooks are fuzzed unsigned`)

  const chart = await api(baseUrl, "POST", "/admin/size-charts", { product_id: values.product, measurements: ["bust"], rows: [{ size: "S", bust: [80, 85] }] }, asAdmin)
  values.size_chart = chart.body?.size_chart?.id ?? (await api(baseUrl, "GET", "/admin/size-charts", undefined, asAdmin)).body?.size_charts?.[0]?.id
  const review = await api(baseUrl, "POST", `/store/products/${values.product}/reviews`, { variant_id: values.variant, rating: 4, title: "Setup review" }, asCustomer)
  values.review = review.body?.review?.id ?? (await api(baseUrl, "GET", "/admin/reviews?limit=1", undefined, asAdmin)).body?.reviews?.[0]?.id
  values.order = (await api(baseUrl, "GET", "/admin/orders?limit=1", undefined, asAdmin)).body?.orders?.[0]?.id
  values.supplier_order = (await api(baseUrl, "GET", "/admin/supplier-orders?limit=1", undefined, asAdmin)).body?.supplier_orders?.[0]?.id
  const shipment = (await api(baseUrl, "GET", "/admin/shiprocket/shipments?limit=1", undefined, asAdmin)).body?.shipments?.[0]
  values.shipment = shipment?.id
  values.awb = shipment?.awb ?? "1490821234567"
  values.order_sr = `${values.order ?? "order_01FUZZ"}_123456`
  values.model = (await api(baseUrl, "GET", `/admin/products/${values.product}/3d-models`, undefined, asAdmin)).body?.models?.[0]?.id
  values.courier_token = (await api(baseUrl, "GET", "/admin/shiprocket/settings", undefined, asAdmin)).body?.webhook?.token
  if (!values.courier_token) notes.push("no courier webhook token from GET /admin/shiprocket/settings: the tracking webhook is fuzzed with a wrong key")
  const chat = await api(baseUrl, "POST", "/store/stylist/chat", { message: "a dress for a wedding", region_id: values.region }, asCustomer)
  values.session = chat.body?.session_id
  const item = await api(baseUrl, "POST", `/store/wishlist/items?region_id=${values.region}`, { product_id: values.product }, asCustomer)
  values.wishlist_item = item.body?.wishlist?.items?.[0]?.id ?? item.body?.item?.id
  const guest = await api(baseUrl, "POST", `/store/wishlist/items?region_id=${values.region}`, { product_id: values.product })
  values.wishlist_token = guest.body?.token ?? guest.body?.wishlist?.token
  values.now = new Date().toISOString()
  for (const [name, v] of Object.entries(values)) if (v === undefined || v === null) delete values[name]
  const missing = ["supplier", "size_chart", "review", "order", "supplier_order", "shipment", "model", "session", "wishlist_item", "wishlist_token"].filter((k) => !values[k])
  if (missing.length) notes.push(`no real ${missing.join(", ")}: those parameters get made-up ids (the handler's not-found path)`)
  return { values, tokens, notes, ownedByCustomer: new Set(["session", "wishlist_item"]) }
}

/** The endpoint's cases, phase by phase, interleaved across endpoints so the load spreads. */
function buildPlan(endpoints, baseCtx) {
  const byPath = new Map()
  for (const e of endpoints) byPath.set(e.path, new Set([...(byPath.get(e.path) ?? []), e.method]))
  const perEndpoint = endpoints.map((e) => {
    const key = `${e.method} ${e.path}`
    const source = e.file ? fs.readFileSync(path.join(repoRoot, e.file), "utf8") : ""
    const rng = rngFrom(SEED ^ hash32(key))
    const groups = candidates(e, { ...baseCtx, source, methodsOnPath: byPath.get(e.path) }, rng)
    const cap = e.baseline ? BASELINE_PER_ENDPOINT : BODY_METHODS.has(e.method) ? Math.round(PER_ENDPOINT * 1.5) : PER_ENDPOINT
    return { endpoint: e, key, cases: selectCases(groups, cap, rng).map((c) => ({ ...c, key, template: e.path, baseline: Boolean(e.baseline) })) }
  })
  const plan = []
  for (const destructive of [false, true]) {
    const lanes = perEndpoint.filter((p) => DESTRUCTIVE(p.endpoint) === destructive).map((p) => [...p.cases])
    while (lanes.some((l) => l.length)) for (const l of lanes) if (l.length) plan.push(l.shift())
  }
  plan.forEach((c, i) => (c.index = i))
  return { plan, perEndpoint }
}

const bodyBytes = (body) => (body === undefined || body === null ? null : typeof body === "function" ? body() : Buffer.from(body, "utf8"))

/**
 * Why a 2xx to this case would be wrong (not a 5xx, but worth a look): an admin route served
 * without admin auth, a shopper's own route or record served to someone else, a webhook
 * accepted without its key or signature. Null when a 2xx is fine.
 */
function accessAnomaly(c) {
  const adminOk = new Set(["admin"])
  const shopperOk = new Set(["customer", "customer-cookie", "other-customer"])
  if (c.template.startsWith("/admin") && !adminOk.has(c.auth)) return `admin route answered 2xx with auth ${c.auth}`
  if (c.template.startsWith("/store/customers/me") && !shopperOk.has(c.auth)) return `her own route answered 2xx with auth ${c.auth}`
  if (c.label === "auth:other-customer-owns") return "another shopper's record answered 2xx"
  if (c.template.startsWith("/hooks/suppliers") && c.auth !== "supplier-signature") return `supplier webhook accepted with auth ${c.auth}`
  if (c.template.startsWith("/hooks/") && !c.template.startsWith("/hooks/suppliers") && c.auth !== "courier-key") return `tracking webhook accepted with auth ${c.auth}`
  return null
}

/** What the answer says went wrong, for deduplication: Medusa's `message`, else the start of the text. */
function messageOf(text) {
  try {
    const parsed = JSON.parse(text)
    if (parsed && typeof parsed === "object") return String(parsed.message ?? parsed.error ?? parsed.type ?? JSON.stringify(parsed)).slice(0, 200)
  } catch {
    // not JSON
  }
  return String(text ?? "").replace(/\s+/g, " ").trim().slice(0, 200) || "(empty body)"
}

const printable = (text, max) => {
  const s = safe(JSON.stringify(text.length > max ? text.slice(0, max) : text))
  return text.length > max ? `${s} … (${text.length} characters in all)` : s
}

/** A curl line that sends the same bytes (bodies shown JSON-escaped; huge ones described); notes go after a `#`. */
function curlFor(c) {
  const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`
  const parts = [`curl -sS -X ${c.method} ${q(`$BASE${c.url.length > 300 ? c.url.slice(0, 300) + "…" : c.url}`)}`]
  const notes = []
  const authShown = {
    admin: ["authorization", "Bearer $ADMIN_TOKEN"],
    customer: ["authorization", "Bearer $CUSTOMER_TOKEN"],
    "other-customer": ["authorization", "Bearer $OTHER_CUSTOMER_TOKEN"],
    "courier-key": ["x-api-key", "$COURIER_WEBHOOK_TOKEN"],
  }[c.auth]
  if (authShown) parts.push(`-H ${q(`${authShown[0]}: ${authShown[1]}`)}`)
  else if (c.auth === "supplier-signature") notes.push("signed with the supplier's secret: webhook-id, webhook-timestamp, webhook-signature v1,<HMAC>")
  else if (c.auth !== "none") notes.push(`auth: ${c.auth} (see bench/fuzz/send.mjs)`)
  if (c.contentType) parts.push(`-H ${q(`content-type: ${c.contentType}`)}`)
  for (const [k, v] of Object.entries(c.headers ?? {})) parts.push(`-H ${q(`${k}: ${String(v).length > 80 ? String(v).slice(0, 80) + "…" : v}`)}`)
  if (c.size) {
    parts.push("--data-binary @body")
    notes.push(`body: ${c.size}`)
  } else if (typeof c.body === "string" && c.body.length <= 400 && /^[\x20-\x7e]*$/.test(c.body)) parts.push(`--data-raw ${q(c.body)}`)
  else if (typeof c.body === "string") {
    parts.push("--data-binary @body")
    notes.push(`body (JSON-escaped): ${printable(c.body, 300)}`)
  }
  return parts.join(" ") + (notes.length ? `  # ${notes.join("; ")}` : "")
}

async function main() {
  const started = Date.now()
  const { endpoints, problems } = discoverEndpoints(repoRoot)
  if (!endpoints.length) throw new Error("found no custom endpoint (no route.ts under plugins/*/src/api or backend/src/api): the fuzzer would test nothing")
  log(`${endpoints.length} custom endpoints from ${new Set(endpoints.map((e) => e.file)).size} route files and the plugins' READMEs`)
  for (const p of problems) log(`route discovery: ${p}`)

  let baseUrl = process.env.FUZZ_BACKEND_URL
  let adminEmail = process.env.ADMIN_EMAIL ?? "admin@example.com"
  let adminPassword = process.env.ADMIN_PASSWORD ?? "supersecret"
  let serverLog = null
  let serverPid = null
  if (baseUrl) {
    log(`fuzzing the running backend at ${baseUrl} (it writes suppliers, charts, reviews and customers into its database)`)
  } else {
    log("starting a throw-away backend (migrations and seed, ~1.5 min)")
    // The stylist's offline engine: fast, and no request leaves the machine.
    delete process.env.OPENAI_API_KEY
    delete process.env.OPENAI_BASE_URL
    const { startStack } = require(path.join(repoRoot, "backend", "scripts", "lib", "test-stack-client.cjs"))
    const stack = await startStack({
      MEDUSA_ADMIN_SERVE: "false",
      OPENAI_API_KEY: "",
      // A 429 from the limiter would stand in front of the handlers the fuzzer means to reach.
      STYLIST_RATE_LIMIT_PER_MINUTE_IP: "100000",
      STYLIST_RATE_LIMIT_PER_MINUTE_CUSTOMER: "100000",
      // Node keeps 10 frames; a database error raised deep in TypeORM needs more to reach our code.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--stack-trace-limit=50"].filter(Boolean).join(" "),
    })
    onCleanup("backend stack", () => stack.stop())
    baseUrl = stack.info.baseUrl
    adminEmail = stack.info.adminEmail
    adminPassword = stack.info.adminPassword
    serverLog = path.join(stack.info.logDir, "server.log")
    serverPid = stack.info.pid
    log(`backend up (${((Date.now() - started) / 1000).toFixed(0)}s); server log: ${serverLog}`)
  }

  // Checked once the server runs: a build may have finished while the stack was starting.
  const compiled = new Set(discoverEndpoints(repoRoot).endpoints.filter((e) => e.built).map((e) => `${e.method} ${e.path}`))
  const unbuilt = endpoints.filter((e) => e.file && !compiled.has(`${e.method} ${e.path}`))
  for (const e of endpoints) e.built = compiled.has(`${e.method} ${e.path}`)
  if (unbuilt.length) log(`not compiled (the server runs dist/, so these answer 404 until a build): ${unbuilt.map((e) => `${e.method} ${e.path}`).join(", ")}`)

  const runId = `${SEED}${Date.now().toString(36)}`
  const ctx = await setUp(baseUrl, adminEmail, adminPassword, runId)
  ctx.runId = runId
  for (const n of ctx.notes) log(`setup: ${n}`)
  const { plan, perEndpoint } = buildPlan([...endpoints, ...BASELINE], ctx)
  log(`${plan.length} requests planned (seed ${SEED}, up to ${PER_ENDPOINT} per endpoint, ${Math.round(PER_ENDPOINT * 1.5)} with a body), concurrency ${CONCURRENCY}`)

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  onCleanup("http agent", () => agent.destroy())
  const stats = new Map(perEndpoint.map((p) => [p.key, { requests: 0, s2xx: 0, s3xx: 0, s4xx: 0, s5xx: 0, failed: 0, statuses: new Map(), ms: [] }]))
  const overall = new Map()
  const findings = new Map()
  const anomalies = new Map()
  const inBand = new Map()
  const failures = []
  const health = []
  let sent = 0
  let notSent = 0
  let completed = 0
  let aborted = null
  let healthChain = Promise.resolve()

  const checkHealth = async (when) => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const res = await send(baseUrl, undefined, { method: "GET", url: "/health", headers: {} }, 10000)
      if (res.status === 200) {
        health.push({ when, ok: true, ms: res.ms, attempts: attempt + 1 })
        return true
      }
      if (serverPid) {
        try {
          process.kill(serverPid, 0)
        } catch {
          health.push({ when, ok: false, error: "the server process is gone" })
          return false
        }
      }
      await sleep(2000)
    }
    health.push({ when, ok: false, error: "no 200 from /health for 20 s" })
    return false
  }

  const record = (c, res) => {
    const s = stats.get(c.key)
    if (res.clientRefused) {
      notSent++
      return
    }
    if (!c.baseline) sent++
    s.requests++
    if (res.status === undefined) {
      s.failed++
      // A body over the limit may be cut off by the server mid-upload: that is a refusal, not a fault.
      const expected = c.category === "huge" && /EPIPE|ECONNRESET/.test(res.error)
      failures.push({ c, error: res.error, expected })
      return
    }
    s.ms.push(res.ms)
    s.statuses.set(res.status, (s.statuses.get(res.status) ?? 0) + 1)
    overall.set(res.status, (overall.get(res.status) ?? 0) + 1)
    const klass = Math.floor(res.status / 100)
    if (klass === 2) s.s2xx++
    else if (klass === 3) s.s3xx++
    else if (klass === 4) s.s4xx++
    else if (klass === 5) s.s5xx++
    const text = res.text ?? ""
    const leak = klass === 2 && accessAnomaly(c)
    if (leak) {
      const k = `${c.method} ${c.template} ${leak}`
      const a = anomalies.get(k) ?? { method: c.method, template: c.template, why: leak, count: 0, labels: new Map() }
      a.count++
      if (!a.labels.has(c.label)) a.labels.set(c.label, { c, text, status: res.status })
      anomalies.set(k, a)
    }
    if (klass === 5) {
      const message = messageOf(text)
      const k = `${c.method} ${c.template} ${res.status} ${message}`
      const f = findings.get(k) ?? { method: c.method, template: c.template, status: res.status, message, count: 0, labels: new Map(), baseline: c.baseline }
      f.count++
      if (!f.labels.has(c.label) && f.labels.size < 50) f.labels.set(c.label, { c, text })
      findings.set(k, f)
    }
    // The streaming chat answers 200 first; a fault afterwards arrives as an `error` event carrying 500.
    if (/text\/event-stream/.test(String(res.headers?.["content-type"] ?? "")) && /event: error\ndata: \{"status":5\d\d/.test(text)) {
      const message = messageOf(text.split("event: error\ndata: ")[1]?.split("\n")[0] ?? "")
      const k = `${c.method} ${c.template} ${message}`
      const f = inBand.get(k) ?? { method: c.method, template: c.template, message, count: 0, labels: new Map() }
      f.count++
      if (!f.labels.has(c.label) && f.labels.size < 50) f.labels.set(c.label, { c, text })
      inBand.set(k, f)
    }
  }

  // Signatures and webhook ids are made at send time: a replay gets a fresh id and timestamp.
  let replayIndex = plan.length
  const sendCase = (c, index = c.index) => {
    const body = bodyBytes(c.body)
    const headers = { ...authHeaders(c.auth, ctx, body ?? Buffer.alloc(0), index), ...(c.contentType ? { "content-type": c.contentType } : {}), ...(c.headers ?? {}) }
    return send(baseUrl, agent, { method: c.method, url: c.url, headers, body }, c.category === "huge" ? TIMEOUT_MS * 2 : TIMEOUT_MS)
  }

  await checkHealth("before")
  let next = 0
  const worker = async () => {
    while (!aborted && next < plan.length) {
      const c = plan[next++]
      const res = await sendCase(c)
      record(c, res)
      completed++
      if (completed % 250 === 0) log(`${completed}/${plan.length} sent, 5xx so far: ${[...findings.values()].reduce((n, f) => n + f.count, 0)}`)
      if (completed % HEALTH_EVERY === 0) {
        const at = completed
        healthChain = healthChain.then(async () => {
          if (!(await checkHealth(`after ${at}`))) aborted = `the server stopped answering /health after ${at} requests`
        })
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  await healthChain
  if (aborted) log(`ABORTED: ${aborted}`)

  // Each finding again, alone, reading what the server logged: the cause and where in our code.
  const causes = new Map()
  let replays = 0
  if (serverLog && fs.existsSync(serverLog) && !aborted) {
    log("replaying the 5xx findings one at a time to read their causes from the server log")
    // The destructive phase rotated the courier token: replays need the current one.
    const settings = await api(baseUrl, "GET", "/admin/shiprocket/settings", undefined, { authorization: `Bearer ${ctx.tokens.admin}` })
    if (settings.body?.webhook?.token) ctx.values.courier_token = settings.body.webhook.token
    // One replay per kind of damage first (`field:*=nul` whatever the field), then the rest.
    const kindOf = (label) => label.replace(/^(\w[\w-]*):[^=]*=/, "$1:*=")
    const diverse = (labels) => {
      const seen = new Set()
      const first = labels.filter((l) => !seen.has(kindOf(l.c.label)) && seen.add(kindOf(l.c.label)))
      return [...first, ...labels.filter((l) => !first.includes(l))]
    }
    for (const f of findings.values()) {
      f.causes = new Set()
      for (const example of diverse([...f.labels.values()]).slice(0, REPLAYS_PER_FINDING)) {
        if (replays >= MAX_REPLAYS) break
        replays++
        const offset = fs.statSync(serverLog).size
        const res = await sendCase(example.c, replayIndex++)
        const found = res.status >= 500 ? firstError(await readAppended(serverLog, offset), repoRoot) : null
        const key = res.status >= 500 ? causeKey(found) : `did not reproduce alone (answered ${res.status ?? res.error})`
        example.cause = key
        f.causes.add(key)
        const cause = causes.get(key) ?? { key, found, endpoints: new Map(), examples: [] }
        const at = `${f.method} ${f.template}`
        cause.endpoints.set(at, [...new Set([...(cause.endpoints.get(at) ?? []), example.c.label])])
        if (cause.examples.length < 2) cause.examples.push(example)
        causes.set(key, cause)
      }
    }
  }

  const healthyAtEnd = await checkHealth("at the end")
  const storeCheck = await send(baseUrl, undefined, { method: "GET", url: `/store/products?limit=1&region_id=${ctx.values.region}`, headers: {} }, 20000)

  // Report.
  const pad = (s, n) => String(s).padEnd(n)
  const num = (s, n) => String(s).padStart(n)
  const elapsed = ((Date.now() - started) / 1000).toFixed(0)
  console.log(`fuzz: ${endpoints.length} custom endpoints, ${sent} requests to them (seed ${SEED}, concurrency ${CONCURRENCY}), ${elapsed} s`)
  if (problems.length) for (const p of problems) console.log(`  route discovery: ${p}`)
  if (unbuilt.length) console.log(`  not compiled when the server started (answer 404): ${unbuilt.map((e) => `${e.method} ${e.path}`).join(", ")}`)
  console.log("")
  console.log(`${pad("endpoint", 58)}${num("req", 5)}${num("2xx", 5)}${num("3xx", 5)}${num("4xx", 5)}${num("5xx", 5)}${num("fail", 5)}  statuses`)
  for (const p of perEndpoint) {
    const s = stats.get(p.key)
    const statuses = [...s.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(" ")
    console.log(`${pad(p.key + (p.endpoint.baseline ? " (baseline)" : !p.endpoint.file ? " (documented, no route)" : p.endpoint.built ? "" : " (not built)"), 58)}${num(s.requests, 5)}${num(s.s2xx, 5)}${num(s.s3xx, 5)}${num(s.s4xx, 5)}${num(s.s5xx, 5)}${num(s.failed, 5)}  ${statuses}`)
  }
  console.log("")
  console.log(`statuses overall: ${[...overall.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(" ")}`)
  if (notSent) console.log(`${notSent} cases were refused by node:http before sending (not counted)`)

  const list = [...findings.values()].filter((f) => !f.baseline).sort((a, b) => b.count - a.count || a.template.localeCompare(b.template))
  const baselineList = [...findings.values()].filter((f) => f.baseline)
  const causeIds = new Map([...causes.values()].sort((a, b) => b.endpoints.size - a.endpoints.size).map((c, i) => [c.key, `C${i + 1}`]))
  console.log("")
  console.log(list.length ? `5xx findings (${list.length} distinct by endpoint + status + message, ${list.reduce((n, f) => n + f.count, 0)} responses):` : "5xx findings: none")
  list.forEach((f, i) => {
    const ids = [...(f.causes ?? [])].map((k) => causeIds.get(k)).filter(Boolean)
    console.log(`${i + 1}. ${f.method} ${f.template} -> ${f.status} ${JSON.stringify(f.message)} (${f.count}×)${ids.length ? ` cause ${ids.join(", ")}` : ""}`)
    console.log(`   triggered by: ${[...f.labels.keys()].slice(0, 16).join(", ")}${f.labels.size > 16 ? ", …" : ""}`)
    const { c, text } = [...f.labels.values()][0]
    if (c.body !== undefined) console.log(`   body: ${c.size ?? printable(typeof c.body === "string" ? c.body : "", 200)}`)
    console.log(`   response: ${printable(text, 200)}`)
    console.log(`   repro: ${curlFor(c)}`)
  })

  const baselineKeys = new Set(BASELINE.map((e) => `${e.method} ${e.path}`))
  console.log("")
  const baselineSent = BASELINE.reduce((n, e) => n + stats.get(`${e.method} ${e.path}`).requests, 0)
  console.log(`baseline, Medusa's own routes with the same kinds of cases (not counted): ${baselineSent} requests, ${baselineList.reduce((n, f) => n + f.count, 0)} answered 5xx`)
  for (const f of baselineList) {
    const ids = [...(f.causes ?? [])].map((k) => causeIds.get(k)).filter(Boolean)
    console.log(`- ${f.method} ${f.template} -> ${f.status} ${JSON.stringify(f.message)} (${f.count}×)${ids.length ? ` cause ${ids.join(", ")}` : ""} from ${[...f.labels.keys()].slice(0, 12).join(", ")}`)
  }

  if (causes.size) {
    console.log("")
    console.log(`5xx by cause (${replays} findings replayed one at a time; the error and the first frame of our code, from the server log):`)
    for (const cause of [...causes.values()].sort((a, b) => b.endpoints.size - a.endpoints.size)) {
      const id = causeIds.get(cause.key)
      console.log(`${id}. ${safe(cause.found?.error ?? cause.key)}`)
      if (cause.found?.ours) console.log(`    in our code: ${cause.found.ours}`)
      if (cause.found?.first && cause.found.first !== cause.found.ours) console.log(`    thrown at: ${cause.found.first}`)
      console.log(`    endpoints (${cause.endpoints.size}): ${[...cause.endpoints.entries()].map(([at, labels]) => `${at}${baselineKeys.has(at) ? " (Medusa core, baseline)" : ""} [${labels.join(", ")}]`).join("; ")}`)
      console.log(`    repro: ${curlFor(cause.examples[0].c)}`)
    }
  }

  console.log("")
  console.log(`access anomalies (2xx where a refusal was expected; not counted): ${anomalies.size || "none"}`)
  if (anomalies.size) {
    for (const a of anomalies.values()) {
      const { c, text, status } = [...a.labels.values()][0]
      console.log(`- ${a.method} ${a.template}: ${a.why} (${a.count}×) from ${[...a.labels.keys()].slice(0, 8).join(", ")}`)
      console.log(`     answered ${status}: ${printable(text, 160)}`)
      console.log(`     repro: ${curlFor(c)}`)
    }
  }

  const bandList = [...inBand.values()]
  if (bandList.length) {
    console.log("")
    console.log(`500s inside a 200 event stream (not counted as HTTP 5xx; ${bandList.reduce((n, f) => n + f.count, 0)} responses):`)
    for (const f of bandList) {
      console.log(`- ${f.method} ${f.template}: ${JSON.stringify(f.message)} (${f.count}×) from ${[...f.labels.keys()].slice(0, 10).join(", ")}`)
      const { c } = [...f.labels.values()][0]
      console.log(`     repro: ${curlFor(c)}`)
    }
  }

  const unexpected = failures.filter((f) => !f.expected)
  console.log("")
  console.log(`requests without an answer: ${failures.length} (${failures.length - unexpected.length} oversized uploads cut off by the server, expected)`)
  for (const f of unexpected.slice(0, 20)) console.log(`- ${f.c.method} ${f.c.template} ${f.c.label}: ${f.error}\n     repro: ${curlFor(f.c)}`)
  if (unexpected.length > 20) console.log(`  … and ${unexpected.length - 20} more`)

  const sick = health.filter((h) => !h.ok)
  console.log("")
  console.log(`health: ${health.length} checks of /health, ${sick.length} failed${sick.length ? `: ${sick.map((h) => `${h.when} (${h.error})`).join("; ")}` : ""}; at the end ${healthyAtEnd ? "healthy" : "NOT HEALTHY"}`)
  console.log(`store: GET /store/products answers ${storeCheck.status ?? storeCheck.error}${storeCheck.status === 200 ? " (still works)" : " (BROKEN)"}`)
  if (aborted) console.log(`ABORTED: ${aborted}`)
  if (serverLog) console.log(`server log: ${serverLog}`)
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`)
  console.log(JSON.stringify({ requests: sent, status_5xx: list.reduce((n, f) => n + f.count, 0) }))
}

main()
  .catch((error) => {
    log(`failed: ${error?.stack ?? error}`)
    process.exitCode = 1
  })
  .finally(() => cleanupAll())
