import { Lifetime } from "awilix"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import {
  ChatAnswer,
  ChatRequest,
  Composition,
  Engine,
  Outfit,
  ProposedOutfit,
  ShopperConstraints,
  ShopperProfile,
  StylistIndex,
  answerAlternative,
  answerOutfit,
  completeTheLook,
  composeOutfits,
  composeReply,
  continueConstraints,
  enforceGuarantees,
  executeStylistTool,
  guaranteeFeedback,
  parseShopperRequest,
  productsShown,
  redactPersonalDetails,
  replyNamesOnly,
  followUpsNamingOnly,
  stylistInstructions,
  wantsDifferentLooks,
} from "../core"
import { OpenAIResponsesStylist } from "../clients/openai-responses"
import type StylistCatalogService from "./stylist-catalog"
import type StylistSessionService from "./stylist-session"
import type { Requester } from "./stylist-session"

export type StylistOptions = {
  openai_api_key?: string
  openai_base_url?: string
  openai_model?: string
  openai_timeout_ms?: number
  /** After OpenAI failed (down, slow, refusing), the offline engine answers alone this long. */
  openai_cooldown_ms?: number
  session_ttl_minutes?: number
  rate_limit_per_minute_ip?: number
  rate_limit_per_minute_customer?: number
}

export type ChatProgress = { stage: "reading" | "searching" | "checking" | "retrying" | "composing"; message: string }
type LoggerLike = { info(m: string): void; warn(m: string): void }

const OUTFITS_WANTED = 3
const MODEL_HISTORY_TURNS = 8

/**
 * The stylist: reads her request into constraints (message and context, the earlier
 * messages of the conversation as defaults), asks OpenAI when configured and otherwise
 * the offline engine, and runs every answer through the guarantees in code before she
 * sees it: pieces that break them are dropped, the model is asked once more, then the
 * offline engine fills what is missing. The reply text names only what is shown.
 */
export default class StylistService {
  static LIFE_TIME = Lifetime.SINGLETON

  private readonly model: OpenAIResponsesStylist | null
  private modelPausedUntil = 0

  constructor(
    private readonly container: Record<string, unknown>,
    private readonly options: StylistOptions = {}
  ) {
    this.model = options.openai_api_key
      ? new OpenAIResponsesStylist({
          apiKey: options.openai_api_key,
          baseURL: options.openai_base_url ?? null,
          model: options.openai_model ?? "gpt-4.1-mini",
          timeoutMs: options.openai_timeout_ms ?? 20_000,
        })
      : null
  }

  /** "openai" when a key is configured (it may still fall back per answer), else "offline". */
  get configuredEngine(): Engine {
    return this.model ? "openai" : "offline"
  }

  private get catalog(): StylistCatalogService {
    return this.container.stylistCatalogService as StylistCatalogService
  }

  private get sessions(): StylistSessionService {
    return this.container.stylistSessionService as StylistSessionService
  }

  private get manager(): EntityManager {
    return this.container.manager as EntityManager
  }

  async chat(request: ChatRequest, who: Requester, progress: (p: ChatProgress) => void = () => {}): Promise<ChatAnswer> {
    progress({ stage: "reading", message: "Reading your request" })
    const { region, index } = await this.catalog.forRegion(request.region_id)
    const session = await this.sessions.open(request.session_id, who, region.id)
    const more = wantsDifferentLooks(request.message)
    const constraints = continueConstraints(session.constraints, parseShopperRequest(request.message, request.context, region.currency_code), { more })
    const avoidProducts = more ? session.shown_products : []

    progress({ stage: "searching", message: "Looking through the catalogue" })
    const fromModel = this.modelAvailable() ? await this.answerWithModel(request.message, session.turns ?? [], constraints, index, who, avoidProducts, progress) : null
    const answer = fromModel ?? (await this.answerOffline(constraints, index, avoidProducts))
    progress({ stage: "composing", message: "Putting your looks together" })

    const outfits = answer.outfits.map(answerOutfit)
    const result: ChatAnswer = {
      session_id: session.id,
      engine: answer.engine,
      reply: answer.reply,
      outfits,
      follow_ups: answer.follow_ups,
      alternatives: answer.composition?.alternatives.map(answerAlternative) ?? [],
      notes: constraints.notes.map((n) => n.message),
    }
    const now = new Date().toISOString()
    await this.sessions.record(
      session,
      [
        { role: "shopper", text: request.message, created_at: now },
        { role: "stylist", text: result.reply, outfits, created_at: now },
      ],
      { constraints, shown_products: [...(session.shown_products ?? []), ...productsShown(outfits)] }
    )
    return result
  }

