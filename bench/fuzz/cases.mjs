/**
 * Malformed requests for one endpoint, from a seeded generator: the same seed gives the
 * same requests in the same order, so a finding can be replayed. Each case names its
 * category (auth, path, query, json, field, content-type, huge, header, method) and a
 * label saying what is wrong with it.
 *
 * Cases are data; bodies over a few hundred kB are built on demand and shared, so the
 * whole plan stays small in memory. Auth and webhook signatures are applied when a case
 * is sent (tokens and the clock are only known then).
 */
import { SPECS, learnFields, resourceOfParam } from "./specs.mjs"

/** mulberry32: small, fast, and good enough to pick cases. */
export function rngFrom(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    shuffle(xs) {
      const out = [...xs]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[out[i], out[j]] = [out[j], out[i]]
      }
      return out
    },
  }
}

/** A stable 32-bit hash, to give each endpoint its own stream of the run's seed. */
export function hash32(text) {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

const MB = 1024 * 1024
const shared = new Map()
/** Big bodies are the same bytes for every endpoint: build each once. */
function big(name, build) {
  return () => {
    if (!shared.has(name)) shared.set(name, Buffer.from(build()))
    return shared.get(name)
  }
}
const HUGE = {
  json2mb: big("json2mb", () => JSON.stringify({ pad: "x".repeat(2 * MB) })),
  json20mb: big("json20mb", () => "[" + Array.from({ length: 20 * 1024 }, () => JSON.stringify("y".repeat(1000))).join(",") + "]"),
  deepArray: big("deepArray", () => "[".repeat(20000) + "]".repeat(20000)),
  deepObject: big("deepObject", () => '{"a":'.repeat(5000) + "1" + "}".repeat(5000)),
  manyKeys: big("manyKeys", () => JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])))),
}

/**
 * Wrong values for one field. `raw` values are spliced into the JSON text as they are
 * (JSON.stringify cannot write 1e400 or a duplicate key).
 */
