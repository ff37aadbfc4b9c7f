/**
 * The supplier simulator (simulator/supplier-simulator.cjs) plays the receiving side of
 * the Standard Webhooks contract on its own: it checks signatures on the raw body,
 * refuses stale or forged deliveries, deduplicates on webhook-id, fails on purpose and
 * goes down and up on the same port. Signed here with `standardwebhooks` directly.
 */
import http from "http"
import { Webhook } from "standardwebhooks"
// Extensionless: TypeScript takes the types from supplier-simulator.d.ts, jest loads the .cjs.
import { startSupplierSimulator, type SupplierSimulator } from "../../simulator/supplier-simulator"

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const OTHER = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"

async function deliver(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body })
  return { status: res.status, body: await res.json() }
}

function signed(secret: string, id: string, payload: unknown, at = new Date()): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(payload)
  return {
    body,
    headers: { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, at, body) },
  }
}

const created = (supplierOrderId: string) => ({ type: "supplier_order.created", timestamp: new Date().toISOString(), data: { supplier_order_id: supplierOrderId } })

let sim: SupplierSimulator
afterEach(async () => {
  await sim?.close()
})

test("records a signed delivery once, answers a repeated webhook-id as a duplicate, and refuses bad ones", async () => {
  sim = await startSupplierSimulator({ suppliers: { "SURAT-API": SECRET } })
  const url = sim.endpointFor("SURAT-API")
  const first = signed(SECRET, "msg_a", created("supord_1"))
  expect(await deliver(url, first.body, first.headers)).toMatchObject({ status: 200, body: { duplicate: false } })
  expect(await deliver(url, first.body, first.headers)).toMatchObject({ status: 200, body: { duplicate: true } })

  const forged = signed(OTHER, "msg_b", created("supord_2"))
  expect((await deliver(url, forged.body, forged.headers)).status).toBe(401)
  const stale = signed(SECRET, "msg_c", created("supord_3"), new Date(Date.now() - 10 * 60 * 1000))
  expect((await deliver(url, stale.body, stale.headers)).status).toBe(401)
  // Same JSON, different bytes: the signature covers the raw body.
  expect((await deliver(url, ` ${first.body}`, { ...first.headers, "webhook-id": "msg_a" })).status).toBe(401)
  expect((await deliver(url, first.body, {})).status).toBe(401)
  expect((await deliver(sim.endpointFor("NOBODY"), first.body, first.headers)).status).toBe(404)

  // The same supplier order under a second webhook-id is a second message: the report names it.
  const again = signed(SECRET, "msg_d", created("supord_1"))
  expect((await deliver(url, again.body, again.headers)).status).toBe(200)

  expect(sim.messages.map((m) => [m.code, m.webhookId, m.type, m.data.supplier_order_id])).toEqual([
    ["SURAT-API", "msg_a", "supplier_order.created", "supord_1"],
    ["SURAT-API", "msg_d", "supplier_order.created", "supord_1"],
  ])
  expect(sim.stats()).toEqual({ requests: 8, failedOnPurpose: 0, unique: 2, duplicates: 1, badSignatures: 4 })
  const report = sim.integrityReport()
  expect(report.underTwoIds).toEqual(["supord_1"])
  expect([...report.bySupplierOrder.get("supord_1")!]).toEqual(["msg_a", "msg_d"])
})

test("fails on purpose before recording anything, with the given randomness", async () => {
  // Rolls: fail (0.1 < 0.5) with kind 0.5 -> 500; fail with kind 0.9 -> 503; fail with kind 0.1 -> cut; pass.
  const rolls = [0.1, 0.5, 0.1, 0.9, 0.1, 0.1, 0.7]
  sim = await startSupplierSimulator({ suppliers: { A: SECRET }, failRate: 0.5, random: () => rolls.shift() ?? 0.99 })
  const msg = signed(SECRET, "msg_x", created("supord_9"))
  expect((await deliver(sim.endpointFor("A"), msg.body, msg.headers)).status).toBe(500)
  expect((await deliver(sim.endpointFor("A"), msg.body, msg.headers)).status).toBe(503)
  await expect(deliver(sim.endpointFor("A"), msg.body, msg.headers)).rejects.toThrow()
  expect(sim.messages).toHaveLength(0)
  expect((await deliver(sim.endpointFor("A"), msg.body, msg.headers)).status).toBe(200)
  expect(sim.stats()).toMatchObject({ requests: 4, failedOnPurpose: 3, unique: 1, duplicates: 0 })
})

