import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { parseGuestOrderIds } from "../../../../../core/guest-order-ids"
import type GuestOrderService from "../../../../../services/guest-order"
import { customerId, validated } from "../../../store-request"

/**
 * POST /store/customers/me/guest-orders { order_ids }: links orders placed as a guest
 * with this account's email to the account; answers with the orders it linked.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const customer = customerId(req)
  if (!customer) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in to link your orders to your account")
  const { order_ids } = validated(parseGuestOrderIds(req.body))
  const orders = await req.scope.resolve<GuestOrderService>("guestOrderService").linkToCustomer(customer, order_ids)
  res.json({ orders })
}
