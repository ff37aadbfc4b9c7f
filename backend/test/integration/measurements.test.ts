/**
 * Body measurements (plugin medusa-plugin-size-recommendation): only the logged-in
 * customer reads and writes her own, with plausible values.
 */
import { api } from "../harness/api"

async function customer(name: string): Promise<Record<string, string>> {
  const email = `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`
  const password = "measure-me-123"
  const created = await api("POST", "/store/customers", { body: { first_name: name, last_name: "Test", email, password } })
  expect(created.status).toBe(200)
  const token = await api("POST", "/store/auth/token", { body: { email, password } })
  expect(token.status).toBe(200)
  return { authorization: `Bearer ${token.body.access_token}`, email, password }
}

const full = { bust_cm: 86, waist_cm: 70.5, hips_cm: 95, height_cm: 162, weight_kg: 58, bra_size: "34B", body_type: "hourglass", preferred_fit: "regular" }
const headers = (c: Record<string, string>) => ({ authorization: c.authorization })

describe("/store/customers/me/measurements", () => {
  let priya: Record<string, string>
  let meera: Record<string, string>

  beforeAll(async () => {
    priya = await customer("priya")
    meera = await customer("meera")
  })

  it("needs a logged-in customer", async () => {
    const get = await api("GET", "/store/customers/me/measurements")
    expect(get.status).toBe(401)
    expect(get.body.type).toBe("unauthorized")
    const post = await api("POST", "/store/customers/me/measurements", { body: full })
    expect(post.status).toBe(401)
    const forged = await api("GET", "/store/customers/me/measurements", { headers: { authorization: "Bearer not-a-token" } })
    expect(forged.status).toBe(401)
  })

  it("starts empty, saves and reads back", async () => {
    expect((await api("GET", "/store/customers/me/measurements", { headers: headers(priya) })).body).toEqual({ measurements: null })
    const saved = await api("POST", "/store/customers/me/measurements", { headers: headers(priya), body: full })
    expect(saved.status).toBe(200)
    expect(saved.body.measurements).toEqual({ ...full, updated_at: expect.any(String) })
    expect(new Date(saved.body.measurements.updated_at).getTime()).toBeGreaterThan(Date.now() - 60000)
    const read = await api("GET", "/store/customers/me/measurements", { headers: headers(priya) })
    expect(read.body).toEqual(saved.body)
  })

  it("updates only the fields sent and clears a field sent as null", async () => {
    const res = await api("POST", "/store/customers/me/measurements", { headers: headers(priya), body: { waist_cm: 71, bra_size: null } })
    expect(res.status).toBe(200)
    expect(res.body.measurements).toEqual({ ...full, waist_cm: 71, bra_size: null, updated_at: expect.any(String) })
  })

  it("shows another customer only her own", async () => {
    expect((await api("GET", "/store/customers/me/measurements", { headers: headers(meera) })).body).toEqual({ measurements: null })
    const hers = await api("POST", "/store/customers/me/measurements", { headers: headers(meera), body: { height_cm: 170, preferred_fit: "relaxed" } })
    expect(hers.body.measurements).toMatchObject({ height_cm: 170, preferred_fit: "relaxed", bust_cm: null, body_type: null })
    const priyas = await api("GET", "/store/customers/me/measurements", { headers: headers(priya) })
    expect(priyas.body.measurements).toMatchObject({ height_cm: 162, preferred_fit: "regular", waist_cm: 71 })
  })

  it("works with the session cookie too", async () => {
    const login = await api("POST", "/store/auth", { body: { email: meera.email, password: meera.password } })
    expect(login.status).toBe(200)
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]
    expect(cookie).toMatch(/=/)
    const res = await api("GET", "/store/customers/me/measurements", { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.body.measurements).toMatchObject({ height_cm: 170 })
  })

  it("refuses implausible values with 400 naming each field, and keeps what was saved", async () => {
    const before = (await api("GET", "/store/customers/me/measurements", { headers: headers(priya) })).body.measurements
    const res = await api("POST", "/store/customers/me/measurements", {
      headers: headers(priya),
      body: { bust_cm: 20, waist_cm: "wide", height_cm: 300, weight_kg: 10, bra_size: "99Z", body_type: "banana", preferred_fit: "tight", shoe_size: 38 },
    })
    expect(res.status).toBe(400)
    expect(res.body.type).toBe("invalid_data")
    for (const field of ["bust_cm", "waist_cm", "height_cm", "weight_kg", "bra_size", "body_type", "preferred_fit", "shoe_size"]) {
      expect(res.body.message).toContain(`${field}:`)
    }
    expect(res.body.message).toContain("bust_cm: must be between 40 and 200 cm")
    expect(res.body.message).not.toContain("hips_cm")
    expect((await api("GET", "/store/customers/me/measurements", { headers: headers(priya) })).body.measurements).toEqual(before)
  })
})