export const WRONG_VALUES = [
  ["string", "not-a-number"],
  ["empty-string", ""],
  ["whitespace", "   \t\n "],
  ["number", 12345],
  ["negative", -1],
  ["float", 1.5],
  ["zero", 0],
  ["huge-number", 1e308],
  ["overflow-number", { raw: "1e400" }],
  ["big-int", { raw: "123456789012345678901234567890" }],
  ["negative-zero", { raw: "-0" }],
  ["NaN-string", "NaN"],
  ["Infinity-string", "Infinity"],
  ["true", true],
  ["false", false],
  ["null", null],
  ["array", [1, "a", null]],
  ["empty-array", []],
  ["array-of-objects", [{ a: 1 }, {}]],
  ["object", { a: { b: 1 } }],
  ["empty-object", {}],
  ["emoji", "👗💃🏽👩‍👩‍👧"],
  ["rtl", "\u202eevil\u202c مرحبا שלום"],
  ["zero-width", "a\u200b\u200c\u200db\ufeff"],
  ["nul", "a\u0000b"],
  ["only-nul", "\u0000"],
  ["lone-surrogate", "x\ud800y"],
  ["control-chars", "\u0001\u0007\u001b[31m\u007f"],
  ["sql", "' OR 1=1; DROP TABLE product; --"],
  ["like-wildcards", "%_\\%"],
  ["html", "<script>alert(1)</script>"],
  ["long-string", "é".repeat(20000)],
  ["id-with-nul", "prod_\u0000"],
  ["long-id", "prod_" + "A".repeat(5000)],
  ["proto-key", { raw: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}' }],
  ["date-garbage", "2026-13-45T99:99:99Z"],
  ["huge-array", Array.from({ length: 10000 }, (_, i) => i)],
]

/** Values for a path parameter, spliced into the URL as they are (already percent-encoded where needed). */
export const PATH_VALUES = [
  ["long", "a".repeat(5000)],
  ["nul", "%00"],
  ["nul-inside", "prod_%00x"],
  ["dot-dot-encoded", "..%2F..%2F..%2Fetc%2Fpasswd"],
  ["dot-dot-raw", "../../../../etc/passwd"],
  ["backslash", "..%5C..%5Cwindows"],
  ["emoji", "%F0%9F%91%97"],
  ["rtl", "%E2%80%AEcba"],
  ["zero-width", "a%E2%80%8Bb"],
  ["lone-surrogate", "%ED%A0%80"],
  ["overlong-nul", "%C0%80"],
  ["invalid-utf8", "%FF%FE"],
  ["bad-percent", "%ZZ"],
  ["lone-percent", "%"],
  ["sql", "'%20OR%201%3D1--"],
  ["sql-statement", "1%3BDROP%20TABLE%20product"],
  ["null-word", "null"],
  ["undefined-word", "undefined"],
  ["object-word", "%5Bobject%20Object%5D"],
  ["negative", "-1"],
  ["huge-number", "1e309"],
  ["space", "%20"],
  ["json", "%7B%22a%22%3A1%7D"],
  ["crlf", "a%0D%0ASet-Cookie%3A%20x%3D1"],
  ["like-wildcards", "%25_%25"],
]

const QUERY_VALUE_MUTATIONS = [
  ["array", (f) => `${f}[]=1&${f}[]=2`],
  ["object", (f) => `${f}[a]=1&${f}[b][c]=2`],
  ["repeated", (f) => `${f}=1&${f}=2`],
  ["indexed", (f) => `${f}[0]=a&${f}[5]=b`],
  ["long", (f) => `${f}=${"z".repeat(6000)}`],
  ["NaN", (f) => `${f}=NaN`],
  ["negative", (f) => `${f}=-1`],
  ["overflow", (f) => `${f}=1e309`],
  ["float", (f) => `${f}=2.5`],
  ["nul", (f) => `${f}=%00`],
  ["nul-inside", (f) => `${f}=reg_%00x`],
  ["emoji", (f) => `${f}=%F0%9F%91%97`],
  ["rtl", (f) => `${f}=%E2%80%AEabc`],
  ["lone-surrogate", (f) => `${f}=%ED%A0%80`],
  ["bad-percent", (f) => `${f}=%ZZ`],
  ["empty", (f) => `${f}=`],
  ["no-value", (f) => `${f}`],
  ["sql", (f) => `${f}=${encodeURIComponent("' OR 1=1--")}`],
  ["proto", (f) => `${f}[__proto__][x]=1`],
  ["deep", (f) => `${f}[a][b][c][d][e][f][g][h]=1`],
  ["comma-list", (f) => `${f}=${Array.from({ length: 200 }, (_, i) => `v${i}`).join(",")}`],
]

const GENERIC_QUERIES = [
  ["brackets", "a[]=1&a[b]=2"],
  ["proto-pollution", "__proto__[polluted]=1&constructor[prototype][polluted]=1"],
  ["many-params", Array.from({ length: 1500 }, (_, i) => `p${i}=${i}`).join("&")],
  ["ampersands", "&&&==&=&a=="],
  ["unknown-key", "definitely_not_a_field=1"],
  ["expand-fields", "expand=customer,items,region&fields=*"],
]

export const AUTH_KINDS = ["none", "admin", "customer", "customer-cookie", "other-customer", "garbage-bearer", "empty-bearer", "malformed-jwt", "alg-none-jwt", "forged-jwt", "basic", "garbage-cookie", "long-bearer", "api-token-header"]

/** Replaces `$name` in strings (whole value or inline) by what the live store gave. */
export function resolve(value, values) {
  if (typeof value === "string") {
    if (/^\$[a-z_]+$/.test(value)) return values[value.slice(1)] ?? `${value.slice(1)}_01FUZZFAKE`
    return value.replace(/\$([a-z_]+)/g, (_, name) => values[name] ?? `${name}_01FUZZFAKE`)
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, values))
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, values)]))
  return value
}

