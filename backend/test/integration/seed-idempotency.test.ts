/**
 * Running the seed again on a seeded database changes nothing.
 */
import { spawnSync } from "child_process"
import path from "path"
import { Client } from "pg"
import { stackInfo } from "../harness/api"

const TABLES = [
  "product", "product_variant", "money_amount", "product_variant_money_amount", "image", "product_images",
  "price_list", "region", "payment_provider", "region_payment_providers", "shipping_option", "shipping_option_requirement",
  "product_category", "product_collection", "product_type", "product_tag", "tax_rate", "product_tax_rate",
  '"user"', "publishable_api_key", "search_document", "supplier", "supplier_variant", "size_chart",
]
const UPDATED = ["product", "product_variant", "money_amount", "region", "store", "shipping_option", "price_list", "tax_rate", '"user"', "supplier", "supplier_variant", "size_chart"]

async function snapshot(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const out: Record<string, string> = {}
    for (const t of TABLES) out[`count ${t}`] = (await client.query(`SELECT count(*)::text AS n FROM ${t}`)).rows[0].n
    for (const t of UPDATED) out[`updated ${t}`] = String((await client.query(`SELECT max(updated_at) AS m FROM ${t}`)).rows[0].m)
    out["store"] = JSON.stringify((await client.query(`SELECT name, default_currency_code FROM store`)).rows)
    out["currencies"] = JSON.stringify((await client.query(`SELECT code, includes_tax FROM currency WHERE code IN ('inr','usd') ORDER BY code`)).rows)
    return out
  } finally {
    await client.end()
  }
}

function runSeed(databaseUrl: string) {
  const backendDir = path.resolve(__dirname, "..", "..")
  return spawnSync(process.execPath, [path.join(backendDir, "dist", "scripts", "seed.js")], {
    cwd: backendDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true" },
    encoding: "utf8",
    timeout: 180000,
  })
}

it("changes nothing when run twice", async () => {
  const { databaseUrl } = stackInfo()
  // Other test files share this server and may leave the search index behind the catalog
  // (a product they deleted while its events were in flight); the seed's re-index repairs
  // that. So: seed once, then a second run must change nothing at all.
  expect(runSeed(databaseUrl).status).toBe(0)
  let before = await snapshot(databaseUrl)
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 1000))
    const again = await snapshot(databaseUrl)
    if (JSON.stringify(again) === JSON.stringify(before)) break
    before = again
  }
  expect(Number(before["count product"])).toBeGreaterThanOrEqual(48)
  const result = runSeed(databaseUrl)
  expect(result.status).toBe(0)
  expect(result.stdout).toMatch(/0 variants created this run/)
  expect(await snapshot(databaseUrl)).toEqual(before)
}, 400000)
