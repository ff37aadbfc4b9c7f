import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ShiprocketSettingsService from "../../../../services/shiprocket-settings"

/** GET /admin/shiprocket/settings: connection, webhook (path and token) and the default package. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json(await req.scope.resolve<ShiprocketSettingsService>("shiprocketSettingsService").settings())
}

/** POST /admin/shiprocket/settings {package: {length_cm, breadth_cm, height_cm, default_item_grams, packaging_grams}} */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const body = (req.body ?? {}) as { package?: unknown }
  res.json(await req.scope.resolve<ShiprocketSettingsService>("shiprocketSettingsService").updatePackage(body.package))
}
