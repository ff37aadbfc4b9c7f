import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ShiprocketService from "../../../../services/shiprocket"

/** POST /admin/shiprocket/test-connection: logs in (or reuses the token) and lists the pickup locations registered at Shiprocket. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<ShiprocketService>("shiprocketService")
  if (!service.isConfigured) {
    res.json({ ok: false, error: "Shiprocket is not configured: set SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD (an API user from Shiprocket's Settings > API) and restart" })
    return
  }
  try {
    const result = await service.client.testConnection()
    res.json({ ok: true, token_expires_at: result.token_expires_at, pickup_locations: result.pickup_locations.map((p) => ({ pickup_location: p.pickup_location, pin_code: p.pin_code })) })
  } catch (error) {
    res.json({ ok: false, error: (error as Error).message })
  }
}
