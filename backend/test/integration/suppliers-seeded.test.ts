/**
 * The seed loads the catalog's three suppliers through the supplier-forwarding plugin,
 * with encrypted webhook secrets, and maps every variant to its product's supplier.
 */
import fs from "fs"
import path from "path"
import { Client } from "pg"
import { loadCatalog } from "../../src/seed/catalog"
import { seedCostPrice } from "../../src/seed/seed-suppliers"
import { stackInfo } from "../harness/api"

const catalogDir = path.resolve(__dirname, "..", "..", "..", "data", "catalog")
const catalog = loadCatalog(catalogDir)
// Other suites add suppliers to the same database; these checks are about the seed's.
const seedCodes: string[] = JSON.parse(fs.readFileSync(path.join(catalogDir, "suppliers.json"), "utf8")).map((s: { code: string }) => s.code)
let db: Client

beforeAll(async () => {
  db = new Client({ connectionString: stackInfo().databaseUrl })
  await db.connect()
})
afterAll(() => db.end())

it("has one supplier per integration type, each with an encrypted whsec_ secret", async () => {
  const { rows } = await db.query(`SELECT code, integration, secret_encrypted, pickup_location, is_active FROM supplier WHERE code = ANY($1) ORDER BY integration`, [seedCodes])
  expect(rows.map((r) => r.integration)).toEqual(["api", "email", "whatsapp"])
  for (const r of rows) {
    expect(r.secret_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(r.secret_encrypted).not.toContain("whsec_")
    expect(r.pickup_location).toBeTruthy()
    expect(r.is_active).toBe(true)
  }
})

it("maps every variant to its product's supplier with a supplier SKU and cost price", async () => {
  const expected = catalog.products.flatMap((p) => p.variants.map((v) => ({ sku: v.sku, code: p.supplier, cost: seedCostPrice(p.price.inr) })))
  // Only the catalog's variants: other tests map products of their own.
  const { rows } = await db.query(
    `SELECT pv.sku, s.code, sv.supplier_sku, sv.cost_price FROM supplier_variant sv
       JOIN product_variant pv ON pv.id = sv.variant_id JOIN supplier s ON s.id = sv.supplier_id
      WHERE pv.sku = ANY($1)`,
    [expected.map((e) => e.sku)]
  )
  expect(rows).toHaveLength(expected.length)
  const bySku = new Map(rows.map((r) => [r.sku, r]))
  for (const e of expected) {
    const row = bySku.get(e.sku)!
    expect(row.code).toBe(e.code)
    expect(row.cost_price).toBe(e.cost)
    expect(row.supplier_sku.endsWith(e.sku)).toBe(true)
  }
})