  /** Outfits around a product for its page: the variant given (or its best-stocked one) in this region. */
  async completeTheLook(productId: string, regionId: string, variantId: string | null): Promise<{ outfits: Outfit[] }> {
    const { region, index } = await this.catalog.forRegion(regionId)
    const variants = index.byProduct.get(productId) ?? index.byProduct.get(index.items.find((i) => i.handle === productId)?.product_id ?? "")
    if (!variants) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with id ${productId} is for sale in region ${regionId}`)
    let anchor = variantId ? variants.find((v) => v.variant_id === variantId) : undefined
    if (variantId && !anchor) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} has no variant ${variantId}`)
    await this.catalog.freshen(index, variants.map((v) => v.variant_id))
    anchor = anchor ?? [...variants].sort((a, b) => Number(b.in_stock) - Number(a.in_stock) || (b.inventory ?? Infinity) - (a.inventory ?? Infinity))[0]
    const constraints = parseShopperRequest("", null, region.currency_code)
    for (let attempt = 0; attempt < 2; attempt++) {
      const outfits = completeTheLook(anchor, index, constraints, { count: 2 })
      const shown = outfits.flatMap((o) => o.items.map((i) => i.variant_id))
      await this.catalog.freshen(index, shown)
      const checked = enforceGuarantees(toProposed(outfits), constraints, index)
      if (checked.dropped.length === 0 || attempt === 1) return { outfits: checked.outfits }
    }
    return { outfits: [] }
  }

  private modelAvailable(): boolean {
    return this.model !== null && Date.now() >= this.modelPausedUntil
  }

  private async answerWithModel(message: string, turns: { role: string; text: string }[], constraints: ShopperConstraints, index: StylistIndex, who: Requester, avoidProducts: string[], progress: (p: ChatProgress) => void): Promise<EngineAnswer | null> {
    const model = this.model!
    let profile: Promise<ShopperProfile | null> | null = null
    const shopperProfile = () => (profile ??= who.customer_id ? this.shopperProfile(who.customer_id, index) : Promise.resolve(null))
    const executeTool = async (name: string, raw: string) => {
      const shopper = name === "get_shopper_profile" ? await shopperProfile() : null
      return executeStylistTool(name, raw, { index, constraints, shopper }).output
    }
    // Only the words of the conversation go to OpenAI, with emails and phone numbers taken out.
    const history = turns.slice(-MODEL_HISTORY_TURNS).map((t) => ({ role: t.role === "shopper" ? ("user" as const) : ("assistant" as const), content: redactPersonalDetails(t.text) }))
    const input = [...history, { role: "user" as const, content: redactPersonalDetails(message) }]
    const instructions = stylistInstructions(constraints, {})

    const first = await model.run({ instructions, input, executeTool })
    if (!first.ok) {
      this.pauseModel(first.failure, first.message)
      return null
    }
    progress({ stage: "checking", message: "Checking stock, sizes and your budget" })
    let answer = first.answer
    let checked = await this.guarantee(answer.outfits, constraints, index)
    if (checked.dropped.length > 0) {
      progress({ stage: "retrying", message: "Swapping pieces that didn't meet your request" })
      const second = await model.run({
        instructions,
        input: [...input, { role: "assistant", content: JSON.stringify(answer) }, { role: "user", content: guaranteeFeedback(checked.dropped) }],
        executeTool,
      })
      if (second.ok) {
        const recheck = await this.guarantee(second.answer.outfits, constraints, index)
        if (recheck.outfits.length >= checked.outfits.length) {
          answer = second.answer
          checked = recheck
        }
      } else this.pauseModel(second.failure, second.message)
    }

    const wanted = Math.min(Math.max(answer.outfits.length, 1), OUTFITS_WANTED)
    const outfits = checked.outfits.slice(0, OUTFITS_WANTED)
    let composition: Composition | null = null
    if (outfits.length < wanted) {
      // The offline engine fills what the model could not give, never repeating its pieces.
      composition = await this.composeChecked(constraints, index, wanted - outfits.length, [...avoidProducts, ...productsShown(outfits)])
      outfits.push(...composition.outfits)
    }
    if (outfits.length === 0) {
      const offline = composition ?? (await this.composeChecked(constraints, index, OUTFITS_WANTED, avoidProducts))
      return { engine: "offline", ...composeReply(offline, constraints), outfits: [], composition: offline }
    }
    const fromModel = outfits.length - (composition?.outfits.length ?? 0)
    const cleaned = replyNamesOnly(answer.reply, outfits, index.productTitles)
    const useModelReply = fromModel > 0 && !composition && cleaned.reply.length > 0
    const reply = useModelReply ? { reply: cleaned.reply, follow_ups: followUpsNamingOnly(answer.follow_ups, outfits, index.productTitles) } : composeReply({ kind: "ok", outfits, alternatives: [], unmet: [] }, constraints)
    return { engine: fromModel > 0 ? "openai" : "offline", ...reply, outfits, composition: null }
  }

  private async answerOffline(constraints: ShopperConstraints, index: StylistIndex, avoidProducts: string[]): Promise<EngineAnswer> {
    const composition = await this.composeChecked(constraints, index, OUTFITS_WANTED, avoidProducts)
    return { engine: "offline", ...composeReply(composition, constraints), outfits: composition.outfits, composition }
  }

  /** The offline engine on live stock: its picks are re-read, and it composes again if any sold out meanwhile. */
  private async composeChecked(constraints: ShopperConstraints, index: StylistIndex, count: number, avoidProducts: string[]): Promise<Composition> {
    let composition = composeOutfits(constraints, index, { count, avoid_products: avoidProducts })
    // The check of the composition shown, when the last freshen-and-check passed on it.
    let checked: ReturnType<typeof enforceGuarantees> | null = null
    for (let attempt = 0; attempt < 2; attempt++) {
      const shown = [...composition.outfits, ...composition.alternatives.flatMap((a) => a.outfits)].flatMap((o) => o.items.map((i) => i.variant_id))
      shown.push(...composition.alternatives.flatMap((a) => a.items.map((i) => i.variant_id)))
      await this.catalog.freshen(index, shown)
      checked = enforceGuarantees(toProposed(composition.outfits), constraints, index)
      if (checked.dropped.length === 0) break
      checked = null
      composition = composeOutfits(constraints, index, { count, avoid_products: avoidProducts })
    }
    const final = checked ?? enforceGuarantees(toProposed(composition.outfits), constraints, index)
    return { ...composition, outfits: final.outfits, alternatives: composition.alternatives.map((a) => ({ ...a, items: a.items.filter((i) => i.in_stock && i.published) })) }
  }

  private async guarantee(proposed: ProposedOutfit[], constraints: ShopperConstraints, index: StylistIndex) {
    await this.catalog.freshen(index, proposed.flatMap((o) => o.items.map((i) => i.variant_id)))
    return enforceGuarantees(proposed, constraints, index)
  }

  private pauseModel(failure: string, message: string): void {
    const cooldown = this.options.openai_cooldown_ms ?? 30_000
    if (["timeout", "unavailable", "rate_limited", "http_error", "auth"].includes(failure)) this.modelPausedUntil = Date.now() + cooldown
    this.logger()?.warn(`ai-stylist: OpenAI ${failure} (${message}); the offline engine answers${cooldown > 0 ? ` for the next ${Math.round(cooldown / 1000)} s` : ""}`)
  }

  /**
   * What the model may know about a signed-in shopper: sizes and kinds of what she bought
   * and her body measurements. Never her name, email, phone or addresses.
   */
  private async shopperProfile(customerId: string, index: StylistIndex): Promise<ShopperProfile> {
    const orders: { title: string; variant_id: string | null }[] = await this.manager.query(
      `SELECT li.title, li.variant_id FROM line_item li JOIN "order" o ON o.id = li.order_id
        WHERE o.customer_id = $1 ORDER BY o.created_at DESC LIMIT 20`,
      [customerId]
    )
    const past_orders = orders.map((o) => {
      const item = o.variant_id ? index.byVariant.get(o.variant_id) : undefined
      return { title: item?.title ?? o.title, category: item?.category ?? "", size: item?.size ?? null, color: item?.color.name ?? null }
    })
    const letter = mostCommon(orders.map((o) => (o.variant_id ? index.byVariant.get(o.variant_id) : undefined)).filter((i) => i?.size_kind === "letter").map((i) => i!.size))
    const shoe = mostCommon(orders.map((o) => (o.variant_id ? index.byVariant.get(o.variant_id) : undefined)).filter((i) => i?.size_kind === "shoe").map((i) => i!.size))
    let measurements_cm: ShopperProfile["measurements_cm"] = null
    try {
      const measurements = this.container.bodyMeasurementsService as { listForCustomers(ids: string[]): Promise<Map<string, MeasurementsLike>> }
      const mine = (await measurements.listForCustomers([customerId])).get(customerId)
      if (mine) measurements_cm = { bust: mine.bust_cm ?? undefined, waist: mine.waist_cm ?? undefined, hips: mine.hips_cm ?? undefined, height: mine.height_cm ?? undefined }
    } catch {
      // The size plugin is optional: without it the model simply gets no measurements.
    }
    return { signed_in: true, size: letter, shoe_size: shoe, measurements_cm, past_orders }
  }

  private logger(): LoggerLike | null {
    try {
      return this.container.logger as LoggerLike
    } catch {
      return null
    }
  }
}

type MeasurementsLike = { bust_cm: number | null; waist_cm: number | null; hips_cm: number | null; height_cm: number | null }
type EngineAnswer = { engine: Engine; reply: string; follow_ups: string[]; outfits: Outfit[]; composition: Composition | null }

function toProposed(outfits: Outfit[]): ProposedOutfit[] {
  return outfits.map((o) => ({ title: o.title, rationale: o.rationale, items: o.items.map((i) => ({ variant_id: i.variant_id, product_id: i.product_id })) }))
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>()
  values.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1))
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}
