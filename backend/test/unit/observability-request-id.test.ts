/**
 * Request ids and access lines on a real Express app in this process, wired as Medusa
 * wires ours: the instrumentation when Node announces a request, the project middleware
 * first in its router, a plugin-like router mounted before it, Medusa's own logger (with
 * its winston output captured) and an error handler that logs and answers 500.
 */
import express, { NextFunction, Request, Response } from "express"
import { Writable } from "stream"
import type { AddressInfo } from "net"
import type { Server } from "http"
import { instrumentHttpServers } from "../../src/observability/http-instrumentation"
import { setAccessLogOutput } from "../../src/observability/access-log"
import { currentRequestId } from "../../src/observability/request-context"
import { tagMedusaLoggerWithRequestId } from "../../src/observability/medusa-logger"
import { withRequestId } from "../../src/api/request-id"

// Medusa's logger as the container hands it out, and the winston it is built on.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const medusaLogger = require("@medusajs/medusa/dist/loaders/logger").default as { error: (e: unknown) => void; loggerInstance_: any }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const winston = require(require.resolve("winston", { paths: [require.resolve("@medusajs/medusa-cli/package.json")] }))

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const accessLines: string[] = []
const medusaLines: string[] = []
let server: Server
let base: string

/** The server writes a request's line when its response closes, which the client may see first. */
async function lineFor(requestId: string, lines = accessLines): Promise<Record<string, any>> {
  for (let attempt = 0; ; attempt++) {
    const found = lines.map((l) => JSON.parse(l)).find((l) => l.request_id === requestId)
    if (found) return found
    if (attempt >= 100) throw new Error(`no line for ${requestId} in:\n${lines.join("\n")}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

beforeAll(async () => {
  instrumentHttpServers()
  setAccessLogOutput((line) => accessLines.push(line), { format: "json", level: "silly" })
  medusaLogger.loggerInstance_.clear()
  medusaLogger.loggerInstance_.add(
    new winston.transports.Stream({ stream: new Writable({ write: (chunk, _enc, done) => (medusaLines.push(String(chunk).trim()), done()) }) })
  )
  expect(tagMedusaLoggerWithRequestId(medusaLogger)).toBe(true)
  expect(tagMedusaLoggerWithRequestId(medusaLogger)).toBe(true) // a second loader run wraps nothing twice

  const app = express()
  // A plugin's router that Medusa happened to mount before the project's.
  app.get("/plugin/echo", (_req, res) => res.json({ seen: currentRequestId() ?? null }))
  app.use(withRequestId)
  app.use(express.json())
  app.get("/items/:id", async (_req, res) => {
    await new Promise((r) => setTimeout(r, 5))
    res.json({ seen: currentRequestId() ?? null })
  })
  app.post("/items", (req, res) => res.json({ seen: currentRequestId() ?? null, got: req.body }))
  app.get("/boom", async (_req, _res, next) => {
    await Promise.resolve()
    next(new Error("stock table is locked"))
  })
  // Medusa's error handler: logs the error through its logger, then answers.
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    medusaLogger.error(err)
    res.status(500).json({ type: "unknown_error" })
  })

  server = app.listen(0, "127.0.0.1")
  await new Promise((r) => server.once("listening", r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

describe("request ids", () => {
  it("echoes a well-formed id, and code running for the request sees it after awaiting", async () => {
    const res = await fetch(`${base}/items/prod_01HV8G2Z4KQ1T3W5Y7A9C0E2F4?expand=variants&token=secret`, { headers: { "x-request-id": "sf-abc.123" } })
    expect(res.headers.get("x-request-id")).toBe("sf-abc.123")
    expect(await res.json()).toEqual({ seen: "sf-abc.123" })
    const line = await lineFor("sf-abc.123")
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", route: "/items/:id", status: 200 })
    expect(typeof line.duration_ms).toBe("number")
    expect(new Date(line.time).toISOString()).toBe(line.time)
    expect(JSON.stringify(line)).not.toMatch(/secret|expand|prod_01/)
  })

  it("replaces a malformed id and makes one when none is sent", async () => {
    const replaced = await fetch(`${base}/items/1`, { headers: { "x-request-id": "two words" } })
    expect(replaced.headers.get("x-request-id")).toMatch(UUID)
    expect((await replaced.json()).seen).toBe(replaced.headers.get("x-request-id"))
    const made = await fetch(`${base}/items/1`)
    expect(made.headers.get("x-request-id")).toMatch(UUID)
    expect(made.headers.get("x-request-id")).not.toBe(replaced.headers.get("x-request-id"))
  })

  it("keeps the context through body parsing", async () => {
    const res = await fetch(`${base}/items`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "post-1" }, body: JSON.stringify({ a: 1 }) })
    expect(await res.json()).toEqual({ seen: "post-1", got: { a: 1 } })
  })

  it("reaches routes mounted before the project's middleware", async () => {
    const res = await fetch(`${base}/plugin/echo`, { headers: { "x-request-id": "plugin-1" } })
    expect(res.headers.get("x-request-id")).toBe("plugin-1")
    expect(await res.json()).toEqual({ seen: "plugin-1" })
  })

  it("answers a 404 with the id and logs it under one label", async () => {
    const res = await fetch(`${base}/nothing/here?q=1`, { headers: { "x-request-id": "lost-1" } })
    expect(res.status).toBe(404)
    expect(res.headers.get("x-request-id")).toBe("lost-1")
    expect(await lineFor("lost-1")).toMatchObject({ level: "info", route: "unmatched", status: 404 })
  })

  it("logs a 5xx as an error with its message, and tags Medusa's own error line with the id", async () => {
    const res = await fetch(`${base}/boom`, { headers: { "x-request-id": "boom-1" } })
    expect(res.status).toBe(500)
    expect(res.headers.get("x-request-id")).toBe("boom-1")
    expect(await lineFor("boom-1")).toMatchObject({ level: "error", route: "/boom", status: 500, error: "stock table is locked" })
    expect(await lineFor("boom-1", medusaLines)).toMatchObject({ level: "error", message: "stock table is locked" })
  })

  it("leaves Medusa's lines outside requests untagged", () => {
    medusaLogger.error(new Error("at boot"))
    const line = JSON.parse(medusaLines[medusaLines.length - 1])
    expect(line.message).toBe("at boot")
    expect(line).not.toHaveProperty("request_id")
  })
})
