import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { Lifetime } from "awilix"
import { randomBytes, timingSafeEqual, createHash } from "node:crypto"
import type { EntityManager } from "typeorm"
import { DEFAULT_PACKAGE, MIN_DIMENSION_CM, type PackageDefaults } from "../core"
import type { ShiprocketOptions } from "./shiprocket"

export const TRACKING_WEBHOOK_PATH = "/hooks/courier-tracking"

export type WebhookTokenSource = "env" | "database"

export type ShiprocketSettings = {
  configured: boolean
  account_email: string | null
  api_url: string
  default_pickup_location: string | null
  webhook: { path: string; token: string | null; token_source: WebhookTokenSource | null }
  package: PackageDefaults
}

const PACKAGE_KEY = "package"
const TOKEN_KEY = "webhook_token"
const CACHE_MS = 5_000

/**
 * What the merchant sets in the admin (default package, tracking webhook token), stored in
 * shiprocket_setting and read through a short cache: the webhook and every booking read them.
 * A token from the environment (SHIPROCKET_WEBHOOK_TOKEN) wins and cannot be rotated here.
 */
export default class ShiprocketSettingsService extends TransactionBaseService {
  static LIFE_TIME = Lifetime.SINGLETON

  protected readonly options_: ShiprocketOptions
  private cache: { at: number; package: PackageDefaults; token: string } | null = null

  constructor(container: { manager: EntityManager }, options: ShiprocketOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    this.options_ = options
  }

  async settings(): Promise<ShiprocketSettings> {
    const { package: pkg, token } = await this.load()
    return {
      configured: Boolean(this.options_.email && this.options_.password),
      account_email: this.options_.email ?? null,
      api_url: this.options_.api_url || "https://apiv2.shiprocket.in/v1/external",
      default_pickup_location: this.options_.default_pickup_location ?? null,
      webhook: { path: TRACKING_WEBHOOK_PATH, token, token_source: this.options_.webhook_token ? "env" : "database" },
      package: pkg,
    }
  }

  async packageDefaults(): Promise<PackageDefaults> {
    return (await this.load()).package
  }

  async updatePackage(input: unknown): Promise<ShiprocketSettings> {
    const next = validatePackage(input)
    await this.put(PACKAGE_KEY, next)
    return this.settings()
  }

  async rotateWebhookToken(): Promise<ShiprocketSettings> {
    if (this.options_.webhook_token) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "The webhook token comes from SHIPROCKET_WEBHOOK_TOKEN: change it there (and in Shiprocket's panel)")
    }
    await this.put(TOKEN_KEY, newToken())
    return this.settings()
  }

  /** Constant-time comparison of the x-api-key header with the token (compared as hashes, so lengths never leak). */
  async isValidWebhookToken(presented: unknown): Promise<boolean> {
    if (typeof presented !== "string" || presented.length === 0 || presented.length > 512) return false
    const { token } = await this.load()
    const a = createHash("sha256").update(presented).digest()
    const b = createHash("sha256").update(token).digest()
    return timingSafeEqual(a, b)
  }

  private async load(): Promise<{ package: PackageDefaults; token: string }> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache
    const rows: { key: string; value: unknown }[] = await this.manager_.query(`SELECT key, value FROM shiprocket_setting WHERE key = ANY($1)`, [[PACKAGE_KEY, TOKEN_KEY]])
    const stored = new Map(rows.map((r) => [r.key, r.value]))
    let token = this.options_.webhook_token || (typeof stored.get(TOKEN_KEY) === "string" ? (stored.get(TOKEN_KEY) as string) : "")
    if (!token) {
      // First use: a token is made (never "no token": an unauthenticated webhook could move orders to delivered).
      await this.manager_.query(`INSERT INTO shiprocket_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [TOKEN_KEY, JSON.stringify(newToken())])
      const [row] = await this.manager_.query(`SELECT value FROM shiprocket_setting WHERE key = $1`, [TOKEN_KEY])
      token = row.value
    }
    const pkg = { ...DEFAULT_PACKAGE, ...((stored.get(PACKAGE_KEY) as Partial<PackageDefaults>) ?? {}) }
    this.cache = { at: Date.now(), package: pkg, token }
    return this.cache
  }

  private async put(key: string, value: unknown): Promise<void> {
    await this.manager_.query(
      `INSERT INTO shiprocket_setting (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, JSON.stringify(value)]
    )
    this.cache = null
  }
}

function newToken(): string {
  return randomBytes(24).toString("base64url")
}

/** The default package from the admin form, with messages a merchant can act on. */
export function validatePackage(input: unknown): PackageDefaults {
  const body = (input && typeof input === "object" ? input : {}) as Record<string, unknown>
  const errors: string[] = []
  const read = (field: keyof PackageDefaults, min: number, max: number, minInclusive: boolean): number => {
    const v = body[field]
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN
    if (!Number.isFinite(n) || (minInclusive ? n < min : n <= min) || n > max) {
      errors.push(`${field}: must be a number ${minInclusive ? "of at least" : "above"} ${min} and at most ${max}`)
      return 0
    }
    return Math.round(n * 10) / 10
  }
  const result: PackageDefaults = {
    length_cm: read("length_cm", MIN_DIMENSION_CM, 300, false),
    breadth_cm: read("breadth_cm", MIN_DIMENSION_CM, 300, false),
    height_cm: read("height_cm", MIN_DIMENSION_CM, 300, false),
    default_item_grams: read("default_item_grams", 0, 50_000, false),
    packaging_grams: read("packaging_grams", 0, 10_000, true),
  }
  if (errors.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, errors.join("; "))
  return result
}
