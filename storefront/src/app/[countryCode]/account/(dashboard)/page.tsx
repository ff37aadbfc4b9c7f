import Link from "next/link"
import type { Metadata } from "next"
import { getCustomer, listOrders } from "@/lib/data/customer"
import { OrderList } from "@/components/account/order-list"

export const metadata: Metadata = { title: "Your account", robots: { index: false } }

export default async function AccountOverview({ params }: PageProps<"/[countryCode]/account">) {
  const { countryCode } = await params
  const [customer, { orders, count }] = await Promise.all([getCustomer(), listOrders(1, 3)])
  return (
    <div className="space-y-8">
      <h1 className="text-3xl">Hello, {customer?.first_name || "there"}</h1>
      <section aria-labelledby="recent-orders">
        <div className="mb-3 flex items-end justify-between">
          <h2 id="recent-orders" className="text-xl">
            Recent orders
          </h2>
          {count > 3 ? (
            <Link href={`/${countryCode}/account/orders`} className="text-sm font-semibold text-plum underline">
              All {count} orders
            </Link>
          ) : null}
        </div>
        <OrderList orders={orders} countryCode={countryCode} />
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {[
          ["/addresses", "Addresses", `${customer?.shipping_addresses.length ?? 0} saved`],
          ["/measurements", "Body measurements", "For size advice on every product"],
          ["/profile", "Profile", customer?.phone ?? "Name and phone"],
        ].map(([path, title, text]) => (
          <Link key={path} href={`/${countryCode}/account${path}`} className="rounded-2xl border border-line bg-white p-4 hover:border-ink">
            <span className="block font-semibold">{title}</span>
            <span className="text-sm text-muted">{text}</span>
          </Link>
        ))}
      </section>
    </div>
  )
}
