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
import { seedSuppliers } from "../seed/seed-suppliers"
import { seedSizeCharts } from "../seed/seed-size-charts"

const backendDir = path.resolve(__dirname, "..", "..")
const catalogDir = process.env.SEED_CATALOG_DIR || path.resolve(backendDir, "..", "data", "catalog")

async function main() {
  const catalog = loadCatalog(catalogDir)
  process.chdir(backendDir)
  // The seed needs no admin UI, and the admin plugin exits a process that loads it before its build exists.
  process.env.MEDUSA_ADMIN_SERVE = "false"
  // Scripts never deliver supplier messages, book parcels or process 3D models: that is the server's or worker's job.
  process.env.SUPPLIER_DISPATCHER = "off"
  process.env.SHIPROCKET_DISPATCHER = "off"
  process.env.MODEL_PROCESSOR = "off"
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const loaders = require("@medusajs/medusa/dist/loaders").default
  const { container, dbConnection } = await loaders({ directory: backendDir, expressApp: express(), isTest: false })
  const log = (message: string) => console.log(`  seed: ${message}`)
  // A bar on a terminal; a line every tenth item when the output is a log or a pipe.
  const bar = process.stdout.isTTY ? new SingleBar({ format: "  seed: {phase} [{bar}] {value}/{total} {label}", hideCursor: true }, Presets.shades_classic) : null
  const progress = (phase: string) => (done: number, total: number, label: string) => {
    if (bar) {
      if (done === 1) bar.start(total, 0, { phase, label: "" })
      bar.update(done, { phase, label })
      if (done === total) bar.stop()
    } else if (done % 10 === 0 || done === total) {
      console.log(`  seed: ${phase} ${done}/${total}`)
    }
  }

  const regions = await seedStore(container, log)
  const categories = await seedCategories(container, catalog, log)
  const collections = await seedCollections(container, catalog, log)
  const { productIds, createdVariants } = await seedProducts(container, catalog, { categories, collections }, log, { images: progress("images"), products: progress("products") })
  await seedTaxRates(container, regions.india, catalog.products, productIds, log)
  await seedSuppliers(container, catalogDir, catalog, log)
  await seedSizeCharts(container, catalogDir, categories, log)
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
