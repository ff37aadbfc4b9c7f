import Link from "next/link"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { getWishlist } from "@/lib/data/wishlist"
import { getProduct } from "@/lib/data/catalog"
import { getCustomer } from "@/lib/data/customer"
import { pickerModel, isInStock } from "@/lib/core/variants"
import { ProductCard } from "@/components/product/product-card"
import { MoveToBag, type SizeOption } from "@/components/wishlist/move-to-bag"

export const metadata: Metadata = { title: "Wishlist", robots: { index: false } }

export default async function WishlistPage({ params }: PageProps<"/[countryCode]/wishlist">) {
  const { countryCode } = await params
  const region = await getRegion(countryCode)
  if (!region) notFound()
  const [wishlist, customer] = await Promise.all([getWishlist(region.id), getCustomer()])
  const items = wishlist.items.filter((i) => i.product)
  // Sizes to choose from for items saved without one (from a listing's heart).
  const products = await Promise.all(items.map((i) => (i.variant_id ? null : getProduct(i.product!.handle, region.id).catch(() => null))))

  return (
    <div className="container-page py-8">
      <h1 className="text-3xl">Wishlist</h1>
      {!customer && items.length ? (
        <p className="mt-2 text-sm text-muted">
          Saved on this device.{" "}
          <Link href={`/${countryCode}/account/login?next=/${countryCode}/wishlist`} className="font-semibold text-plum underline">
            Log in
          </Link>{" "}
          to keep it with your account.
        </p>
      ) : null}
      {items.length ? (
        <ul className="mt-6 grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4" data-testid="wishlist-items">
          {items.map((item, index) => {
            const product = products[index]
            const sizes: SizeOption[] = product
              ? product.variants.map((v) => {
                  const choice = pickerModel(product.options, product.variants).choiceOf(v)
                  return { variantId: v.id, label: [choice.size, choice.colour].filter(Boolean).join(" / ") || v.title, inStock: isInStock(v) }
                })
              : []
            return (
              <li key={item.id} className="relative">
                <ProductCard product={item.product!} countryCode={countryCode} wishlistItemId={item.id} />
                <MoveToBag countryCode={countryCode} itemId={item.id} title={item.product!.title} variantId={item.variant_id} sizes={sizes} />
              </li>
            )
          })}
        </ul>
      ) : (
        <div className="mt-10 text-center">
          <p className="text-muted">Nothing saved yet. Tap the heart on anything you love.</p>
          <Link href={`/${countryCode}/collections/new-arrivals`} className="btn-primary mt-6">
            Browse new arrivals
          </Link>
        </div>
      )}
    </div>
  )
}
