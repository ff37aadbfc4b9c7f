import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type ShiprocketService from "../../../../services/shiprocket"

const ID = /^[A-Za-z0-9_]{1,100}$/

/**
 * GET /store/shiprocket/serviceability?pincode=395003[&cart_id=|&variant_id=]: can this
 * pincode be delivered, prepaid and cash on delivery, and by when. When Shiprocket is
 * not configured or down, `estimate` is null and `message` says delivery dates are unavailable.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { pincode, cart_id, variant_id } = req.query as Record<string, unknown>
  if (typeof pincode !== "string" || !pincode) throw new MedusaError(MedusaError.Types.INVALID_DATA, "pincode: is required (6 digits, e.g. 395003)")
  for (const [name, value] of Object.entries({ cart_id, variant_id })) {
    if (value !== undefined && (typeof value !== "string" || !ID.test(value))) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name}: not an id`)
  }
  const answer = await req.scope.resolve<ShiprocketService>("shiprocketService").estimate({ pincode, cartId: cart_id as string | undefined, variantId: variant_id as string | undefined })
  // Estimates change slowly; a short shared cache spares Shiprocket's rate limit.
  res.setHeader("cache-control", cart_id ? "private, max-age=60" : "public, max-age=300")
  res.json(answer)
}
