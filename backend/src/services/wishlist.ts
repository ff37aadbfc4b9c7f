import { generateEntityId, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import type { ProductCard } from "../core/product-card"
import { generateWishlistToken, hashWishlistToken, isWellFormedToken, tokenMatchesHash } from "../core/wishlist-token"
import { Wishlist } from "../models/wishlist"
import { WishlistItem } from "../models/wishlist-item"
import type ProductCardService from "./product-card"
import type { StoreContext } from "./product-card"

/** Who is asking: a logged-in customer, or a guest with (maybe) a wishlist token. A customer wins over a token. */
export type WishlistCaller = { customerId: string | null; token: string | null }

export type WishlistItemView = {
  id: string
  product_id: string
  variant_id: string | null
  created_at: string
  product: ProductCard | null
}
export type WishlistView = { id: string | null; items: WishlistItemView[] }

type Deps = { manager: EntityManager; productCardService: ProductCardService }

type WishlistRow = { id: string; customer_id: string | null; token_hash: string | null }

/**
 * Wishlists: one per customer (created on the first add), or one per guest token
 * (created, with its token, on the guest's first add). Every read and change is
 * scoped to the caller's own wishlist; the only way to reach a guest wishlist from
 * an account is merge() with its token.
 */
export default class WishlistService extends TransactionBaseService {
  protected readonly productCardService_: ProductCardService

  constructor(container: Deps) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
    this.productCardService_ = container.productCardService
  }

  /** The caller's wishlist row, or null (no customer wishlist yet; no, malformed or unknown token). */
  protected async find(manager: EntityManager, caller: WishlistCaller, lock = false): Promise<WishlistRow | null> {
    const forUpdate = lock ? "FOR UPDATE" : ""
    if (caller.customerId) {
      const [row] = await manager.query(`SELECT id, customer_id, token_hash FROM wishlist WHERE customer_id = $1 ${forUpdate}`, [caller.customerId])
      return row ?? null
    }
    return this.findGuest(manager, caller.token, lock)
  }

  protected async findGuest(manager: EntityManager, token: string | null, lock = false): Promise<WishlistRow | null> {
    if (!isWellFormedToken(token)) return null
    const [row] = await manager.query(
      `SELECT id, customer_id, token_hash FROM wishlist WHERE token_hash = $1 AND customer_id IS NULL ${lock ? "FOR UPDATE" : ""}`,
      [hashWishlistToken(token)]
    )
    // The lookup is by hash; the comparison that decides is constant-time.
    return row && tokenMatchesHash(token, row.token_hash) ? row : null
  }

  /** The customer's wishlist, created when missing (safe against two first adds at once). */
  protected async customerWishlist(manager: EntityManager, customerId: string): Promise<WishlistRow> {
    await manager.query(`INSERT INTO wishlist (id, customer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [generateEntityId(undefined, "wish"), customerId])
    const [row] = await manager.query(`SELECT id, customer_id, token_hash FROM wishlist WHERE customer_id = $1`, [customerId])
    return row
  }

  async retrieve(caller: WishlistCaller, ctx: StoreContext): Promise<WishlistView> {
    const wishlist = await this.find(this.activeManager_, caller)
    return this.view(wishlist?.id ?? null, ctx)
  }

  /** The wishlist with its items, newest first, each with its ProductCard (null when the product is not shown in the store). */
  async view(wishlistId: string | null, ctx: StoreContext): Promise<WishlistView> {
    if (!wishlistId) return { id: null, items: [] }
    const items = await this.activeManager_.getRepository(WishlistItem).find({
      where: { wishlist_id: wishlistId },
      order: { created_at: "DESC", id: "DESC" },
    })
    const cards = await this.productCardService_.cards(
      items.map((i) => i.product_id),
      ctx
    )
    return {
      id: wishlistId,
      items: items.map((i) => ({
        id: i.id,
        product_id: i.product_id,
        variant_id: i.variant_id ?? null,
        created_at: new Date(i.created_at).toISOString(),
        product: cards.get(i.product_id) ?? null,
      })),
    }
  }

  /**
   * Adds a product (optionally one variant) to the caller's wishlist; adding it again
   * changes nothing. A guest without a known token gets a new wishlist and its token,
   * returned only here.
   */
  async addItem(caller: WishlistCaller, input: { product_id: string; variant_id: string | null }, ctx: StoreContext): Promise<{ wishlist: WishlistView; token?: string }> {
    await this.assertAddable(input, ctx)
    const { wishlistId, token } = await this.atomicPhase_(async (manager) => {
      let token: string | undefined
      let wishlist: WishlistRow | null
      if (caller.customerId) {
        wishlist = await this.customerWishlist(manager, caller.customerId)
      } else {
        wishlist = await this.findGuest(manager, caller.token)
        if (!wishlist) {
          token = generateWishlistToken()
          const created = manager.getRepository(Wishlist).create({ customer_id: null, token_hash: hashWishlistToken(token) })
          const saved = await manager.getRepository(Wishlist).save(created)
          wishlist = { id: saved.id, customer_id: null, token_hash: null }
        }
      }
      await manager.query(
        `INSERT INTO wishlist_item (id, wishlist_id, product_id, variant_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [generateEntityId(undefined, "wishitem"), wishlist.id, input.product_id, input.variant_id]
      )
      return { wishlistId: wishlist.id, token }
    })
    const wishlist = await this.view(wishlistId, ctx)
    return token ? { wishlist, token } : { wishlist }
  }

  /** Only products the store shows can be added; a variant must belong to the product. */
  protected async assertAddable(input: { product_id: string; variant_id: string | null }, ctx: StoreContext): Promise<void> {
    const [visible] = await this.productCardService_.visibleIds([input.product_id], ctx)
    if (!visible) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with id ${input.product_id}`)
    if (!input.variant_id) return
    const [variant] = await this.activeManager_.query(`SELECT id, product_id FROM product_variant WHERE id = $1 AND deleted_at IS NULL`, [input.variant_id])
    if (!variant) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No variant with id ${input.variant_id}`)
    if (variant.product_id !== input.product_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${input.variant_id} is not a variant of product ${input.product_id}`)
    }
  }

  /** Removes an item from the caller's own wishlist; anything else is 404. */
  async removeItem(caller: WishlistCaller, itemId: string, ctx: StoreContext): Promise<{ wishlist: WishlistView }> {
    const wishlistId = await this.atomicPhase_(async (manager) => {
      const wishlist = await this.find(manager, caller)
      const deleted = wishlist
        ? await manager.query(`DELETE FROM wishlist_item WHERE id = $1 AND wishlist_id = $2 RETURNING id`, [itemId, wishlist.id])
        : []
      // node-postgres returns [rows, count] for DELETE ... RETURNING through TypeORM.
      const rows = Array.isArray(deleted?.[0]) ? deleted[0] : deleted
      if (!wishlist || !rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No item ${itemId} in your wishlist`)
      return wishlist.id
    })
    return { wishlist: await this.view(wishlistId, ctx) }
  }

  /**
   * Moves a guest wishlist's items into the customer's (skipping ones already there)
   * and deletes the guest wishlist. An unknown or already merged token merges nothing.
   */
  async merge(customerId: string, token: string, ctx: StoreContext): Promise<{ wishlist: WishlistView; merged: number }> {
    const { wishlistId, merged } = await this.atomicPhase_(async (manager) => {
      const guest = await this.findGuest(manager, token, true)
      if (!guest) {
        const [own] = await manager.query(`SELECT id FROM wishlist WHERE customer_id = $1`, [customerId])
        return { wishlistId: (own?.id as string | undefined) ?? null, merged: 0 }
      }
      const target = await this.customerWishlist(manager, customerId)
      const items: { product_id: string; variant_id: string | null; created_at: Date }[] = await manager.query(
        `SELECT product_id, variant_id, created_at FROM wishlist_item WHERE wishlist_id = $1 ORDER BY created_at, id`,
        [guest.id]
      )
      let merged = 0
      for (const item of items) {
        const inserted = await manager.query(
          `INSERT INTO wishlist_item (id, wishlist_id, product_id, variant_id, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING RETURNING id`,
          [generateEntityId(undefined, "wishitem"), target.id, item.product_id, item.variant_id, item.created_at]
        )
        if (inserted.length) merged++
      }
      await manager.query(`DELETE FROM wishlist WHERE id = $1`, [guest.id])
      return { wishlistId: target.id as string, merged }
    })
    return { wishlist: await this.view(wishlistId, ctx), merged }
  }
}
