import Image from "next/image"
import { Suspense } from "react"
import type { Order } from "@/lib/medusa/types"
import { formatMoney } from "@/lib/core/money"
import { describePaymentProvider } from "@/components/checkout/payment-methods"
import { OrderTracking, OrderTrackingSkeleton } from "./order-tracking"

/** The order's parcels (streamed in, tracking never holds the page up), items, address, payment and totals. */
export function OrderDetails({ order }: { order: Order }) {
  const money = (n: number) => formatMoney(n, order.currency_code)
  const address = order.shipping_address
  const payment = order.payments[0]
  const itemsTotal = order.items.reduce((sum, i) => sum + (i.total ?? i.unit_price * i.quantity), 0)
  return (
    <div className="space-y-8">
      <Suspense fallback={<OrderTrackingSkeleton />}>
        <OrderTracking orderId={order.id} />
      </Suspense>
      <div className="grid gap-8 md:grid-cols-[1fr_18rem]">
        <ul className="divide-y divide-line border-y border-line" aria-label="Items">
          {order.items.map((item) => (
            <li key={item.id} className="flex gap-4 py-4 text-sm">
              <span className="relative h-24 w-20 flex-none overflow-hidden rounded-lg bg-sand">
                {item.thumbnail ? <Image src={item.thumbnail} alt="" fill sizes="80px" className="object-cover" /> : null}
              </span>
              <span className="flex-1">
                <span className="block font-medium">{item.title}</span>
                <span className="text-muted">
                  {item.description} · Qty {item.quantity}
                </span>
              </span>
              <span className="tabular-nums">{money(item.total ?? item.unit_price * item.quantity)}</span>
            </li>
          ))}
        </ul>
        <div className="space-y-6 text-sm">
          {address ? (
            <div>
              <h3 className="font-sans font-semibold">Delivering to</h3>
              <p className="mt-1 text-muted">
                {address.first_name} {address.last_name}
                <br />
                {[address.address_1, address.address_2].filter(Boolean).join(", ")}
                <br />
                {address.city}, {address.province} {address.postal_code}
                <br />
                {address.phone}
              </p>
            </div>
          ) : null}
          {payment ? (
            <div>
              <h3 className="font-sans font-semibold">Payment</h3>
              <p className="mt-1 text-muted">{describePaymentProvider(payment.provider_id, order.currency_code).title}</p>
            </div>
          ) : null}
          <dl className="space-y-1">
            <div className="flex justify-between"><dt>Items</dt><dd className="tabular-nums">{money(itemsTotal)}</dd></div>
            {order.discount_total ? <div className="flex justify-between text-ok"><dt>Discount</dt><dd className="tabular-nums">−{money(order.discount_total)}</dd></div> : null}
            <div className="flex justify-between"><dt>Delivery</dt><dd className="tabular-nums">{order.shipping_total ? money(order.total - itemsTotal + order.discount_total) : "Free"}</dd></div>
            <div className="flex justify-between border-t border-line pt-2 font-semibold"><dt>Total</dt><dd className="tabular-nums" data-testid="order-total">{money(order.total)}</dd></div>
          </dl>
          {order.region?.includes_tax && order.tax_total ? <p className="text-xs text-muted">Includes {money(order.tax_total)} GST</p> : null}
        </div>
      </div>
    </div>
  )
}