test("goes down (connection refused, open connections cut) and comes up on the same port", async () => {
  sim = await startSupplierSimulator({ suppliers: { A: SECRET } })
  const url = sim.endpointFor("A")
  // A keep-alive connection that is open when the simulator goes down.
  const agent = new http.Agent({ keepAlive: true })
  await new Promise<void>((resolve, reject) => {
    http.get(`${sim.url}/health`, { agent }, (res) => res.resume().on("end", resolve)).on("error", reject)
  })
  const port = sim.port
  await sim.goDown()
  expect(sim.isUp).toBe(false)
  const msg = signed(SECRET, "msg_y", created("supord_5"))
  await expect(deliver(url, msg.body, msg.headers)).rejects.toThrow()
  await sim.comeUp()
  expect(sim.port).toBe(port)
  expect((await deliver(url, msg.body, msg.headers)).status).toBe(200)
  await expect(sim.waitFor((s) => s.messages.find((m) => m.webhookId === "msg_y"), 1000)).resolves.toMatchObject({ code: "A" })
  await expect(sim.waitFor((s) => s.stats().unique > 5, 100)).rejects.toThrow(/not met/)
  agent.destroy()
})

test("any-path mode finds the supplier by path or by the secret that signed", async () => {
  sim = await startSupplierSimulator({ suppliers: { A: SECRET, B: OTHER }, anyPath: true })
  const msg = signed(OTHER, "msg_z", created("supord_6"))
  expect((await deliver(`${sim.url}/orders`, msg.body, msg.headers)).status).toBe(200)
  expect(sim.messages[0]).toMatchObject({ code: "B", webhookId: "msg_z" })
})

test("send() signs {type, timestamp, data} for the backend, or tampers on request", async () => {
  const seen: { headers: http.IncomingHttpHeaders; body: string; url?: string }[] = []
  const backend = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString()
      seen.push({ headers: req.headers, body, url: req.url })
      try {
        new Webhook(SECRET).verify(body, req.headers as Record<string, string>)
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}')
      } catch {
        res.writeHead(401, { "content-type": "application/json" }).end('{"error":"bad"}')
      }
    })
  })
  await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r))
  const backendUrl = `http://127.0.0.1:${(backend.address() as { port: number }).port}`
  try {
    sim = await startSupplierSimulator({ suppliers: { A: SECRET } })
    const ok = await sim.send({ backendUrl, code: "A", type: "supplier_order.accepted", data: { supplier_order_id: "supord_1" } })
    expect(ok).toMatchObject({ status: 200, body: { ok: true } })
    expect(seen[0].url).toBe("/hooks/suppliers/A")
    expect(seen[0].headers["webhook-id"]).toBe(ok.id)
    expect(JSON.parse(seen[0].body)).toMatchObject({ type: "supplier_order.accepted", data: { supplier_order_id: "supord_1" } })
    expect((await sim.send({ backendUrl, code: "A", type: "x", tamper: true })).status).toBe(401)
    expect((await sim.send({ backendUrl, code: "A", type: "x", tamper: "body" })).status).toBe(401)
    expect((await sim.send({ backendUrl, code: "A", type: "x", timestamp: new Date(Date.now() - 600000) })).status).toBe(401)
    expect((await sim.send({ backendUrl, code: "A", type: "x", secret: OTHER })).status).toBe(401)
    expect((await sim.send({ backendUrl, code: "A", type: "x", id: "msg_same" })).id).toBe("msg_same")
  } finally {
    await new Promise((r) => backend.close(r))
  }
})
