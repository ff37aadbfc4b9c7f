/**
 * Request ids on the real server: the `x-request-id` answered on every response (a caller's
 * well-formed id kept, anything else replaced, one made when none is sent) and the JSON
 * access line with that id in the server's log. The test stack runs the server with
 * LOG_FORMAT=json (scripts/test-stack.mjs), so its access lines are JSON as in production.
 */
import fs from "fs"
import path from "path"
import { randomUUID } from "crypto"
import { api, stackInfo } from "../harness/api"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const serverLog = () => path.join(stackInfo().logDir, "server.log")
/** Unique per run, so a rerun against the same stack never finds an old line. */
const newId = (what: string) => `it-${what}-${randomUUID().slice(0, 8)}`

type AccessLine = { level: string; msg: string; request_id: string; method: string; route: string; status: number; duration_ms: number; time: string }

/** The access line of `requestId` as written to server.log, with its raw text (written when the response closes, which the client may see first). */
async function accessLine(requestId: string): Promise<{ line: AccessLine; raw: string }> {
  for (let attempt = 0; ; attempt++) {
    const raw = fs
      .readFileSync(serverLog(), "utf8")
      .split("\n")
      .find((l) => l.startsWith("{") && l.includes(`"request_id":"${requestId}"`) && l.includes(`"msg":"request"`))
    if (raw) return { line: JSON.parse(raw), raw }
    if (attempt >= 100) throw new Error(`no access line for ${requestId} in ${serverLog()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

test("a well-formed x-request-id is answered back and logged as one JSON access line", async () => {
  const id = newId("echo")
  const res = await api("GET", "/store/regions", { headers: { "x-request-id": id } })
  expect(res.status).toBe(200)
  expect(res.headers.get("x-request-id")).toBe(id)
  const { line } = await accessLine(id)
  expect(line).toEqual({ level: "info", msg: "request", request_id: id, method: "GET", route: "/store/regions", status: 200, duration_ms: expect.any(Number), time: expect.any(String) })
  expect(new Date(line.time).toISOString()).toBe(line.time)
})

test("a malformed id is replaced by a new one, and one is made when none is sent", async () => {
  for (const bad of ["two words", "x".repeat(129), "id\"with-quote", "a,b"]) {
    const res = await api("GET", "/store/regions", { headers: { "x-request-id": bad } })
    expect(res.headers.get("x-request-id")).toMatch(UUID)
    expect((await accessLine(res.headers.get("x-request-id")!)).raw).not.toContain(bad)
  }
  const first = await api("GET", "/store/regions")
  const second = await api("GET", "/store/regions")
  expect(first.headers.get("x-request-id")).toMatch(UUID)
  expect(second.headers.get("x-request-id")).toMatch(UUID)
  expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"))
  await accessLine(second.headers.get("x-request-id")!)
})

test("the access line names the route, never the URL's ids, query string or credentials", async () => {
  const product = (await api("GET", "/store/products?limit=1")).body.products[0]
  const credentials = { authorization: "Bearer tok-secret-bearer", cookie: "connect.sid=s%3Asecret-cookie" }
  const one = newId("detail")
  expect((await api("GET", `/store/products/${product.id}?fields=id,title`, { headers: { ...credentials, "x-request-id": one } })).status).toBe(200)
  const search = newId("search")
  expect((await api("GET", "/store/products?q=secret-query-term&limit=1", { headers: { ...credentials, "x-request-id": search } })).status).toBe(200)

  const detail = await accessLine(one)
  expect(detail.line).toMatchObject({ route: "/store/products/:id", status: 200 })
  const list = await accessLine(search)
  expect(list.line).toMatchObject({ route: "/store/products", status: 200 })
  for (const raw of [detail.raw, list.raw]) {
    for (const leak of [product.id, "?", "fields", "secret-query-term", "tok-secret-bearer", "secret-cookie", "Bearer"]) expect(raw).not.toContain(leak)
  }
})

test("errors, not-founds and rate-limited answers carry the id too", async () => {
  const notFound = newId("404")
  const missing = await api("GET", "/store/products/prod_does_not_exist", { headers: { "x-request-id": notFound } })
  expect(missing.status).toBe(404)
  expect(missing.headers.get("x-request-id")).toBe(notFound)
  expect((await accessLine(notFound)).line).toMatchObject({ level: "info", status: 404 })

  const unauthorised = await api("GET", "/admin/products", { headers: { "x-request-id": newId("401") } })
  expect(unauthorised.status).toBe(401)
  expect(unauthorised.headers.get("x-request-id")).toMatch(/^it-401-/)

  // Sign-in is limited to 10 a minute per shopper address: the 11th answer is the limiter's own.
  const shopper = { "x-forwarded-for": `198.18.${Date.now() % 250}.${Math.floor(Math.random() * 250)}` }
  let limited: Awaited<ReturnType<typeof api>> | null = null
  for (let i = 0; i < 12 && !limited; i++) {
    const res = await api("POST", "/store/auth", { headers: { ...shopper, "x-request-id": newId(`auth${i}`) }, body: { email: "nobody@example.com", password: "wrong" } })
    if (res.status === 429) limited = res
  }
  expect(limited).not.toBeNull()
  expect(limited!.headers.get("x-request-id")).toMatch(/^it-auth\d+-/)
  expect((await accessLine(limited!.headers.get("x-request-id")!)).line).toMatchObject({ method: "POST", status: 429 })
})
