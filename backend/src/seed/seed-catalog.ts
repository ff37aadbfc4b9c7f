/**
 * Categories, collections and products with size x colour variants, stock, MRP as
 * the base price and the selling price in a "sale" price list per currency, which is
 * how Medusa v1 shows a struck-through original price. Existing rows are kept as they are.
 */
import type { AwilixContainer } from "awilix"
import type { Catalog, ProductPlan, VariantPlan } from "./catalog"
import { createProductImages, ProductImages } from "./product-images"

type Log = (message: string) => void
type Progress = (done: number, total: number, label: string) => void

const IMAGE_CONCURRENCY = 4

async function forEachLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++])
  })
  await Promise.all(lanes)
}

const PRICE_LISTS = [
  { currency: "inr" as const, name: "Everyday prices (India)", includes_tax: true },
  { currency: "usd" as const, name: "Everyday prices (US)", includes_tax: false },
]

export async function seedCategories(container: AwilixContainer, catalog: Catalog, log: Log): Promise<Map<string, string>> {
  const service = container.resolve("productCategoryService")
  const ids = new Map<string, string>()
  for (const c of catalog.categories) {
    const [existing] = await service.listAndCount({ handle: c.handle }, { take: 1 })
    const found = existing[0]
    if (found) {
      ids.set(c.handle, found.id)
      continue
    }
    const created = await service.create({
      name: c.name,
      handle: c.handle,
      description: c.description ?? "",
      is_active: true,
      is_internal: false,
      parent_category_id: c.parent ? ids.get(c.parent) ?? null : null,
    })
    ids.set(c.handle, created.id)
    log(`category: ${c.name}`)
  }
  return ids
}

export async function seedCollections(container: AwilixContainer, catalog: Catalog, log: Log): Promise<Map<string, string>> {
  const service = container.resolve("productCollectionService")
  const ids = new Map<string, string>()
  for (const c of catalog.collections) {
    const [found] = await service.list({ handle: c.handle }, { take: 1 })
    if (found) {
      ids.set(c.handle, found.id)
      continue
    }
    const created = await service.create({ title: c.title, handle: c.handle })
    ids.set(c.handle, created.id)
    log(`collection: ${c.title}`)
  }
  return ids
}

/** Weight (g), packed size (cm) and customs data, on the product and each variant (Shiprocket reads them). */
function physicalAttributes(plan: ProductPlan) {
  return {
    weight: plan.weight_g,
    length: plan.dimensions_cm?.length,
    width: plan.dimensions_cm?.width,
    height: plan.dimensions_cm?.height,
    hs_code: plan.hs_code,
    origin_country: plan.origin_country,
    material: plan.material,
  }
}

function variantInput(plan: VariantPlan, rank: number, optionIds: { size: string; color: string }, product: ProductPlan, image: string) {
  return {
    title: plan.title,
    sku: plan.sku,
    inventory_quantity: plan.inventory_quantity,
    manage_inventory: true,
    allow_backorder: false,
    variant_rank: rank,
    ...physicalAttributes(product),
    prices: [
      { currency_code: "inr", amount: plan.mrp.inr },
      { currency_code: "usd", amount: plan.mrp.usd },
    ],
    options: [
      { option_id: optionIds.size, value: plan.size },
      { option_id: optionIds.color, value: plan.color.name },
    ],
    metadata: { color_hex: plan.color.hex, image },
  }
}

