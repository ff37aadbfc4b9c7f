import type { IdempotencyKey } from "@medusajs/medusa"
import type { CartCompletionResponse } from "@medusajs/medusa/dist/interfaces"
import type { RequestContext } from "@medusajs/medusa/dist/types/request"
import MedusaCartCompletionStrategy from "@medusajs/medusa/dist/strategies/cart-completion"

type ErrorBody = { errors?: { code?: string }[] }

/**
 * Medusa 1.20's completion, plus a repair after a refusal for stock. When an item sold
 * out between checkout and "Place order", Medusa answers 409 but leaves behind what the
 * attempt created: the tax lines of items and shipping methods, and the cancelled
 * payment attached to the cart. The next change to the cart (another size, which can
 * swap free for paid delivery) then fails deleting a shipping method its tax line still
 * references, answered as 404 "null". Removing both leaves the cart as it was before the
 * attempt, so the shopper can fix it and order.
 */
export default class CartCompletionStrategy extends MedusaCartCompletionStrategy {
  async complete(id: string, ikey: IdempotencyKey, context: RequestContext): Promise<CartCompletionResponse> {
    const result = await super.complete(id, ikey, context)
    const body = result.response_body as ErrorBody
    if (result.response_code === 409 && body?.errors?.some((e) => e.code === "insufficient_inventory")) {
      await this.activeManager_.transaction(async (manager) => {
        await this.cartService_.withTransaction(manager).deleteTaxLines(id)
        await manager.query(`UPDATE cart SET payment_id = NULL WHERE id = $1 AND completed_at IS NULL`, [id])
        await manager.query(`DELETE FROM payment WHERE cart_id = $1 AND canceled_at IS NOT NULL AND order_id IS NULL AND swap_id IS NULL`, [id])
      })
    }
    return result
  }
}
