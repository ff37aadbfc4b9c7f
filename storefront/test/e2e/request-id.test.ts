/**
 * One id per page render across both servers: the storefront's server-side calls to the
 * backend carry the id of the storefront request (the one nginx set, or one made for the
 * render), and the backend's JSON access lines show it. The render used makes two uncached
 * calls: her bag for the header's count (a cart cookie) and the product page's size advice.
 * Cached catalogue reads carry no id (it would be part of Next's cache key) and are not counted.
 */
import fs from "fs"
import path from "path"
import { randomUUID } from "crypto"
import { STORE, stack, storeApi } from "./support"

const PAGE = "/in/products/striped-knit-bodycon-mini"
const CALLS = ["/store/carts/:id", "/store/products/:id/size-recommendation"]

type AccessLine = { msg: string; request_id: string; route: string; status: number }

/** The backend's log: its stack's log dir, or E2E_BACKEND_LOG_DIR when reusing a running store. */
function serverLog(): string {
  const dir = (stack.backend as { logDir?: string }).logDir ?? process.env.E2E_BACKEND_LOG_DIR
  if (!dir) throw new Error("no backend log dir: set E2E_BACKEND_LOG_DIR along with E2E_BACKEND_URL")
  return path.join(dir, "server.log")
}

/** The access lines written after `offset`, once every route in CALLS has one (the backend writes a line as its answer closes). */
async function accessLinesSince(offset: number, keep: (line: AccessLine) => boolean): Promise<AccessLine[]> {
  for (let attempt = 0; ; attempt++) {
    const text = fs.readFileSync(serverLog()).subarray(offset).toString("utf8")
    const lines = text
      .split("\n")
      .filter((l) => l.startsWith('{"level"') && l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as AccessLine)
      .filter(keep)
    if (CALLS.every((route) => lines.some((l) => l.route === route)) || attempt >= 50) return lines
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A fresh bag in India, as a shopper's cart cookie holds it. */
async function cartCookie(): Promise<string> {
  const { regions } = await storeApi<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
  const { cart } = await storeApi<{ cart: { id: string } }>("/store/carts", { body: { region_id: regions.find((r) => r.currency_code === "inr")!.id } })
  return `zari_cart=${cart.id}`
}

test("the backend calls of a render carry the id nginx gave the storefront request", async () => {
  const id = `e2e-${randomUUID()}`
  const offset = fs.statSync(serverLog()).size
  const res = await fetch(`${STORE}${PAGE}`, { headers: { cookie: await cartCookie(), "x-request-id": id } })
  expect(res.status).toBe(200)
  await res.text()
  const lines = await accessLinesSince(offset, (l) => l.request_id === id)
  expect(lines.map((l) => l.route)).toEqual(expect.arrayContaining(CALLS))
})

test("without one, the render makes one id and all its backend calls share it", async () => {
  const offset = fs.statSync(serverLog()).size
  const res = await fetch(`${STORE}${PAGE}`, { headers: { cookie: await cartCookie() } })
  expect(res.status).toBe(200)
  await res.text()
  const lines = await accessLinesSince(offset, (l) => CALLS.includes(l.route))
  expect(lines.map((l) => l.route)).toEqual(expect.arrayContaining(CALLS))
  const ids = new Set(lines.map((l) => l.request_id))
  expect(ids.size).toBe(1)
  expect([...ids][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
})
