import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type { PoolClient } from "pg"
import { sidePool } from "@fashion/plugin-kit"
import { checkoutShortages, shortageMessage, stockedVariantIds, type CheckoutLine } from "../core/checkout-stock"
import { completedCartId } from "../core/rate-limit-rules"

type Manager = { query(sql: string, params?: unknown[]): Promise<any[]> }

// Long enough for a queue of checkouts for one item to finish one by one; then "try again".
const LOCK_WAIT_MS = 30_000
// Lock holders wait on their own connections, never on Medusa's pool: a checkout holding the
// lock needs Medusa's connections to finish, and waiters must not take them all.
const LOCK_CONNECTIONS = 4

const lockPool = (req: MedusaRequest) =>
  sidePool(req.scope.resolve("configModule"), { name: "checkout-locks", max: LOCK_CONNECTIONS, waitMs: LOCK_WAIT_MS }).pool

async function cartLines(manager: Manager, cartId: string): Promise<{ completed: boolean; lines: CheckoutLine[] } | null> {
  const [cart] = await manager.query(`SELECT completed_at FROM cart WHERE id = $1`, [cartId])
  if (!cart) return null
  const rows = await manager.query(
    `SELECT li.variant_id, li.quantity, li.title AS product_title, li.description AS variant_title, v.manage_inventory, v.allow_backorder
       FROM line_item li JOIN product_variant v ON v.id = li.variant_id
      WHERE li.cart_id = $1`,
    [cartId]
  )
  const lines = rows.map((r) => ({
    variant_id: r.variant_id,
    quantity: Number(r.quantity),
    title: r.variant_title ? `${r.product_title} (${r.variant_title})` : r.product_title,
    manage_inventory: Boolean(r.manage_inventory),
    allow_backorder: Boolean(r.allow_backorder),
  }))
  return { completed: cart.completed_at !== null, lines }
}

/** Takes one lock per variant, in one global order (no deadlocks between carts sharing several). */
async function lockVariants(client: PoolClient, variantIds: string[]): Promise<void> {
  await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT_MS}ms'`)
  const keys = await client.query(`SELECT DISTINCT hashtext('checkout:' || id) AS key FROM unnest($1::text[]) AS id ORDER BY key`, [variantIds])
  for (const { key } of keys.rows) await client.query(`SELECT pg_advisory_xact_lock($1)`, [key])
}

/**
 * Flash-sale safety for POST /store/carts/:id/complete. Checkouts that take stock of the same
 * variant run one at a time across every server process (a PostgreSQL advisory lock held until
 * the answer is sent), and each checks the stock it wants under that lock: the last units go
 * to exactly as many shoppers as there are units, and the others get a 409 saying what sold
 * out, before any payment is authorised. Carts without stocked items pass straight through.
 */
export async function serializeCheckoutsByVariant(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  const cartId = completedCartId(req.method, (req.originalUrl ?? req.url).split("?")[0])
  if (!cartId) return next()
  let client: PoolClient | null = null
  const release = async (commit: boolean) => {
    const c = client
    client = null
    if (!c) return
    try {
      await c.query(commit ? "COMMIT" : "ROLLBACK")
      c.release()
    } catch (error) {
      c.release(error as Error)
    }
  }
  try {
    const cart = await cartLines(req.scope.resolve<Manager>("manager"), cartId)
    // Medusa 1.20 answers an unknown cart here with a 500 (a query with an empty id list).
    if (!cart) {
      res.status(404).json({ type: "not_found", message: `Cart ${cartId.slice(0, 64)} was not found: it may have expired. Add the items to your bag again.` })
      return
    }
    // A cart already ordered (a second click) is Medusa's to answer: it returns the order.
    const variantIds = cart.completed ? [] : stockedVariantIds(cart.lines)
    if (!variantIds.length) return next()

    client = await lockPool(req).connect()
    await client.query("BEGIN")
    await lockVariants(client, variantIds)
    const stock = await client.query(`SELECT id, inventory_quantity FROM product_variant WHERE id = ANY($1::text[])`, [variantIds])
    const shortages = checkoutShortages(cart.lines, new Map(stock.rows.map((r) => [r.id as string, Number(r.inventory_quantity)])))
    if (shortages.length) {
      await release(false)
      // Medusa's own shape for a refusal for stock (errors[].code), with words for the shopper.
      res.status(409).json({
        type: "not_allowed",
        code: "insufficient_inventory",
        message: shortageMessage(shortages),
        errors: shortages.map((s) => ({ code: "insufficient_inventory", message: shortageMessage([s]), variant_id: s.variant_id, wanted: s.wanted, available: s.available })),
      })
      return
    }
    // Held until the answer has gone out: Medusa has committed the order and its stock by then.
    res.once("finish", () => void release(true))
    res.once("close", () => void release(true))
    next()
  } catch (error) {
    await release(false)
    const code = (error as { code?: string })?.code
    // 55P03 lock_not_available: the wait ran out; a timed-out pool connect has no code.
    if (code === "55P03" || /timeout exceeded when trying to connect/i.test(String((error as Error)?.message))) {
      res.setHeader("Retry-After", "5")
      res.status(503).json({ type: "checkout_busy", message: "So many people are checking out this item right now that yours could not be placed. Try again in a few seconds." })
      return
    }
    next(error)
  }
}
