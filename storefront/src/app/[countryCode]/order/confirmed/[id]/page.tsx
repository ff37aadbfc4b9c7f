import Link from "next/link"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getOrder } from "@/lib/data/orders"
import { getCustomer } from "@/lib/data/customer"
import { OrderDetails } from "@/components/order/order-details"
import { OrderTimeline } from "@/components/order/order-timeline"
import { CheckIcon } from "@/components/common/icons"

export const metadata: Metadata = { title: "Order confirmed", robots: { index: false } }

export default async function OrderConfirmedPage({ params }: PageProps<"/[countryCode]/order/confirmed/[id]">) {
  const { countryCode, id } = await params
  const [order, customer] = await Promise.all([getOrder(id), getCustomer()])
  if (!order) notFound()
  const cod = order.payments.some((p) => p.provider_id === "cod")
  return (
    <div className="container-page py-10">
      <div className="rounded-2xl bg-white p-6 shadow-sm sm:p-10">
        <div className="flex items-start gap-4">
          <span className="flex h-12 w-12 flex-none items-center justify-center rounded-full bg-ok text-white">
            <CheckIcon className="h-7 w-7" />
          </span>
          <div>
            <h1 className="text-3xl" data-testid="order-confirmed">
              Thank you, your order is placed
            </h1>
            <p className="mt-1 text-muted">
              Order <strong className="text-ink" data-testid="order-number">#{order.display_id}</strong> · a confirmation is on its way to {order.email}
            </p>
            {cod ? <p className="mt-2 text-sm">Please keep the amount ready in cash or UPI for the courier.</p> : null}
          </div>
        </div>
        <div className="mt-8 grid gap-10 lg:grid-cols-[16rem_1fr]">
          <OrderTimeline order={order} />
          <OrderDetails order={order} />
        </div>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href={`/${countryCode}`} className="btn-primary">
            Continue shopping
          </Link>
          {customer ? (
            <Link href={`/${countryCode}/account/orders/${order.id}`} className="btn-secondary">
              Track in your account
            </Link>
          ) : (
            <Link href={`/${countryCode}/account/register?email=${encodeURIComponent(order.email)}`} className="btn-secondary">
              Create an account to track it
            </Link>
          )}
        </div>
      </div>
    </div>
  )
}
