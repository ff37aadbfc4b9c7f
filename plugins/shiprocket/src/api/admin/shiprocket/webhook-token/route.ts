import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ShiprocketSettingsService from "../../../../services/shiprocket-settings"

/** POST /admin/shiprocket/webhook-token: a new tracking webhook token (paste it into Shiprocket's panel). 409 when it comes from the environment. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  res.json(await req.scope.resolve<ShiprocketSettingsService>("shiprocketSettingsService").rotateWebhookToken())
}
