/**
 * Sends one fuzz case over node:http rather than fetch: fetch would normalise `../`,
 * re-encode odd percent sequences and refuse some headers, and those raw bytes are the
 * point of the exercise.
 */
import crypto from "node:crypto"
import http from "node:http"

const b64url = (x) => Buffer.from(typeof x === "string" ? x : JSON.stringify(x)).toString("base64url")

/** A JWT-looking token signed with a key the server does not have (or not signed at all). */
export function fakeJwt(payload, { alg = "HS256", secret = "not-the-server-secret" } = {}) {
  const head = b64url({ alg, typ: "JWT" })
  const body = b64url({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, ...payload })
  if (alg === "none") return `${head}.${body}.`
  return `${head}.${body}.${crypto.createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url")}`
}

/** Standard Webhooks: HMAC-SHA256 keyed with the base64 part of `whsec_...`, over `id.timestamp.body`. */
export function signWebhook(secret, id, timestamp, body) {
  const key = Buffer.from(String(secret).replace(/^whsec_/, ""), "base64")
  return `v1,${crypto.createHmac("sha256", key).update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body])).digest("base64")}`
}

/** The headers that stand for a case's auth kind. */
export function authHeaders(kind, ctx, body, index) {
  const t = ctx.tokens
  const now = Math.floor(Date.now() / 1000)
  const msgId = `msg_fuzz_${ctx.runId}_${index}`
  const signed = (secret, ts = now, id = msgId) => ({ "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": signWebhook(secret, id, ts, body) })
  switch (kind) {
    case "none":
    case "courier-key-missing":
    case "sig-missing":
      return {}
    case "admin":
      return { authorization: `Bearer ${t.admin}` }
    case "customer":
      return t.customer ? { authorization: `Bearer ${t.customer}` } : {}
    case "customer-cookie":
      return t.customerCookie ? { cookie: t.customerCookie } : {}
    case "other-customer":
      return t.other ? { authorization: `Bearer ${t.other}` } : {}
    case "garbage-bearer":
      return { authorization: "Bearer garbage" }
    case "empty-bearer":
      return { authorization: "Bearer " }
    case "malformed-jwt":
      return { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcl9pZCI6.%%%" }
    case "alg-none-jwt":
      return { authorization: `Bearer ${fakeJwt({ customer_id: ctx.values.customer_id, userId: ctx.values.admin_user_id, domain: "admin" }, { alg: "none" })}` }
    case "forged-jwt":
      return { authorization: `Bearer ${fakeJwt({ customer_id: ctx.values.customer_id, userId: ctx.values.admin_user_id, domain: "admin" })}` }
    case "basic":
      return { authorization: `Basic ${Buffer.from("admin@example.com:wrong").toString("base64")}` }
    case "garbage-cookie":
      return { cookie: "connect.sid=s%3Agarbage.garbage; _medusa_jwt=garbage" }
    case "long-bearer":
      return { authorization: `Bearer ${"a".repeat(8000)}` }
    case "api-token-header":
      return { "x-medusa-access-token": "garbage-api-token" }
    case "courier-key":
      return { "x-api-key": ctx.values.courier_token ?? "no-token-known" }
    case "courier-key-garbage":
      return { "x-api-key": "garbage" }
    case "courier-key-long":
      return { "x-api-key": "k".repeat(10000) }
    case "courier-key-prefix":
      return { "x-api-key": String(ctx.values.courier_token ?? "x").slice(0, -1) }
    case "supplier-signature":
      return signed(ctx.values.supplier_secret)
    case "sig-garbage":
      return { "webhook-id": msgId, "webhook-timestamp": String(now), "webhook-signature": "v1,Z2FyYmFnZQ==" }
    case "sig-stale":
      return signed(ctx.values.supplier_secret, now - 3600)
    case "sig-future":
      return signed(ctx.values.supplier_secret, now + 3600)
    case "sig-nan-timestamp":
      return signed(ctx.values.supplier_secret, "NaN")
    case "sig-huge-timestamp":
      return signed(ctx.values.supplier_secret, "1e400")
    case "sig-negative-timestamp":
      return signed(ctx.values.supplier_secret, -1)
    case "sig-empty-v1":
      return { "webhook-id": msgId, "webhook-timestamp": String(now), "webhook-signature": "v1," }
    case "sig-not-base64":
      return { "webhook-id": msgId, "webhook-timestamp": String(now), "webhook-signature": "v1,!!!***%%% v2,abc ,,, v1" }
    case "sig-many":
      return { ...signed(ctx.values.supplier_secret), "webhook-signature": Array.from({ length: 500 }, () => "v1,Z2FyYmFnZQ==").join(" ") }
    case "sig-other-secret":
      return signed("whsec_" + Buffer.from("another supplier's secret").toString("base64"))
    case "sig-long-id":
      return signed(ctx.values.supplier_secret, now, "i".repeat(5000))
    default:
      throw new Error(`unknown auth kind ${kind}`)
  }
}

/**
 * One request; resolves with { status, text, ms } or { error, ms } (never rejects). Reads at
 * most 64 kB of the answer.
 */
export function send(baseUrl, agent, { method, url, headers, body }, timeoutMs) {
  const started = process.hrtime.bigint()
  const ms = () => Number(process.hrtime.bigint() - started) / 1e6
  const target = new URL(baseUrl)
  return new Promise((resolve) => {
    let settled = false
    const done = (value) => {
      if (settled) return
      settled = true
      resolve({ ...value, ms: ms() })
    }
    let req
    try {
      req = http.request({ host: target.hostname, port: target.port, method, path: url, headers: { ...headers, ...(body ? { "content-length": String(body.length) } : {}) }, agent, timeout: timeoutMs })
    } catch (error) {
      // node:http refuses some paths and headers itself; then nothing reached the server.
      return done({ error: `client refused: ${error.code ?? error.message}`, clientRefused: true })
    }
    let answered = null
    const chunks = []
    req.on("response", (res) => {
      answered = res
      let size = 0
      res.on("data", (chunk) => {
        if (size < 65536) chunks.push(chunk)
        size += chunk.length
      })
      const finish = () => done({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8").slice(0, 65536), headers: res.headers })
      res.on("end", finish)
      res.on("close", finish)
      res.on("error", finish)
    })
    req.on("timeout", () => {
      req.destroy(new Error("timeout"))
      done({ error: `no answer within ${timeoutMs / 1000}s`, timeout: true })
    })
    // The server may answer (413) and close before the body is all sent: the answer counts.
    req.on("error", (error) => done(answered ? { status: answered.statusCode, text: Buffer.concat(chunks).toString("utf8"), headers: answered.headers } : { error: error.code ?? error.message }))
    if (body) req.end(body)
    else req.end()
  })
}