/** `{a: {b: 1}, c: [..]}` -> [["a"], ["a","b"], ["c"]]: every place a wrong value can go. */
function fieldPaths(obj, prefix = [], out = []) {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return out
  for (const [k, v] of Object.entries(obj)) {
    out.push([...prefix, k])
    if (v && typeof v === "object" && !Array.isArray(v)) fieldPaths(v, [...prefix, k], out)
    if (Array.isArray(v) && v[0] && typeof v[0] === "object") fieldPaths(v[0], [...prefix, k, "0"], out)
  }
  return out
}

const RAW_MARK = "\u0001RAW\u0001"
/** The template with one field set to `value`, as JSON text (raw values spliced in). */
function withField(template, pathKeys, value) {
  const copy = structuredClone(template)
  let at = copy
  for (const k of pathKeys.slice(0, -1)) at = at[k]
  const isRaw = value && typeof value === "object" && !Array.isArray(value) && "raw" in value
  at[pathKeys[pathKeys.length - 1]] = isRaw ? RAW_MARK : value
  const text = JSON.stringify(copy)
  return isRaw ? text.replace(JSON.stringify(RAW_MARK), value.raw) : text
}

const encodeQuery = (obj) =>
  Object.entries(obj)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => (Array.isArray(v) ? v.map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`).join("&") : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
    .join("&")

function formEncode(obj, prefix = "") {
  const parts = []
  for (const [k, v] of Object.entries(obj ?? {})) {
    const key = prefix ? `${prefix}[${k}]` : k
    if (v && typeof v === "object") parts.push(formEncode(v, key))
    else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v ?? "")}`)
  }
  return parts.filter(Boolean).join("&")
}

