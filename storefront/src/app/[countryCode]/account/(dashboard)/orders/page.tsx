import type { Metadata } from "next"
import { listOrders } from "@/lib/data/customer"
import { OrderList } from "@/components/account/order-list"
import { Pagination } from "@/components/listing/pagination"

export const metadata: Metadata = { title: "Your orders", robots: { index: false } }
const PER_PAGE = 10

export default async function OrdersPage({ params, searchParams }: PageProps<"/[countryCode]/account/orders">) {
  const { countryCode } = await params
  const { page: raw } = await searchParams
  const page = Math.max(1, Number.parseInt(typeof raw === "string" ? raw : "1", 10) || 1)
  const { orders, count } = await listOrders(page, PER_PAGE)
  return (
    <div>
      <h1 className="mb-6 text-3xl">Your orders</h1>
      <OrderList orders={orders} countryCode={countryCode} />
      <Pagination page={page} pages={Math.ceil(count / PER_PAGE)} hrefFor={(p) => `/${countryCode}/account/orders${p > 1 ? `?page=${p}` : ""}`} />
    </div>
  )
}
