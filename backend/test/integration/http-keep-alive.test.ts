/**
 * Idle connections stay open past Node's 5 s default (src/loaders/http-keep-alive.ts): a
 * pooled client's next POST on one is answered instead of failing with EPIPE.
 */
import http from "http"
import { stackInfo } from "../harness/api"

type Answer = { status: number; keepAlive: string | undefined; reusedSocket: boolean; body: string }

function request(agent: http.Agent, method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${stackInfo().baseUrl}${path}`, { method, agent, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {} }, (res) => {
      let text = ""
      res.setEncoding("utf8")
      res.on("data", (chunk) => (text += chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, keepAlive: [res.headers["keep-alive"]].flat()[0], reusedSocket: req.reusedSocket, body: text }))
    })
    req.on("error", reject)
    req.end(body)
  })
}

test("a connection idle for longer than Node's default 5 s still carries the next POST", async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    const first = await request(agent, "GET", "/store/regions")
    expect(first.status).toBe(200)
    expect(first.keepAlive).toBe("timeout=65")
    await new Promise((resolve) => setTimeout(resolve, 6_500))
    const next = await request(agent, "POST", "/store/carts", JSON.stringify({}))
    expect(next.reusedSocket).toBe(true)
    expect(next.status).toBe(200)
    expect(JSON.parse(next.body).cart.id).toMatch(/^cart_/)
  } finally {
    agent.destroy()
  }
})
