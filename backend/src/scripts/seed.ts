/**
 * Idempotent seed: `node dist/scripts/seed.js` (run by `npm start`). Boots Medusa's
 * loaders without an HTTP server, then creates whatever of the store, regions,
 * shipping, tax, catalog and demo admin is missing. Running it twice changes nothing.
 */
import path from "path"
import express from "express"
import { SingleBar, Presets } from "cli-progress"
import { loadCatalog } from "../seed/catalog"
import { seedAdminUser, seedPublishableKey, seedStore, seedTaxRates } from "../seed/seed-store"
import { seedCategories, seedCollections, seedProducts } from "../seed/seed-catalog"
import { indexAllProducts } from "../seed/search-index"

const backendDir = path.resolve(__dirname, "..", "..")
const catalogDir = process.env.SEED_CATALOG_DIR || path.resolve(backendDir, "..", "data", "catalog")

async function main() {
  const catalog = loadCatalog(catalogDir)
  process.chdir(backendDir)
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const loaders = require("@medusajs/medusa/dist/loaders").default
  const { container, dbConnection } = await loaders({ directory: backendDir, expressApp: express(), isTest: false })
  const log = (message: string) => console.log(`  seed: ${message}`)
  const bar = process.stdout.isTTY ? new SingleBar({ format: "  products [{bar}] {value}/{total} {label}", hideCursor: true }, Presets.shades_classic) : null
  const progress = (done: number, total: number, label: string) => {
    if (bar) {
      if (done === 1) bar.start(total, 0, { label: "" })
      bar.update(done, { label })
      if (done === total) bar.stop()
    } else if (done % 10 === 0 || done === total) {
      console.log(`  seed: products ${done}/${total}`)
    }
  }

  const regions = await seedStore(container, log)
  const categories = await seedCategories(container, catalog, log)
  const collections = await seedCollections(container, catalog, log)
  const { productIds, createdVariants } = await seedProducts(container, catalog, { categories, collections }, log, progress)
  await seedTaxRates(container, regions.india, catalog.products, productIds, log)
  await seedAdminUser(container, log)
  await seedPublishableKey(container, log)
  const indexed = await indexAllProducts(container)
  if (indexed) log(`search: ${indexed} products indexed`)
  console.log(`  seed: ${catalog.products.length} products in catalog, ${createdVariants} variants created this run`)
  await dbConnection.destroy()
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(`Seed failed: ${error?.stack ?? error}`)
    process.exit(1)
  })
