/**
 * A supplier's side of the Standard Webhooks contract (../../../../shared/CONTRACTS.md,
 * "Supplier webhooks"), written independently of the plugin's code: it uses the npm
 * package `standardwebhooks` directly and never imports the plugin's src, so a bug in
 * our signing cannot hide behind the same bug in the check.
 *
 * Receives our deliveries (`POST /suppliers/:code/orders`), verifies them on the raw
 * body bytes, injects failures on purpose (500, 503, a socket cut mid-request, or the
 * whole server down), deduplicates on `webhook-id` as the spec asks a receiver to, and
 * records each unique message. It also sends signed webhooks to the backend, as the
 * supplier answering (`sim.send`). Used by backend tests, bench/supplier-chaos and the
 * CLI (cli.cjs).
 */
"use strict"

const http = require("node:http")
const crypto = require("node:crypto")
const { Webhook } = require("standardwebhooks")

const ORDERS_PATH = /^\/suppliers\/([^/?#]+)\/orders\/?(?:\?.*)?$/
const MAX_BODY_BYTES = 5 * 1024 * 1024

function json(res, status, body, extraHeaders = {}) {
  if (res.headersSent || res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...extraHeaders })
  res.end(text)
}

function headerValue(req, name) {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

function randomId() {
  return `msg_${crypto.randomBytes(12).toString("hex")}`
}

/**
 * @param {import("./supplier-simulator").SupplierSimulatorOptions} options
 * @returns {Promise<import("./supplier-simulator").SupplierSimulator>}
 */
async function startSupplierSimulator(options = {}) {
  const host = options.host ?? "127.0.0.1"
  const random = options.random ?? Math.random
  const anyPath = options.anyPath ?? false
  const log = options.log ?? (() => {})
  const onMessage = options.onMessage ?? (() => {})
  /** @type {Map<string, string>} */
  const secrets = new Map(Object.entries(options.suppliers ?? {}))
  let failRate = clampRate(options.failRate ?? 0)
  let port = options.port ?? 0

  const messages = []
  /** code + "\n" + webhook-id -> message: what the supplier has already processed */
  const seen = new Map()
  const stats = { requests: 0, failedOnPurpose: 0, unique: 0, duplicates: 0, badSignatures: 0 }
  const listeners = new Set()
  const notify = () => {
    for (const fn of [...listeners]) fn()
  }

  let server = null
  const sockets = new Set()
  let up = false

  function resolveSupplier(req, rawBody) {
    const path = (req.url ?? "/").split("?")[0]
    const match = ORDERS_PATH.exec(path)
    if (match) {
      const code = decodeURIComponent(match[1])
      return secrets.has(code) ? { code } : { error: 404, message: `unknown supplier ${code}` }
    }
    if (!anyPath) return { error: 404, message: `no route for ${req.method} ${path}; deliveries go to POST /suppliers/:code/orders` }
    if (secrets.size === 1) return { code: [...secrets.keys()][0] }
    // Several suppliers on one path: the one whose secret signed the body.
    for (const [code, secret] of secrets) {
      try {
        new Webhook(secret).verify(rawBody, pickSignatureHeaders(req))
        return { code }
      } catch {
        // not this one
      }
    }
    return { code: null }
  }

  function pickSignatureHeaders(req) {
    return {
      "webhook-id": headerValue(req, "webhook-id") ?? "",
      "webhook-timestamp": headerValue(req, "webhook-timestamp") ?? "",
      "webhook-signature": headerValue(req, "webhook-signature") ?? "",
    }
  }

  function handle(req, res) {
    if (req.method !== "POST") {
      req.resume()
      if (req.method === "GET" && req.url === "/health") return json(res, 200, { ok: true })
      return json(res, 405, { error: "POST only" }, { allow: "POST" })
    }
    stats.requests++
    // Failure injection before any processing: nothing is recorded for these requests.
    if (failRate > 0 && random() < failRate) {
      stats.failedOnPurpose++
      const kind = random()
      if (kind < 0.2) {
        log(`fail on purpose: cut the connection (${req.url})`)
        req.socket.destroy()
        notify()
        return
      }
      const status = kind < 0.6 ? 500 : 503
      log(`fail on purpose: ${status} (${req.url})`)
      req.resume()
      req.on("end", () => json(res, status, { error: status === 500 ? "simulated internal error" : "simulated unavailability" }))
      notify()
      return
    }
    const chunks = []
    let size = 0
    req.on("data", (c) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        json(res, 413, { error: "body too large" })
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on("error", () => {})
    req.on("end", () => {
      if (res.headersSent) return
      const rawBody = Buffer.concat(chunks)
      const target = resolveSupplier(req, rawBody)
      if (target.error) {
        json(res, target.error, { error: target.message })
        return notify()
      }
      if (!target.code) {
        stats.badSignatures++
        json(res, 401, { error: "the signature matches no configured supplier" })
        return notify()
      }
      const code = target.code
      let payload
      try {
        payload = new Webhook(secrets.get(code)).verify(rawBody, pickSignatureHeaders(req))
      } catch (error) {
        stats.badSignatures++
        log(`${code}: refused (${error.message})`)
        json(res, 401, { error: `invalid webhook: ${error.message}` })
        return notify()
      }
      const webhookId = headerValue(req, "webhook-id")
      const key = `${code}\n${webhookId}`
      const earlier = seen.get(key)
      if (earlier) {
        stats.duplicates++
        earlier.deliveries++
        log(`${code}: duplicate delivery of ${webhookId} (#${earlier.deliveries})`)
        json(res, 200, { received: true, duplicate: true, webhook_id: webhookId })
        return notify()
      }
      const message = {
        code,
        webhookId,
        type: payload && typeof payload === "object" ? payload.type : undefined,
        data: payload && typeof payload === "object" ? payload.data : undefined,
        receivedAt: new Date(),
        deliveries: 1,
      }
      seen.set(key, message)
      messages.push(message)
      stats.unique++
      try {
        onMessage(message)
      } catch (error) {
        log(`onMessage threw: ${error?.message ?? error}`)
      }
      json(res, 200, { received: true, duplicate: false, webhook_id: webhookId })
      notify()
    })
  }

  function listen() {
    return new Promise((resolve, reject) => {
      const s = http.createServer(handle)
      s.keepAliveTimeout = 5000
      s.on("connection", (socket) => {
        sockets.add(socket)
        socket.on("close", () => sockets.delete(socket))
      })
      s.once("error", reject)
      s.listen(port, host, () => {
        s.off("error", reject)
        s.on("error", (error) => log(`server error: ${error.message}`))
        port = s.address().port
        server = s
        up = true
        resolve()
      })
    })
  }

  function shutDown() {
    if (!server) return Promise.resolve()
    const s = server
    server = null
    up = false
    return new Promise((resolve) => {
      s.close(() => resolve())
      for (const socket of sockets) socket.destroy()
      sockets.clear()
    })
  }

  await listen()
  const baseUrl = () => `http://${host.includes(":") ? `[${host}]` : host}:${port}`

  const sim = {
    get url() {
      return baseUrl()
    },
    get port() {
      return port
    },
    get isUp() {
      return up
    },
    messages,
    endpointFor(code) {
      return `${baseUrl()}/suppliers/${encodeURIComponent(code)}/orders`
    },
    addSupplier(code, secret) {
      secrets.set(code, secret)
    },
    setFailRate(rate) {
      failRate = clampRate(rate)
    },
    get failRate() {
      return failRate
    },
    async goDown() {
      log("going down: connections refused until comeUp()")
      await shutDown()
    },
    async comeUp() {
      if (up) return
      // The port was ours a moment ago; retry briefly in case the kernel still holds it.
      for (let attempt = 0; ; attempt++) {
        try {
          await listen()
          log(`up again on ${baseUrl()}`)
          return
        } catch (error) {
          if (error.code !== "EADDRINUSE" || attempt >= 50) throw error
          await new Promise((r) => setTimeout(r, 100))
        }
      }
    },
    stats() {
      return { ...stats }
    },
    waitFor(predicate, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        let done = false
        const finish = (fn, value) => {
          if (done) return
          done = true
          listeners.delete(check)
          clearInterval(poll)
          clearTimeout(timer)
          fn(value)
        }
        const check = () => {
          let value
          try {
            value = predicate(sim)
          } catch (error) {
            return finish(reject, error)
          }
          if (value) finish(resolve, value)
        }
        const timer = setTimeout(() => finish(reject, new Error(`supplier simulator: condition not met within ${timeoutMs} ms (${JSON.stringify(stats)})`)), timeoutMs)
        const poll = setInterval(check, 50)
        listeners.add(check)
        check()
      })
    },
    integrityReport() {
      const bySupplierOrder = new Map()
      for (const m of messages) {
        if (m.type !== "supplier_order.created") continue
        const id = m.data && m.data.supplier_order_id
        if (!id) continue
        if (!bySupplierOrder.has(id)) bySupplierOrder.set(id, new Set())
        bySupplierOrder.get(id).add(m.webhookId)
      }
      const underTwoIds = [...bySupplierOrder].filter(([, ids]) => ids.size > 1).map(([id]) => id)
      return { bySupplierOrder, underTwoIds }
    },
    async send(opts) {
      const code = opts.code
      const secret = opts.secret ?? secrets.get(code)
      if (!secret) throw new Error(`supplier simulator: no secret for ${code}`)
      const id = opts.id ?? randomId()
      const at = opts.timestamp ?? new Date()
      let body = opts.rawBody ?? JSON.stringify({ type: opts.type, timestamp: at.toISOString(), data: opts.data ?? {} })
      let signature = new Webhook(secret).sign(id, at, body)
      if (opts.tamper === true || opts.tamper === "signature") {
        // Same length, different bytes: a signature by someone without the secret.
        const raw = Buffer.from(signature.slice(3), "base64")
        raw[0] ^= 0xff
        signature = `v1,${raw.toString("base64")}`
      } else if (opts.tamper === "body") {
        // Equivalent JSON, different bytes: only a receiver that verifies the raw body refuses it.
        body = body.replace(/^\{/, "{ ")
      }
      const headers = {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      }
      for (const [k, v] of Object.entries(opts.headers ?? {})) {
        if (v === null || v === undefined) delete headers[k.toLowerCase()]
        else headers[k.toLowerCase()] = v
      }
      const base = String(opts.backendUrl).replace(/\/+$/, "")
      const res = await fetch(`${base}/hooks/suppliers/${encodeURIComponent(code)}`, { method: "POST", headers, body })
      const text = await res.text()
      let parsed = text
      try {
        parsed = JSON.parse(text)
      } catch {
        // not JSON
      }
      return { status: res.status, body: parsed, id }
    },
    async close() {
      listeners.clear()
      await shutDown()
    },
  }
  return sim
}

function clampRate(x) {
  const n = Number(x)
  if (!Number.isFinite(n)) throw new Error(`failRate must be a number in 0..1, got ${x}`)
  return Math.min(1, Math.max(0, n))
}

module.exports = { startSupplierSimulator }
