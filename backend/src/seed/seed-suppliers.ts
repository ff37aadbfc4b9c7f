/**
 * The catalog's suppliers (data/catalog/suppliers.json) and which supplier fulfils
 * each variant, through the supplier-forwarding plugin. New suppliers get a fresh
 * webhook secret, printed once here; existing suppliers and mappings are left alone.
 */
import fs from "fs"
import path from "path"
import type { AwilixContainer } from "awilix"
import type { Catalog } from "./catalog"

type Log = (message: string) => void

/** Seed cost price: 45% of the Indian selling price, to the rupee (a typical dropship margin). */
export function seedCostPrice(sellingPriceInr: number): number {
  return Math.round(sellingPriceInr * 0.45) * 100
}

export async function seedSuppliers(container: AwilixContainer, catalogDir: string, catalog: Catalog, log: Log): Promise<void> {
  const supplierService = container.resolve("supplierService")
  const suppliers = JSON.parse(fs.readFileSync(path.join(catalogDir, "suppliers.json"), "utf8"))
  const created = await supplierService.createMissing(
    suppliers.map((s: Record<string, any>) => ({
      code: s.code,
      name: s.name,
      integration: s.integration,
      contact_name: s.contact_name ?? null,
      email: s.email ?? null,
      phone: s.phone ?? null,
      whatsapp: s.whatsapp ?? null,
      address: s.address ?? null,
      city: s.city ?? null,
      state: s.state ?? null,
      pincode: s.pincode ?? null,
      pickup_location: s.pickup_location ?? null,
      endpoint: s.endpoint ?? null,
      auto_forward: s.auto_forward ?? true,
      processing_days: s.processing_days ?? 2,
      is_active: s.active ?? true,
    }))
  )
  for (const { code, secret } of created) log(`supplier ${code}: webhook secret ${secret} (shown once; rotate it in the admin)`)

  const skus = catalog.products.flatMap((p) => p.variants.map((v) => v.sku))
  const variants: { id: string; sku: string }[] = await container.resolve("productVariantService").list({ sku: skus }, { select: ["id", "sku"] })
  const idBySku = new Map(variants.map((v) => [v.sku, v.id]))
  const mappings = catalog.products.flatMap((p) =>
    p.variants
      .filter((v) => idBySku.has(v.sku))
      .map((v) => ({
        variant_id: idBySku.get(v.sku)!,
        supplier_code: p.supplier,
        supplier_sku: `${p.supplier.split("-")[0]}-${v.sku}`,
        cost_price: seedCostPrice(p.price.inr),
        currency_code: "inr",
      }))
  )
  const mapped = await supplierService.mapVariants(mappings)
  if (mapped) log(`supplier mappings: ${mapped} variants`)
}
