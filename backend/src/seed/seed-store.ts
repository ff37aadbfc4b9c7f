/**
 * Store, currencies, regions (India INR with cash on delivery/Razorpay and GST; US USD with
 * manual/Stripe), flat-rate shipping, tax rates, the demo admin and the storefront's
 * publishable key. Every step looks up what exists first, so a second run changes nothing.
 */
import type { AwilixContainer } from "awilix"
import type { ProductPlan } from "./catalog"

type Log = (message: string) => void

export type RegionIds = { india: string; us: string }

type ShippingRate = { name: string; amount: number; min?: number; max?: number; is_return?: boolean; shiprocket?: "shiprocket-cheapest" | "shiprocket-fastest" | "shiprocket-return" }

/**
 * Flat rates everywhere; in India also Shiprocket's courier rates (calculated per cart:
 * shown only when Shiprocket can price the cart, so the flat rates are the fallback).
 */
const FLAT_RATES: Record<"india" | "us", ShippingRate[]> = {
  india: [
    { name: "Standard Delivery", amount: 7900, max: 99899 },
    { name: "Free Standard Delivery", amount: 0, min: 99900 },
    { name: "Express Delivery", amount: 14900 },
    { name: "Return Pickup", amount: 0, is_return: true },
    { name: "Courier: best price", amount: 0, shiprocket: "shiprocket-cheapest" },
    { name: "Courier: fastest", amount: 0, shiprocket: "shiprocket-fastest" },
    { name: "Courier return pickup", amount: 0, is_return: true, shiprocket: "shiprocket-return" },
  ],
  us: [
    { name: "Standard Shipping", amount: 699, max: 7499 },
    { name: "Free Standard Shipping", amount: 0, min: 7500 },
    { name: "Express Shipping", amount: 1499 },
    { name: "Return Label", amount: 0, is_return: true },
  ],
}

export function configuredPaymentProviders(env: NodeJS.ProcessEnv): { india: string[]; us: string[] } {
  return {
    // "cod" is our cash-on-delivery processor (src/services/cod.ts); "manual" is manual capture in the US.
    india: ["cod", ...(env.RAZORPAY_KEY_ID ? ["razorpay"] : [])],
    us: ["manual", ...(env.STRIPE_API_KEY ? ["stripe"] : [])],
  }
}

export async function seedStore(container: AwilixContainer, log: Log): Promise<RegionIds> {
  const storeService = container.resolve("storeService")
  const currencyService = container.resolve("currencyService")
  const store = await storeService.retrieve({ relations: ["currencies"] })
  const codes = (store.currencies ?? []).map((c: { code: string }) => c.code)
  if (store.name !== "Zari" || store.default_currency_code !== "inr" || !codes.includes("inr") || !codes.includes("usd")) {
    await storeService.update({ name: "Zari", currencies: [...new Set([...codes, "inr", "usd"])], default_currency_code: "inr" })
    log("store: Zari, currencies INR (default) and USD")
  }
  // Indian MRPs include GST; US shelf prices exclude sales tax.
  for (const [code, includes] of [["inr", true], ["usd", false]] as const) {
    const currency = await currencyService.retrieveByCode(code)
    if (currency.includes_tax !== includes) await currencyService.update(code, { includes_tax: includes })
  }
  const providers = configuredPaymentProviders(process.env)
  const india = await ensureRegion(container, { name: "India", currency_code: "inr", countries: ["in"], tax_rate: 5, tax_code: "GST", includes_tax: true, payment_providers: providers.india, fulfillment_providers: ["manual", "shiprocket"] }, log)
  const us = await ensureRegion(container, { name: "United States", currency_code: "usd", countries: ["us"], tax_rate: 0, includes_tax: false, payment_providers: providers.us, fulfillment_providers: ["manual"] }, log)
  await ensureShippingOptions(container, india, FLAT_RATES.india, log)
  await ensureShippingOptions(container, us, FLAT_RATES.us, log)
  return { india, us }
}

