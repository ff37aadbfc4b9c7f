import Image from "next/image"
import type { Cart } from "@/lib/medusa/types"
import { formatMoney } from "@/lib/core/money"
import { CartTotals } from "@/components/cart/cart-totals"

export function OrderSummary({ cart }: { cart: Cart }) {
  return (
    <aside aria-labelledby="summary-title" className="h-fit rounded-2xl bg-white p-6 shadow-sm lg:sticky lg:top-20">
      <h2 id="summary-title" className="text-xl">
        In your bag
      </h2>
      <ul className="mt-4 space-y-4">
        {cart.items.map((item) => (
          <li key={item.id} className="flex gap-3 text-sm">
            <span className="relative h-20 w-16 flex-none overflow-hidden rounded-md bg-sand">
              {item.thumbnail ? <Image src={item.thumbnail} alt="" fill sizes="64px" className="object-cover" /> : null}
              <span className="absolute -right-0 -top-0 flex h-5 min-w-5 items-center justify-center rounded-bl-md bg-ink px-1 text-xs text-ivory">{item.quantity}</span>
            </span>
            <span className="flex-1">
              <span className="block font-medium">{item.title}</span>
              <span className="text-muted">{item.description}</span>
            </span>
            <span className="tabular-nums">{formatMoney(item.total ?? item.unit_price * item.quantity, cart.region.currency_code)}</span>
          </li>
        ))}
      </ul>
      <div className="mt-6 border-t border-line pt-4">
        <CartTotals cart={cart} shippingKnown={cart.shipping_methods.length > 0} />
      </div>
    </aside>
  )
}
