import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ShiprocketSettingsService from "../../services/shiprocket-settings"
import type ShiprocketTrackingService from "../../services/shiprocket-tracking"

/**
 * The tracking webhook Shiprocket calls (POST JSON). It has no signature: the x-api-key
 * token is its only proof, compared in constant time; a wrong or missing token gets 401
 * and changes nothing. Shiprocket counts only 200 as delivered, so updates for AWBs that
 * are not ours are acknowledged and ignored, and repeats answer 200 `duplicate: true`.
 */
export async function receiveTrackingWebhook(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const settings = req.scope.resolve<ShiprocketSettingsService>("shiprocketSettingsService")
  if (!(await settings.isValidWebhookToken(req.get("x-api-key")))) {
    res.status(401).json({ type: "unauthorized", message: "The x-api-key header is missing or wrong: use the token shown in the admin under Settings > Shiprocket" })
    return
  }
  const outcome = await req.scope.resolve<ShiprocketTrackingService>("shiprocketTrackingService").applyWebhook(req.body)
  res.status(200).json(outcome)
}