function multipart(parts, boundary = "----fuzzboundary7MA4YWxkTrZu0gW") {
  const chunks = parts.map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n${p.data}\r\n`)
  return { body: chunks.join("") + `--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` }
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"])

/**
 * The default auth of an endpoint: what a legitimate caller sends, so the other categories
 * test the handler rather than the auth guard.
 */
export function defaultAuth(endpoint) {
  if (endpoint.path.startsWith("/admin")) return "admin"
  if (endpoint.path.startsWith("/hooks/suppliers")) return "supplier-signature"
  if (endpoint.path.startsWith("/hooks")) return "courier-key"
  return "customer"
}

/**
 * Every candidate case for an endpoint, by category.
 * @param {{ method: string, path: string, params: string[] }} endpoint
 * @param {{ values: Record<string, string>, ownedByCustomer: Set<string>, source: string }} ctx
 */
export function candidates(endpoint, ctx, rng) {
  const key = `${endpoint.method} ${endpoint.path}`
  const spec = SPECS[key] ?? null
  const learned = spec ? { query: [], body: [] } : learnFields(ctx.source ?? "")
  const query = resolve(spec?.query ?? Object.fromEntries(learned.query.map((f) => [f, "x"])), ctx.values)
  const hasBody = BODY_METHODS.has(endpoint.method)
  const body = hasBody ? resolve(spec?.body ?? Object.fromEntries((learned.body.length ? learned.body : ["id", "name", "status"]).map((f) => [f, "x"])), ctx.values) : null
  const auth = defaultAuth(endpoint)
  const paramValues = Object.fromEntries(endpoint.params.map((p) => [p, ctx.values[resourceOfParam(endpoint.path, p)] ?? `${p}_01FUZZFAKE`]))
  const pathWith = (overrides = {}) => endpoint.path.replace(/:([^/]+)/g, (_, p) => (p in overrides ? overrides[p] : encodeURIComponent(paramValues[p])))
  const qs = encodeQuery(query)
  const url = (pathPart, queryPart = qs) => (queryPart ? `${pathPart}?${queryPart}` : pathPart)
  const json = body ? JSON.stringify(body) : undefined
  const base = { method: endpoint.method, url: url(pathWith()), auth, contentType: json !== undefined ? "application/json" : undefined, body: json }
  const groups = {}
  const add = (category, label, over) => (groups[category] ??= []).push({ category, label, ...base, ...over })

  // A well-formed request, for contrast: its status shows what the rest departs from.
  add("valid", "well-formed", {})

  for (const kind of AUTH_KINDS) if (kind !== auth) add("auth", `auth:${kind}`, { auth: kind })
  if (auth === "courier-key") for (const k of ["courier-key-missing", "courier-key-garbage", "courier-key-long", "courier-key-prefix"]) add("auth", `auth:${k}`, { auth: k })
  if (auth === "supplier-signature")
    for (const k of ["sig-missing", "sig-garbage", "sig-stale", "sig-future", "sig-nan-timestamp", "sig-huge-timestamp", "sig-negative-timestamp", "sig-empty-v1", "sig-not-base64", "sig-many", "sig-other-secret", "sig-long-id"]) add("auth", `auth:${k}`, { auth: k })
  // Another shopper's conversation or wishlist item: must be a 404, never someone else's data or a crash.
  if (endpoint.params.some((p) => ctx.ownedByCustomer.has(resourceOfParam(endpoint.path, p)))) add("auth", "auth:other-customer-owns", { auth: "other-customer" })

  for (const p of endpoint.params) {
    for (const [label, value] of PATH_VALUES) add("path", `path:${p}=${label}`, { url: url(pathWith({ [p]: value })) })
    add("path", `path:${p}=real+nul`, { url: url(pathWith({ [p]: encodeURIComponent(paramValues[p]) + "%00" })) })
    add("path", `path:${p}=real-uppercased`, { url: url(pathWith({ [p]: encodeURIComponent(String(paramValues[p]).toUpperCase()) })) })
  }

  const queryFields = Object.keys(query)
  for (const field of queryFields.length ? queryFields : ["q"]) {
    for (const [label, make] of QUERY_VALUE_MUTATIONS) {
      const rest = encodeQuery(Object.fromEntries(Object.entries(query).filter(([k]) => k !== field)))
      add("query", `query:${field}=${label}`, { url: url(pathWith(), [rest, make(field)].filter(Boolean).join("&")) })
    }
  }
  for (const [label, q] of GENERIC_QUERIES) add("query", `query:${label}`, { url: url(pathWith(), [qs, q].filter(Boolean).join("&")) })
  add("query", "query:very-long-url", { url: url(pathWith(), [qs, `q=${"w".repeat(20000)}`].filter(Boolean).join("&")) })

  const bodyLess = !hasBody
  const bodyCategory = bodyLess ? "body-on-get" : "json"
  for (const [label, text] of [
    ["truncated", "{"],
    ["missing-value", '{"a":}'],
    ["single-quotes", "{'a':1}"],
    ["trailing-comma", '{"a":1,}'],
    ["extra-brace", '{"a":1}}'],
    ["trailing-garbage", '{"a":1} garbage'],
    ["bare-word", "nul"],
    ["undefined", "undefined"],
    ["bom", "\ufeff{}"],
    ["nul-byte", "\u0000"],
    ["empty", ""],
    ["whitespace", "  \n\t "],
    ["top-string", '"just a string"'],
    ["top-number", "42"],
    ["top-null", "null"],
    ["top-true", "true"],
    ["top-array", "[]"],
    ["array-of-objects", "[{},{}]"],
    ["empty-object", "{}"],
    ["duplicate-keys", json ? json.replace(/^\{/, '{"__dup":1,"__dup":2,') : '{"a":1,"a":2}'],
    ["proto-pollution", '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}'],
    ["lone-surrogate-escape", '{"a":"\\ud800"}'],
    ["nul-escape", '{"a":"\\u0000"}'],
    ["invalid-escape", '{"a":"\\x41"}'],
    ["unquoted-nan", '{"a":NaN}'],
  ]) {
    if (bodyLess && !["truncated", "top-array", "proto-pollution"].includes(label)) continue
    add(bodyCategory, `json:${label}`, { contentType: "application/json", body: text })
  }
  add(bodyCategory, "json:deep-array-20000", { contentType: "application/json", body: HUGE.deepArray, size: "20000-deep nested array (40 kB)" })
  if (hasBody) add("json", "json:deep-object-5000", { contentType: "application/json", body: HUGE.deepObject, size: "5000-deep nested object (30 kB)" })
  if (hasBody) add("json", "json:5000-keys", { contentType: "application/json", body: HUGE.manyKeys, size: "object with 5000 keys" })

  if (body) {
    for (const pathKeys of fieldPaths(body)) {
      for (const [label, value] of WRONG_VALUES) add("field", `field:${pathKeys.join(".")}=${label}`, { body: withField(body, pathKeys, value) })
      add("field", `field:${pathKeys.join(".")}=missing`, { body: withField(body, pathKeys, undefined) })
    }
    add("field", "field:unknown-extra", { body: JSON.stringify({ ...body, definitely_not_a_field: 1 }) })
  }

  if (hasBody || bodyLess) {
    add("huge", "huge:json-2MB", { contentType: "application/json", body: HUGE.json2mb, size: '2 MB JSON {"pad":"xxx…"}' })
    add("huge", "huge:json-20MB", { contentType: "application/json", body: HUGE.json20mb, size: "20 MB JSON array of 1000-char strings" })
  }
  if (body) {
    const firstString = fieldPaths(body).find((k) => typeof k.reduce((o, x) => o?.[x], body) === "string")
    if (firstString) add("huge", `huge:${firstString.join(".")}=90kB-string`, { body: withField(body, firstString, "x".repeat(90 * 1024)), size: `template with ${firstString.join(".")} = 90 kB string` })
    const firstArray = fieldPaths(body).find((k) => Array.isArray(k.reduce((o, x) => o?.[x], body)))
    if (firstArray) {
      const item = firstArray.reduce((o, x) => o?.[x], body)[0] ?? 1
      add("huge", `huge:${firstArray.join(".")}=2000-items`, { body: withField(body, firstArray, Array.from({ length: 2000 }, () => item)), size: `template with ${firstArray.join(".")} = 2000 copies of its first item` })
    }
  }

  if (hasBody) {
    const mp = multipart([{ name: "note", data: "no file here" }])
    const mpFile = multipart([{ name: "file", filename: "evil.glb", type: "model/gltf-binary", data: "glTF\u0002\u0000\u0000\u0000garbage" }, { name: "file2", filename: "../../etc/passwd", data: "x" }])
    for (const [label, type, text] of [
      ["text-plain-json", "text/plain", json ?? "{}"],
      ["text-plain-garbage", "text/plain", "hello 👗 \u0000 world"],
      ["form-urlencoded", "application/x-www-form-urlencoded", formEncode(body) || "a=1"],
      ["form-urlencoded-nested", "application/x-www-form-urlencoded", "a[]=1&a[b]=2&__proto__[x]=1&" + "k[a][b][c][d][e][f][g]=1"],
      ["multipart-no-file", mp.type, mp.body],
      ["multipart-garbage-files", mpFile.type, mpFile.body],
      ["multipart-no-boundary", "multipart/form-data", "--x\r\ngarbage"],
      ["multipart-broken", "multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data\r\n\r\nno end"],
      ["json-charset-utf16", "application/json; charset=utf-16", json ?? "{}"],
      ["json-charset-bogus", "application/json; charset=klingon", json ?? "{}"],
      ["json-latin1", "application/json; charset=latin1", json ?? "{}"],
      ["xml", "application/xml", "<?xml version='1.0'?><a>1</a>"],
      ["octet-stream", "application/octet-stream", "\u00ff\u00fe\u0000\u0001binary"],
      ["no-content-type", null, json ?? "{}"],
      ["garbage-content-type", "!!!/???", json ?? "{}"],
    ])
      add("content-type", `content-type:${label}`, { contentType: type, body: text })
    for (const [label, encoding] of [
      ["gzip-not-gzipped", "gzip"],
      ["deflate-garbage", "deflate"],
      ["unknown-encoding", "x-fuzz"],
    ])
      add("content-type", `content-encoding:${label}`, { headers: { "content-encoding": encoding } })
  } else {
    add("content-type", "content-type:form-on-get", { contentType: "application/x-www-form-urlencoded", body: "a=1&b[c]=2" })
    add("content-type", "content-type:multipart-on-get", { ...(() => { const mp = multipart([{ name: "file", filename: "x.bin", data: "x" }]); return { contentType: mp.type, body: mp.body } })() })
  }

  for (const [label, headers] of [
    ["publishable-key-garbage", { "x-publishable-api-key": "pk_garbage" }],
    ["publishable-key-long", { "x-publishable-api-key": "pk_" + "k".repeat(4000) }],
    ["publishable-key-latin1", { "x-publishable-api-key": "pk_\u00ff\u00fe" }],
    ["publishable-key-sql", { "x-publishable-api-key": "' OR 1=1--" }],
    ["wishlist-token-garbage", { "x-wishlist-token": "garbage" }],
    ["wishlist-token-long", { "x-wishlist-token": "t".repeat(4000) }],
    ["wishlist-token-latin1", { "x-wishlist-token": "\u00ff\u00fe\u00fd" }],
    ["forwarded-for-garbage", { "x-forwarded-for": "not-an-ip, ::::, 999.999.999.999" }],
    ["forwarded-for-long", { "x-forwarded-for": Array.from({ length: 400 }, (_, i) => `10.0.${i % 256}.${i % 200}`).join(", ") }],
    ["accept-garbage", { accept: "garbage/;;;q=abc" }],
    ["idempotency-key-garbage", { "idempotency-key": "\u00ff".repeat(300) }],
    ["huge-header", { "x-fuzz": "h".repeat(12000) }],
    ["x-api-key-garbage", { "x-api-key": "garbage" }],
    ["webhook-headers-garbage", { "webhook-id": "\u00ff", "webhook-timestamp": "soon", "webhook-signature": "v1,!!!" }],
  ])
    add("header", `header:${label}`, { headers })

  const other = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !ctx.methodsOnPath.has(m))
  for (const m of other.slice(0, 2)) add("method", `method:${m}`, { method: m, contentType: BODY_METHODS.has(m) ? "application/json" : undefined, body: BODY_METHODS.has(m) ? "{}" : undefined })

  return groups
}

/** How many cases a category gets per round: wrong field types and odd ids find the most. */
const WEIGHTS = { field: 3, path: 2, query: 2, json: 2 }

/**
 * Up to `cap` cases, taken round-robin across categories (weighted) and, inside a category,
 * across what is damaged (each field, each parameter), each shuffled by the seed: a small
 * budget still covers every kind of damage and every field. The well-formed request comes first.
 */
export function selectCases(groups, cap, rng) {
  const interleave = (cases) => {
    const bySubject = new Map()
    for (const c of rng.shuffle(cases)) {
      const subject = c.label.split("=")[0]
      if (!bySubject.has(subject)) bySubject.set(subject, [])
      bySubject.get(subject).push(c)
    }
    const lanes = [...bySubject.values()]
    const out = []
    while (lanes.some((l) => l.length)) for (const l of lanes) if (l.length) out.push(l.shift())
    return out
  }
  const queues = Object.entries(groups)
    .filter(([category]) => category !== "valid")
    .map(([category, cases]) => ({ weight: WEIGHTS[category] ?? 1, cases: interleave(cases) }))
  const out = [...(groups.valid ?? [])]
  while (out.length < cap && queues.some((q) => q.cases.length)) {
    for (const q of rng.shuffle(queues)) {
      for (let i = 0; i < q.weight && out.length < cap && q.cases.length; i++) out.push(q.cases.shift())
    }
  }
  return out
}
