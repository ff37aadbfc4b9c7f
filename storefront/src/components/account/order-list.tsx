import Link from "next/link"
import type { Order } from "@/lib/medusa/types"
import { formatMoney } from "@/lib/core/money"
import { orderTimeline } from "@/lib/core/order-timeline"

const dateFormat = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", year: "numeric" })

export function OrderList({ orders, countryCode }: { orders: Order[]; countryCode: string }) {
  if (!orders.length) return <p className="text-sm text-muted">No orders yet.</p>
  return (
    <ul className="divide-y divide-line rounded-2xl border border-line bg-white" data-testid="order-list">
      {orders.map((order) => {
        // The step in progress, else the last one done (a delivered order has nothing in progress).
        const steps = orderTimeline(order)
        const status = steps.find((s) => s.state === "current")?.label ?? steps.filter((s) => s.state === "done").at(-1)?.label ?? "Placed"
        return (
          <li key={order.id}>
            <Link href={`/${countryCode}/account/orders/${order.id}`} className="flex flex-wrap items-center justify-between gap-3 p-4 hover:bg-sand/50">
              <span>
                <span className="block font-semibold">Order #{order.display_id}</span>
                <span className="text-sm text-muted">
                  {dateFormat.format(new Date(order.created_at))} · {order.items.reduce((n, i) => n + i.quantity, 0)} items
                </span>
              </span>
              <span className="text-right">
                <span className="block font-semibold tabular-nums">{formatMoney(order.total, order.currency_code)}</span>
                <span className="text-sm text-muted">{status}</span>
              </span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
