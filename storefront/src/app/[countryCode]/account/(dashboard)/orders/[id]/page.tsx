import Link from "next/link"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getOrder } from "@/lib/data/orders"
import { getCustomer } from "@/lib/data/customer"
import { OrderDetails } from "@/components/order/order-details"
import { OrderTimeline } from "@/components/order/order-timeline"

export const metadata: Metadata = { title: "Order details", robots: { index: false } }

export default async function AccountOrderPage({ params }: PageProps<"/[countryCode]/account/orders/[id]">) {
  const { countryCode, id } = await params
  const [order, customer] = await Promise.all([getOrder(id), getCustomer()])
  // The Store API answers any order id; the account shows only her own.
  if (!order || !customer || (order as { customer_id?: string }).customer_id !== customer.id) notFound()
  return (
    <div>
      <Link href={`/${countryCode}/account/orders`} className="text-sm text-plum underline">
        All orders
      </Link>
      <h1 className="mt-2 text-3xl" data-testid="account-order-title">
        Order #{order.display_id}
      </h1>
      <p className="text-sm text-muted">Placed {new Date(order.created_at).toLocaleDateString("en-IN", { day: "numeric", month: "long", year: "numeric" })}</p>
      <div className="mt-6 grid gap-10 lg:grid-cols-[16rem_1fr]">
        <OrderTimeline order={order} />
        <OrderDetails order={order} />
      </div>
    </div>
  )
}
