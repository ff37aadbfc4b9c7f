/**
 * The supplier admin API over HTTP: secrets are shown once and never listed, bad input
 * gets a 400 naming each field, and only an admin may call it.
 */
import { Client } from "pg"
import { adminToken, api, stackInfo } from "../harness/api"

let auth: Record<string, string>

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
})

const valid = {
  code: "TIRUPUR-KNIT",
  name: "Tirupur Knitwear Co.",
  integration: "api",
  endpoint: "https://supplier.example.in/orders",
  email: "orders@tirupur-knit.example.in",
  pincode: "641604",
  pickup_location: "Tirupur-WH1",
  processing_days: 3,
}

it("refuses calls without an admin login", async () => {
  expect((await api("GET", "/admin/suppliers")).status).toBe(401)
  expect((await api("POST", "/admin/suppliers", { body: valid })).status).toBe(401)
})

it("lists the seeded suppliers without their secrets", async () => {
  const res = await api("GET", "/admin/suppliers", { headers: auth })
  expect(res.status).toBe(200)
  expect(res.body.count).toBeGreaterThanOrEqual(3)
  expect(res.text).not.toContain("secret")
})

it("creates a supplier, shows its secret once and stores it encrypted", async () => {
  const res = await api("POST", "/admin/suppliers", { headers: auth, body: valid })
  expect(res.status).toBe(201)
  expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
  expect(res.body.supplier).toMatchObject({ code: "TIRUPUR-KNIT", integration: "api", processing_days: 3, is_active: true })
  expect(res.body.supplier.secret_encrypted).toBeUndefined()

  const fetched = await api("GET", `/admin/suppliers/${res.body.supplier.id}`, { headers: auth })
  expect(fetched.status).toBe(200)
  expect(fetched.text).not.toContain(res.body.secret)

  const db = new Client({ connectionString: stackInfo().databaseUrl })
  await db.connect()
  const { rows } = await db.query(`SELECT secret_encrypted FROM supplier WHERE code = 'TIRUPUR-KNIT'`)
  await db.end()
  expect(rows[0].secret_encrypted).toMatch(/^v1\./)
  expect(rows[0].secret_encrypted).not.toContain(res.body.secret.slice(6))

  const rotated = await api("POST", `/admin/suppliers/${res.body.supplier.id}/rotate-secret`, { headers: auth })
  expect(rotated.status).toBe(200)
  expect(rotated.body.secret).toMatch(/^whsec_/)
  expect(rotated.body.secret).not.toBe(res.body.secret)
})

it("refuses a duplicate code", async () => {
  const res = await api("POST", "/admin/suppliers", { headers: auth, body: { ...valid, name: "Copy" } })
  expect(res.status).toBe(422)
  expect(res.body.message).toBe("A supplier with code TIRUPUR-KNIT already exists")
})

it("answers bad input with 400 naming every problem", async () => {
  const res = await api("POST", "/admin/suppliers", {
    headers: auth,
    body: { code: "bad code", name: "", integration: "fax", pincode: "12345", processing_days: -1, extra: 1 },
  })
  expect(res.status).toBe(400)
  for (const field of ["code", "name", "integration", "pincode", "processing_days"]) expect(res.body.message).toContain(`${field}:`)
  expect(res.body.message).toMatch(/extra/)
})

it("requires the channel of the integration", async () => {
  const res = await api("POST", "/admin/suppliers", { headers: auth, body: { code: "MAIL-ONLY", name: "Mail", integration: "email" } })
  expect(res.status).toBe(400)
  expect(res.body.message).toContain("email: is required for integration email")
})

it("updates a supplier and keeps it reachable", async () => {
  const { body } = await api("GET", "/admin/suppliers", { headers: auth })
  const apiSupplier = body.suppliers.find((s: any) => s.code === "TIRUPUR-KNIT")
  const ok = await api("POST", `/admin/suppliers/${apiSupplier.id}`, { headers: auth, body: { processing_days: 5, is_active: false } })
  expect(ok.status).toBe(200)
  expect(ok.body.supplier).toMatchObject({ processing_days: 5, is_active: false })
  const bad = await api("POST", `/admin/suppliers/${apiSupplier.id}`, { headers: auth, body: { endpoint: null } })
  expect(bad.status).toBe(400)
  expect(bad.body.message).toContain("endpoint: is required for integration api")
  expect((await api("GET", "/admin/suppliers/sup_missing", { headers: auth })).status).toBe(404)
})
