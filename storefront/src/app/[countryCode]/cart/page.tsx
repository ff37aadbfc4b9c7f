import Link from "next/link"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { retrieveCart } from "@/lib/data/cart"
import { CartLine } from "@/components/cart/cart-line"
import { CartTotals } from "@/components/cart/cart-totals"
import { DiscountForm } from "@/components/cart/discount-form"
import { RegionMismatch } from "@/components/cart/region-mismatch"

export const metadata: Metadata = { title: "Your bag", robots: { index: false } }

export default async function CartPage({ params }: PageProps<"/[countryCode]/cart">) {
  const { countryCode } = await params
  const region = await getRegion(countryCode)
  if (!region) notFound()
  const cart = await retrieveCart()

  if (!cart || !cart.items.length) {
    return (
      <div className="container-page py-16 text-center">
        <h1 className="text-3xl">Your bag is empty</h1>
        <p className="mt-2 text-muted">Find something for the next occasion.</p>
        <Link href={`/${countryCode}/collections/new-arrivals`} className="btn-primary mt-6">
          Shop new arrivals
        </Link>
      </div>
    )
  }
  const items = [...cart.items].sort((a, b) => a.created_at.localeCompare(b.created_at))
  return (
    <div className="container-page py-8">
      <h1 className="text-3xl">Your bag</h1>
      {cart.region_id !== region.id ? <RegionMismatch countryCode={countryCode} cartRegion={cart.region.name} /> : null}
      <div className="mt-6 grid gap-10 lg:grid-cols-[1fr_22rem]">
        <ul className="divide-y divide-line border-y border-line" aria-label="Items in your bag">
          {items.map((item) => (
            <CartLine key={item.id} item={item} countryCode={countryCode} currencyCode={cart.region.currency_code} />
          ))}
        </ul>
        <aside aria-label="Order summary" className="h-fit space-y-6 rounded-2xl bg-white p-6 shadow-sm lg:sticky lg:top-20">
          <h2 className="text-xl">Summary</h2>
          <CartTotals cart={cart} shippingKnown={cart.shipping_methods.length > 0} />
          <DiscountForm codes={cart.discounts.map((d) => d.code)} />
          {cart.region_id === region.id ? (
            <Link href={`/${countryCode}/checkout`} className="btn-primary w-full" data-testid="checkout-link">
              Check out
            </Link>
          ) : null}
        </aside>
      </div>
    </div>
  )
}
