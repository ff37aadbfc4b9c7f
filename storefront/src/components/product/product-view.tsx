"use client"

import Image from "next/image"
import Link from "next/link"
import { useMemo, useState, useTransition } from "react"
import type { Product } from "@/lib/medusa/types"
import { pickerModel } from "@/lib/core/variants"
import { Price } from "@/components/common/price"
import { addToCart } from "@/lib/actions/cart"
import { WishlistButton } from "@/components/wishlist/wishlist-button"
import { CheckIcon } from "@/components/common/icons"
import { DeliveryCheck } from "./delivery-check"
import { SizeSelectionProvider, type SizeSelection } from "./size-selection"

/**
 * The interactive half of the product page: gallery, colour and size picker with
 * sold-out states, price of the chosen variant, add to bag and wishlist, and in India the
 * delivery check for a pincode.
 */
export function ProductView({
  product,
  countryCode,
  initialColour,
  wishlistItemId,
  taxInclusive,
  currencyCode,
  sizeGuide,
  sizeAdvice,
  deliveryCheck = false,
}: {
  product: Product
  countryCode: string
  initialColour: string | null
  wishlistItemId: string | null
  taxInclusive: boolean
  currencyCode: string
  sizeGuide: React.ReactNode
  sizeAdvice: React.ReactNode
  /** India: the pincode box for delivery dates and cash on delivery */
  deliveryCheck?: boolean
}) {
  const model = useMemo(() => pickerModel(product.options, product.variants), [product])
  const firstInStock = model.colours.find((c) => c.inStock)?.name ?? model.colours[0]?.name ?? null
  const [colour, setColour] = useState<string | null>(model.colours.some((c) => c.name === initialColour) ? initialColour : firstInStock)
  const [size, setSize] = useState<string | null>(model.hasSizes && model.sizes.length > 1 ? null : model.sizes[0] ?? null)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [pending, startTransition] = useTransition()

  const sizes = useMemo(() => model.sizesFor(colour), [model, colour])
  const variant = model.variantFor(size, colour)
  const priceVariant = variant ?? product.variants.find((v) => model.choiceOf(v).colour === colour) ?? product.variants[0]
  const amount = (taxInclusive ? priceVariant?.calculated_price_incl_tax : priceVariant?.calculated_price) ?? priceVariant?.calculated_price
  const original = (taxInclusive ? priceVariant?.original_price_incl_tax : priceVariant?.original_price) ?? priceVariant?.original_price
  const chosenSoldOut = Boolean(size) && !sizes.find((s) => s.value === size)?.inStock
  const images = galleryFor(product, colour)
  const [shown, setShown] = useState(0)
  const hasPicker = model.hasSizes && model.sizes.length > 1
  // Size advice (and anything else beside the picker) can choose a size the picker offers in stock.
  const sizeSelection = useMemo<SizeSelection | null>(
    () =>
      hasPicker
        ? {
            sizes,
            selected: size,
            select: (value) => {
              if (!sizes.some((s) => s.value === value && s.inStock)) return
              setSize(value)
              setStatus(null)
            },
          }
        : null,
    [hasPicker, sizes, size]
  )

  function add() {
    if (!variant) {
      setStatus({ ok: false, text: "Choose a size first" })
      document.getElementById("size-picker")?.focus()
      return
    }
    startTransition(async () => {
      const result = await addToCart(countryCode, variant.id)
      setStatus(result.ok ? { ok: true, text: result.message ?? "Added to your bag" } : { ok: false, text: result.error })
    })
  }

  return (
    <div className="grid gap-8 md:grid-cols-2 lg:gap-12">
      <section aria-label="Photos" className="md:sticky md:top-20 md:self-start">
        <div className="relative aspect-[4/5] overflow-hidden rounded-2xl bg-sand">
          {images[shown] ? <Image src={images[shown]} alt={`${product.title}${colour ? ` in ${colour}` : ""}`} fill priority fetchPriority="high" sizes="(min-width: 768px) 50vw, 100vw" className="object-cover" /> : null}
        </div>
        {images.length > 1 ? (
          <ul className="mt-3 flex gap-2 overflow-x-auto" aria-label="More photos">
            {images.map((src, i) => (
              <li key={src} className="flex-none">
                <button type="button" onClick={() => setShown(i)} aria-label={`Photo ${i + 1} of ${images.length}`} aria-current={i === shown} className={`relative block h-20 w-16 overflow-hidden rounded-lg border-2 ${i === shown ? "border-ink" : "border-transparent"}`}>
                  <Image src={src} alt="" fill sizes="64px" className="object-cover" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="product-title" className="flex flex-col gap-5">
        <div>
          {product.collection ? (
            <Link href={`/${countryCode}/collections/${product.collection.handle}`} className="text-xs font-semibold uppercase tracking-widest text-gold hover:underline">
              {product.collection.title}
            </Link>
          ) : null}
          <h1 id="product-title" className="mt-1 text-3xl leading-tight md:text-4xl">
            {product.title}
          </h1>
          {product.subtitle ? <p className="mt-1 text-muted">{product.subtitle}</p> : null}
        </div>

        <div data-testid="product-price">
          {amount !== null && amount !== undefined ? (
            <>
              <Price amount={amount} original={original} currencyCode={currencyCode} size="lg" />
              <p className="mt-1 text-xs text-muted">{taxInclusive ? "MRP inclusive of all taxes" : "Taxes calculated at checkout"}</p>
            </>
          ) : (
            <p className="text-muted">Not sold in this country</p>
          )}
        </div>

        {model.hasColours ? (
          <fieldset>
            <legend className="text-sm font-medium">
              Colour: <span className="font-normal text-muted">{colour}</span>
            </legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {model.colours.map((c) => (
                <label key={c.name} className="relative cursor-pointer" title={c.inStock ? c.name : `${c.name} (sold out)`}>
                  <input
                    type="radio"
                    name="colour"
                    value={c.name}
                    checked={colour === c.name}
                    onChange={() => {
                      setColour(c.name)
                      setShown(0)
                      setStatus(null)
                    }}
                    className="peer sr-only"
                  />
                  <span className={`block h-10 w-10 rounded-full border border-black/15 ring-offset-2 peer-checked:ring-2 peer-checked:ring-ink peer-focus-visible:ring-2 peer-focus-visible:ring-plum ${c.inStock ? "" : "opacity-40"}`} style={{ backgroundColor: c.hex ?? "#ccc" }} />
                  <span className="sr-only">
                    {c.name}
                    {c.inStock ? "" : ", sold out"}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        {hasPicker ? (
          <fieldset>
            <div className="flex items-center justify-between">
              <legend className="text-sm font-medium">
                Size{size ? <span className="font-normal text-muted">: {size}</span> : null}
              </legend>
              {sizeGuide}
            </div>
            <div className="mt-2 flex flex-wrap gap-2" id="size-picker" tabIndex={-1} data-testid="size-picker">
              {sizes.map((s) => (
                <label key={s.value} className="relative">
                  <input
                    type="radio"
                    name="size"
                    value={s.value}
                    checked={size === s.value}
                    disabled={!s.inStock}
                    onChange={() => {
                      setSize(s.value)
                      setStatus(null)
                    }}
                    className="peer sr-only"
                  />
                  <span
                    className={`flex h-11 min-w-12 cursor-pointer items-center justify-center rounded-lg border px-3 text-sm peer-checked:border-ink peer-checked:bg-ink peer-checked:text-ivory peer-focus-visible:ring-2 peer-focus-visible:ring-plum ${
                      s.inStock ? "border-line bg-white hover:border-ink" : "cursor-not-allowed border-line bg-sand text-muted line-through"
                    }`}
                  >
                    {s.value}
                  </span>
                  <span className="sr-only">{s.inStock ? "" : " (sold out)"}</span>
                </label>
              ))}
            </div>
            {sizes.find((s) => s.value === size)?.lowStock ? (
              <p className="mt-2 text-sm font-medium text-sale">Only {sizes.find((s) => s.value === size)!.lowStock} left in {size}</p>
            ) : null}
          </fieldset>
        ) : null}

        <SizeSelectionProvider value={sizeSelection}>{sizeAdvice}</SizeSelectionProvider>

        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="button" onClick={add} disabled={pending || chosenSoldOut || amount === null || amount === undefined} className="btn-primary flex-1" data-testid="add-to-bag">
            {pending ? "Adding…" : chosenSoldOut ? "Sold out" : "Add to bag"}
          </button>
          <WishlistButton countryCode={countryCode} productId={product.id} productTitle={product.title} itemId={wishlistItemId} variant="button" />
        </div>
        <div role="status" aria-live="polite" data-testid="add-status">
          {status ? (
            <p className={`flex items-center gap-2 text-sm ${status.ok ? "text-ok" : "text-sale"}`}>
              {status.ok ? <CheckIcon className="h-4 w-4" /> : null}
              {status.text}
              {status.ok ? (
                <Link href={`/${countryCode}/cart`} className="font-semibold underline">
                  View bag
                </Link>
              ) : null}
            </p>
          ) : null}
        </div>
        {deliveryCheck ? <DeliveryCheck countryCode={countryCode} variantId={(variant ?? product.variants[0])?.id ?? null} /> : null}
      </section>
    </div>
  )
}

function galleryFor(product: Product, colour: string | null): string[] {
  const byColour = (product.metadata?.images_by_color ?? {}) as Record<string, string>
  const fronts = new Set(Object.values(byColour))
  const own = colour && byColour[colour] ? [byColour[colour]] : []
  const shared = product.images.map((i) => i.url).filter((url) => !fronts.has(url))
  const rest = product.images.map((i) => i.url).filter((url) => fronts.has(url) && !own.includes(url))
  const list = [...own, ...shared, ...rest]
  return list.length ? list : product.thumbnail ? [product.thumbnail] : []
}
