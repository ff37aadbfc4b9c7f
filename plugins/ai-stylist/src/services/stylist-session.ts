import { randomBytes } from "crypto"
import { Lifetime } from "awilix"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import { sessionExpiry } from "../core"
import { StylistSession, StylistTurn } from "../models/stylist-session"

export type Requester = { customer_id: string | null }

/** Turns kept per conversation: enough context for follow-ups, bounded storage. */
const MAX_TURNS = 40
const SWEEP_EVERY_MS = 10 * 60_000

const NOT_FOUND = (id: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `No conversation ${id}: it expired, was deleted or belongs to someone else. Send the message without session_id to start a new one.`)

/**
 * Conversations with the stylist. A guest proves ownership by holding the id (24 random
 * bytes); a signed-in shopper's conversation answers to her alone. A guest who signs in
 * mid-conversation keeps it, and it becomes hers.
 */
export default class StylistSessionService {
  static LIFE_TIME = Lifetime.SINGLETON

  private lastSweep = 0

  constructor(
    private readonly container: Record<string, unknown>,
    private readonly options: { session_ttl_minutes?: number } = {}
  ) {}

  private get manager(): EntityManager {
    return this.container.manager as EntityManager
  }

  get ttlMinutes(): number {
    return this.options.session_ttl_minutes ?? 24 * 60
  }

  /** The requester's conversation, or a 404 that does not say whether it ever existed. */
  async retrieve(id: string, who: Requester): Promise<StylistSession> {
    const session = await this.manager.getRepository(StylistSession).findOne({ where: { id } })
    if (!session || session.expires_at.getTime() <= Date.now()) throw NOT_FOUND(id)
    if (session.customer_id && session.customer_id !== who.customer_id) throw NOT_FOUND(id)
    return session
  }

  /** The conversation to continue (or a new one when no id is given). */
  async open(id: string | null, who: Requester, regionId: string): Promise<StylistSession> {
    if (id) {
      const session = await this.retrieve(id, who)
      if (!session.customer_id && who.customer_id) session.customer_id = who.customer_id
      session.region_id = regionId
      return session
    }
    void this.sweepExpired()
    const repo = this.manager.getRepository(StylistSession)
    return repo.create({
      id: `stys_${randomBytes(24).toString("base64url")}`,
      customer_id: who.customer_id,
      region_id: regionId,
      turns: [],
      constraints: null,
      shown_products: [],
      expires_at: sessionExpiry(new Date(), this.ttlMinutes),
    })
  }

  /** Saves a question and its answer; the conversation lives another TTL from now. */
  async record(session: StylistSession, turns: StylistTurn[], changes: Pick<StylistSession, "constraints" | "shown_products">): Promise<StylistSession> {
    session.turns = [...(session.turns ?? []), ...turns].slice(-MAX_TURNS)
    session.constraints = changes.constraints
    session.shown_products = changes.shown_products.slice(-200)
    session.expires_at = sessionExpiry(new Date(), this.ttlMinutes)
    return this.manager.getRepository(StylistSession).save(session)
  }

  async delete(id: string, who: Requester): Promise<void> {
    const session = await this.retrieve(id, who)
    await this.manager.getRepository(StylistSession).delete({ id: session.id })
  }

  /** Expired conversations are removed now and then, not on a timer, so a quiet store does no work. */
  async sweepExpired(): Promise<number> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return 0
    this.lastSweep = Date.now()
    try {
      const [, count] = await this.manager.query(`DELETE FROM stylist_session WHERE expires_at < now()`)
      return Number(count) || 0
    } catch {
      return 0
    }
  }
}