async function ensureRegion(
  container: AwilixContainer,
  input: { name: string; currency_code: string; countries: string[]; tax_rate: number; tax_code?: string; includes_tax: boolean; payment_providers: string[]; fulfillment_providers: string[] },
  log: Log
): Promise<string> {
  const regionService = container.resolve("regionService")
  const [existing] = await regionService.list({ name: input.name }, { relations: ["payment_providers", "fulfillment_providers"] })
  if (!existing) {
    const region = await regionService.create(input)
    log(`region: ${input.name} (${input.currency_code.toUpperCase()}; payments ${input.payment_providers.join(", ")})`)
    return region.id
  }
  // Payment providers follow configuration: adding RAZORPAY_KEY_ID later enables Razorpay on the next start.
  const current = (existing.payment_providers ?? []).map((p: { id: string }) => p.id).sort()
  if (current.join() !== [...input.payment_providers].sort().join()) {
    await regionService.update(existing.id, { payment_providers: input.payment_providers })
    log(`region: ${input.name} payments now ${input.payment_providers.join(", ")}`)
  }
  const fulfillment = new Set((existing.fulfillment_providers ?? []).map((p: { id: string }) => p.id))
  for (const provider of input.fulfillment_providers.filter((p) => !fulfillment.has(p))) {
    await regionService.addFulfillmentProvider(existing.id, provider)
    log(`region: ${input.name} ships with ${provider} too`)
  }
  return existing.id
}

async function ensureShippingOptions(
  container: AwilixContainer,
  regionId: string,
  rates: ShippingRate[],
  log: Log
): Promise<void> {
  const shippingOptionService = container.resolve("shippingOptionService")
  const profile = await container.resolve("shippingProfileService").retrieveDefault()
  const existing = await shippingOptionService.list({ region_id: regionId })
  for (const rate of rates) {
    if (existing.some((o: { name: string }) => o.name === rate.name)) continue
    const requirements = [
      ...(rate.min !== undefined ? [{ type: "min_subtotal", amount: rate.min }] : []),
      ...(rate.max !== undefined ? [{ type: "max_subtotal", amount: rate.max }] : []),
    ]
    await shippingOptionService.create({
      name: rate.name,
      region_id: regionId,
      profile_id: profile.id,
      provider_id: rate.shiprocket ? "shiprocket" : "manual",
      data: { id: rate.shiprocket ?? rate.name.toLowerCase().replace(/\s+/g, "-") },
      price_type: rate.shiprocket && !rate.is_return ? "calculated" : "flat_rate",
      amount: rate.shiprocket && !rate.is_return ? undefined : rate.amount,
      is_return: Boolean(rate.is_return),
      requirements,
      admin_only: false,
    })
    log(`shipping option: ${rate.name}`)
  }
}

/** GST classes above the region's 5% default, attached to the products they apply to. */
export async function seedTaxRates(container: AwilixContainer, regionId: string, products: ProductPlan[], productIds: Map<string, string>, log: Log) {
  const taxRateService = container.resolve("taxRateService")
  for (const rate of [18, 3]) {
    const code = `GST${rate}`
    const ids = products.filter((p) => p.gst_rate === rate).map((p) => productIds.get(p.handle)).filter((id): id is string => Boolean(id))
    let [taxRate] = await taxRateService.list({ region_id: regionId, code })
    if (!taxRate) {
      taxRate = await taxRateService.create({ region_id: regionId, code, name: `GST ${rate}%`, rate })
      log(`tax rate: GST ${rate}%`)
    }
    const linked = new Set((await taxRateService.retrieve(taxRate.id, { relations: ["products"] })).products?.map((p: { id: string }) => p.id) ?? [])
    const missing = ids.filter((id) => !linked.has(id))
    if (missing.length) await taxRateService.addToProduct(taxRate.id, missing)
  }
}

export async function seedAdminUser(container: AwilixContainer, log: Log): Promise<void> {
  const userService = container.resolve("userService")
  const email = process.env.ADMIN_EMAIL || "admin@example.com"
  const password = process.env.ADMIN_PASSWORD || "supersecret"
  const [existing] = await userService.list({ email })
  if (!existing) {
    await userService.create({ email, role: "admin", first_name: "Store", last_name: "Admin" }, password)
    log(`admin user: ${email}`)
  }
}

/** The storefront's publishable key, bound to the default sales channel. */
export async function seedPublishableKey(container: AwilixContainer, log: Log): Promise<string> {
  const keyService = container.resolve("publishableApiKeyService")
  const [keys] = await keyService.listAndCount({ q: "Storefront" })
  const found = keys.find((k: { title: string; revoked_at: Date | null }) => k.title === "Storefront" && !k.revoked_at)
  if (found) return found.id
  const channel = await container.resolve("salesChannelService").retrieveDefault()
  const key = await keyService.create({ title: "Storefront" }, { loggedInUserId: "seed" })
  await keyService.addSalesChannels(key.id, [channel.id])
  log(`publishable API key: ${key.id}`)
  return key.id
}