/** Creates what is missing of one product: the product itself, then any variants not yet there. */
async function seedProduct(
  container: AwilixContainer,
  plan: ProductPlan,
  refs: { categories: Map<string, string>; collections: Map<string, string>; salesChannelId: string; profileId: string },
  rendered?: ProductImages
): Promise<{ id: string; newVariants: { id: string; plan: VariantPlan }[] }> {
  const productService = container.resolve("productService")
  const variantService = container.resolve("productVariantService")
  let [product] = await productService.list({ handle: plan.handle }, { relations: ["options", "variants"], take: 1 })
  let byColor: Record<string, string> = product?.metadata?.images_by_color ?? {}
  if (!product) {
    const images = rendered ?? (await createProductImages(container.resolve("fileService"), plan))
    byColor = images.byColor
    const releasedAt = new Date(Date.now() - (plan.released_days_ago ?? 30) * 86400000)
    product = await productService.create({
      title: plan.title,
      subtitle: plan.subtitle,
      handle: plan.handle,
      description: plan.description,
      status: "published",
      is_giftcard: false,
      discountable: true,
      thumbnail: images.thumbnail,
      images: images.images,
      type: { value: plan.type },
      tags: plan.tags.map((value) => ({ value })),
      collection_id: plan.collections.length ? refs.collections.get(plan.collections[0]) : undefined,
      categories: [{ id: refs.categories.get(plan.category)! }],
      sales_channels: [{ id: refs.salesChannelId }],
      // Without a shipping profile a product gets no shipping options at checkout.
      profile_id: refs.profileId,
      options: [{ title: "Size" }, { title: "Colour" }],
      ...physicalAttributes(plan),
      metadata: {
        ...plan.metadata,
        collections: plan.collections,
        supplier_code: plan.supplier,
        popularity: plan.popularity ?? 0,
        released_at: releasedAt.toISOString(),
        images_by_color: byColor,
      },
    })
    product = await productService.retrieve(product.id, { relations: ["options", "variants"] })
  }
  const optionIds = {
    size: product.options.find((o: { title: string }) => o.title === "Size").id,
    color: product.options.find((o: { title: string }) => o.title === "Colour").id,
  }
  const existingSkus = new Set((product.variants ?? []).map((v: { sku: string }) => v.sku))
  const missing = plan.variants.map((v, rank) => ({ v, rank })).filter(({ v }) => !existingSkus.has(v.sku))
  const newVariants: { id: string; plan: VariantPlan }[] = []
  if (missing.length) {
    const created = await variantService.create(
      product.id,
      missing.map(({ v, rank }) => variantInput(v, rank, optionIds, plan, byColor[v.color.name] ?? product.thumbnail))
    )
    for (const variant of created) newVariants.push({ id: variant.id, plan: plan.variants.find((p) => p.sku === variant.sku)! })
  }
  return { id: product.id, newVariants }
}

async function addSalePrices(container: AwilixContainer, variants: { id: string; plan: VariantPlan }[], log: Log) {
  const priceListService = container.resolve("priceListService")
  for (const list of PRICE_LISTS) {
    const prices = variants
      .filter((v) => v.plan.sale)
      .map((v) => ({ variant_id: v.id, currency_code: list.currency, amount: v.plan.sale![list.currency] }))
    if (!prices.length) continue
    const [[existing]] = await priceListService.listAndCount({ q: list.name }, { take: 1 })
    if (existing) {
      await priceListService.addPrices(existing.id, prices)
    } else {
      await priceListService.create({
        name: list.name,
        description: "Selling prices below MRP",
        type: "sale",
        status: "active",
        includes_tax: list.includes_tax,
        prices,
      })
      log(`price list: ${list.name}`)
    }
  }
}

export async function seedProducts(
  container: AwilixContainer,
  catalog: Catalog,
  refs: { categories: Map<string, string>; collections: Map<string, string> },
  log: Log,
  progress: { images: Progress; products: Progress }
): Promise<{ productIds: Map<string, string>; createdVariants: number }> {
  const salesChannel = await container.resolve("salesChannelService").retrieveDefault()
  const profile = await container.resolve("shippingProfileService").retrieveDefault()
  const productIds = new Map<string, string>()
  const allNew: { id: string; plan: VariantPlan }[] = []
  // Rendering images is CPU-bound in sharp's thread pool, so it runs a few products at a
  // time; creating products stays serial because Medusa upserts shared types and tags.
  const productService = container.resolve("productService")
  const existing = new Set(
    (await productService.list({ handle: catalog.products.map((p) => p.handle) }, { select: ["id", "handle"] })).map((p: { handle: string }) => p.handle)
  )
  const images = new Map<string, ProductImages>()
  const fileService = container.resolve("fileService")
  let rendered = 0
  const toRender = catalog.products.filter((p) => !existing.has(p.handle))
  await forEachLimit(toRender, IMAGE_CONCURRENCY, async (plan) => {
    images.set(plan.handle, await createProductImages(fileService, plan))
    progress.images(++rendered, toRender.length, plan.title)
  })
  let done = 0
  for (const plan of catalog.products) {
    const { id, newVariants } = await seedProduct(container, plan, { ...refs, salesChannelId: salesChannel.id, profileId: profile.id }, images.get(plan.handle))
    productIds.set(plan.handle, id)
    allNew.push(...newVariants)
    progress.products(++done, catalog.products.length, plan.title)
  }
  if (allNew.length) await addSalePrices(container, allNew, log)
  // Products seeded before profiles were set (or unlinked by hand) join the default profile again.
  const unshipped = (await productService.list({ id: [...productIds.values()] }, { relations: ["profiles"], select: ["id"] }))
    .filter((p: { profiles?: unknown[] }) => !p.profiles?.length)
    .map((p: { id: string }) => p.id)
  if (unshipped.length) {
    await productService.updateShippingProfile(unshipped, profile.id)
    log(`shipping profile: ${unshipped.length} products joined ${profile.name}`)
  }
  return { productIds, createdVariants: allNew.length }
}
