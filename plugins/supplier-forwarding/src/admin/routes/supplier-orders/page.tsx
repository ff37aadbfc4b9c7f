/**
 * Supplier orders needing the merchant: the manual queue (to send by hand), failed
 * deliveries, rejections, or everything; with links to the order and the same actions
 * as on the order page.
 */
import type { RouteConfig, RouteProps } from "@medusajs/admin"
import { FlyingBox } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { SupplierOrderCard } from "../../components/supplier-order-card"
import { Empty, ErrorNote, Loading, Pager } from "../../components/ui"
import { errorMessage, useSupplierOrders, type SupplierOrderQuery } from "../../lib/api"

const PAGE_SIZE = 20

type TabKey = "manual" | "failed" | "rejected" | "all"
const TABS: { key: TabKey; label: string; query: SupplierOrderQuery; empty: string }[] = [
  { key: "manual", label: "Manual queue", query: { queue: "manual" }, empty: "Nothing to send by hand: every pending order has been sent or is on its way." },
  { key: "failed", label: "Failed", query: { status: "failed" }, empty: "No failed deliveries." },
  { key: "rejected", label: "Rejected", query: { status: "rejected" }, empty: "No supplier has rejected an order." },
  { key: "all", label: "All", query: {}, empty: "No supplier orders yet." },
]

/** The number of supplier orders behind a tab, from a one-row page. */
const TabCount = ({ query, active }: { query: SupplierOrderQuery; active: boolean }) => {
  const { data } = useSupplierOrders({ ...query, limit: 1, offset: 0 })
  if (data?.count === undefined) return null
  return (
    <Badge size="2xsmall" color={active ? "blue" : "grey"} className="ml-1.5">
      {data.count}
    </Badge>
  )
}

const SupplierOrdersPage = ({ notify }: RouteProps) => {
  const [tab, setTab] = useState<TabKey>("manual")
  const [offset, setOffset] = useState(0)
  const current = TABS.find((t) => t.key === tab)!
  const { data, isLoading, isError, error, refetch, isFetching } = useSupplierOrders({ ...current.query, limit: PAGE_SIZE, offset }, { keepPreviousData: true })
  const rows = data?.supplier_orders ?? []
  const count = data?.count ?? 0

  // One grid column that may shrink below its content: wide tables scroll in their card instead of widening the page.
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-y-4 pb-8" data-testid="supplier-orders-page">
      <Container>
        <div className="mb-4 flex items-start justify-between gap-x-4">
          <div>
            <Heading level="h1">Supplier orders</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              The parts of our orders that dropship suppliers fulfil, and the ones that need you.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
            Refresh
          </Button>
        </div>
        <div role="tablist" className="mb-4 flex flex-wrap items-center gap-2">
          {TABS.map((t) => (
            <button
              key={t.key}
              role="tab"
              aria-selected={t.key === tab}
              onClick={() => {
                setTab(t.key)
                setOffset(0)
              }}
              className={clx(
                "txt-compact-small-plus text-ui-fg-subtle inline-flex items-center rounded-full border border-transparent px-3 py-1.5 outline-none transition-colors",
                "hover:text-ui-fg-base focus-visible:shadow-borders-focus",
                t.key === tab && "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest"
              )}
            >
              {t.label}
              <TabCount query={t.query} active={t.key === tab} />
            </button>
          ))}
        </div>

        {isLoading ? (
          <Loading label="Loading supplier orders…" />
        ) : isError ? (
          <ErrorNote
            title="Could not load the supplier orders"
            message={errorMessage(error)}
            action={
              <Button size="small" variant="secondary" onClick={() => refetch()}>
                Try again
              </Button>
            }
          />
        ) : rows.length === 0 ? (
          <Empty>{current.empty}</Empty>
        ) : (
          <div className="flex flex-col gap-y-3">
            {rows.map((so) => (
              <SupplierOrderCard key={so.id} so={so} notify={notify} showOrderLink defaultOpen={false} />
            ))}
          </div>
        )}

        <Pager offset={offset} count={count} pageSize={PAGE_SIZE} onOffset={setOffset} />
      </Container>
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Supplier orders",
    icon: FlyingBox,
  },
}

export default SupplierOrdersPage
