/**
 * Product -> supplier mapping from the admin: per variant, and in bulk from a CSV where
 * every bad row is reported by line and nothing is half-imported. Bad input is a 4xx.
 */
import { adminToken, api, stackInfo } from "../harness/api"
import { createProduct, deleteCreatedProducts } from "../harness/orders"

let auth: Record<string, string>
const run = Date.now().toString(36).toUpperCase()
let variants: Record<string, string>
let productId: string

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  variants = await createProduct(auth, `Saree ${run}`, [`SAR-${run}-1`, `SAR-${run}-2`])
  productId = (await api("GET", `/admin/variants?q=SAR-${run}-1`, { headers: auth })).body.variants[0].product_id
})

test("a product's variants are mapped, listed by product and unmapped", async () => {
  const set = await api("POST", "/admin/supplier-mappings", {
    headers: auth,
    body: { mappings: [{ variant_id: variants[`SAR-${run}-1`], supplier_code: "SURAT-API", supplier_sku: "SR-SAREE-1", cost_price: 89900 }] },
  })
  expect(set.body).toEqual({ updated: 1 })
  const listed = await api("GET", `/admin/supplier-mappings?product_id=${productId}`, { headers: auth })
  expect(listed.body.mappings).toEqual([expect.objectContaining({ variant_id: variants[`SAR-${run}-1`], supplier_sku: "SR-SAREE-1", cost_price: 89900, supplier: expect.objectContaining({ code: "SURAT-API" }) })])
  expect((await api("DELETE", `/admin/supplier-mappings/${variants[`SAR-${run}-1`]}`, { headers: auth })).body).toEqual({ variant_id: variants[`SAR-${run}-1`], deleted: true })
  expect((await api("DELETE", `/admin/supplier-mappings/${variants[`SAR-${run}-1`]}`, { headers: auth })).status).toBe(404)
})

test("a CSV import checks every row first: a dry run reports, errors import nothing, a clean file imports all", async () => {
  const header = "sku,supplier_code,supplier_sku,cost_price"
  const bad = [header, `SAR-${run}-1,SURAT-API,SR-1,"1,299.50"`, `SAR-${run}-2,NOBODY,X-2,400`, `NO-SUCH-SKU,SURAT-API,X-3,10`, `SAR-${run}-1,SURAT-API,SR-1b,abc`].join("\n")
  const refused = await api("POST", "/admin/supplier-mappings/import", { headers: auth, body: { csv: bad } })
  expect(refused.status).toBe(422)
  expect(refused.body).toMatchObject({ rows: 4, imported: 0 })
  expect(refused.body.errors).toEqual([
    { line: 3, message: "no supplier has code NOBODY" },
    { line: 4, message: "no product variant has sku NO-SUCH-SKU" },
    { line: 5, message: expect.stringMatching(/cost_price "abc" is not an amount.*also on line 2/) },
  ])
  expect((await api("GET", `/admin/supplier-mappings?product_id=${productId}`, { headers: auth })).body.mappings).toEqual([])

  const good = [header, `SAR-${run}-1,SURAT-API,SR-1,"₹1,299.50"`, `SAR-${run}-2,JAIPUR-EMAIL,JP-2,450`].join("\n")
  const dry = await api("POST", "/admin/supplier-mappings/import", { headers: auth, body: { csv: good, dry_run: true } })
  expect(dry.body).toEqual({ rows: 2, imported: 0, errors: [], dry_run: true })
  expect((await api("GET", `/admin/supplier-mappings?product_id=${productId}`, { headers: auth })).body.mappings).toEqual([])
  const done = await api("POST", "/admin/supplier-mappings/import", { headers: auth, body: { csv: good } })
  expect(done.body).toEqual({ rows: 2, imported: 2, errors: [], dry_run: false })
  const mappings = (await api("GET", `/admin/supplier-mappings?product_id=${productId}`, { headers: auth })).body.mappings
  expect(mappings.map((m: any) => [m.supplier.code, m.supplier_sku, m.cost_price]).sort()).toEqual([["JAIPUR-EMAIL", "JP-2", 45000], ["SURAT-API", "SR-1", 129950]])
})

test("bad input is a 4xx with a message, never a 500", async () => {
  const malformed = await fetch(`${stackInfo().baseUrl}/admin/supplier-mappings`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{not json" })
  expect(malformed.status).toBe(400)
  expect((await malformed.json()).message).toMatch(/not valid JSON/)
  const badSupplierBody = await fetch(`${stackInfo().baseUrl}/admin/suppliers`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{oops" })
  expect(badSupplierBody.status).toBe(400)
  // A NUL in a path names nothing PostgreSQL could store: refused at the edge.
  expect((await api("GET", "/admin/suppliers/%00", { headers: auth })).status).toBe(400)
  expect((await api("GET", "/admin/supplier-orders/%00", { headers: auth })).status).toBe(400)
  expect((await api("GET", "/admin/suppliers/%ZZ", { headers: auth })).body.message).toMatch(/percent-encoding/)
  expect((await api("POST", "/admin/supplier-orders/supord_NOPE/resend", { headers: auth })).status).toBe(404)
  const mapping = await api("POST", "/admin/supplier-mappings", { headers: auth, body: { mappings: [{ variant_id: "nope", supplier_code: "SURAT-API", supplier_sku: "", cost_price: 12.5 }] } })
  expect(mapping.status).toBe(400)
  expect(mapping.body.message).toMatch(/mappings\.0\.variant_id.*mappings\.0\.supplier_sku.*mappings\.0\.cost_price/)
  const unknownSupplier = await api("POST", "/admin/supplier-mappings", { headers: auth, body: { mappings: [{ variant_id: variants[`SAR-${run}-2`], supplier_code: "NOBODY", supplier_sku: "X", cost_price: 100 }] } })
  expect(unknownSupplier.status).toBe(400)
  expect(unknownSupplier.body.message).toMatch(/Unknown supplier code\(s\): NOBODY/)
  const query = await api("GET", "/admin/supplier-orders?queue=everything", { headers: auth })
  expect(query.status).toBe(400)
  expect(query.body.message).toMatch(/queue/)
})

afterAll(async () => {
  await deleteCreatedProducts(auth)
})
