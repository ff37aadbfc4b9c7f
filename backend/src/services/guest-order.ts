import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"

type LinkedOrder = { id: string; display_id: number }

/**
 * Medusa v1 keeps a guest's orders on a separate guest customer record, so an account
 * registered afterwards with the same email starts with no orders. This links guest
 * orders to the account when the shopper proves she placed them: she presents the order
 * ids (unguessable; her browser kept them at checkout) and the order's email is hers.
 * Orders that belong to another account are never moved.
 */
export default class GuestOrderService extends TransactionBaseService {
  constructor(container: { manager: EntityManager }) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
  }

  async linkToCustomer(customerId: string, orderIds: string[]): Promise<LinkedOrder[]> {
    if (!orderIds.length) return []
    return this.atomicPhase_(async (manager) => {
      const [customer] = await manager.query(`SELECT id, email FROM customer WHERE id = $1 AND has_account AND deleted_at IS NULL`, [customerId])
      if (!customer) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in to link your orders to your account")
      const rows: LinkedOrder[] = await manager.query(
        `UPDATE "order" o SET customer_id = $1, updated_at = now()
           FROM customer guest
          WHERE o.id = ANY($2::text[])
            AND guest.id = o.customer_id AND NOT guest.has_account
            AND lower(o.email) = lower($3)
          RETURNING o.id, o.display_id`,
        [customer.id, orderIds, customer.email]
      )
      // UPDATE ... RETURNING comes back as [rows, count] from the pg driver through TypeORM.
      const linked = (Array.isArray(rows[0]) ? rows[0] : rows) as LinkedOrder[]
      return linked.sort((a, b) => a.display_id - b.display_id)
    })
  }
}
