/**
 * Shared by the catalog and wishlist routes: input validation errors as 400s, and the
 * store context (region, sales channels, customer) of a request.
 */
import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { ParseResult } from "../../core/catalog-query"
import type ProductCardService from "../../services/product-card"
import type { StoreContext } from "../../services/product-card"
import type { WishlistCaller } from "../../services/wishlist"

/** The parsed value, or a 400 (invalid_data) naming every problem. */
export function validated<T>(result: ParseResult<T>): T {
  if (result.ok) return result.value
  throw new MedusaError(MedusaError.Types.INVALID_DATA, result.errors.join("; "))
}

/** The logged-in customer (session cookie or Bearer JWT, read by Medusa's authenticateCustomer), if any. */
export function customerId(req: MedusaRequest): string | null {
  const user = (req as MedusaRequest & { user?: { customer_id?: string } }).user
  return user?.customer_id ?? null
}

export function storeContext(req: MedusaRequest, regionId: string): Promise<StoreContext> {
  return req.scope.resolve<ProductCardService>("productCardService").context({
    regionId,
    publishableKey: req.get("x-publishable-api-key") ?? null,
    customerId: customerId(req),
  })
}

export const WISHLIST_TOKEN_HEADER = "x-wishlist-token"

export function wishlistCaller(req: MedusaRequest): WishlistCaller {
  return { customerId: customerId(req), token: req.get(WISHLIST_TOKEN_HEADER)?.trim() || null }
}
