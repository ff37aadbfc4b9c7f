/**
 * Order page: the order's supplier orders (one per supplier), their delivery, history and
 * actions, and "Forward now" when the order has not been forwarded yet.
 */
import type { OrderDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { SupplierOrderCard } from "../components/supplier-order-card"
import { Empty, ErrorNote, Loading } from "../components/ui"
import { errorMessage, useOrderSupplierOrders, usePluginPost } from "../lib/api"
import type { SupplierOrder } from "../lib/types"

type ForwardResponse = { created: number; unmapped: { line_item_id: string; title: string; sku: string | null; quantity: number }[]; supplier_orders: SupplierOrder[] }

const OrderSupplierOrdersWidget = ({ order, notify }: OrderDetailsWidgetProps) => {
  const { data, isLoading, isError, error, refetch, isFetching } = useOrderSupplierOrders(order.id)
  const forward = usePluginPost<Record<string, never>, ForwardResponse>(`/orders/${order.id}/supplier-orders/forward`)
  const [unmapped, setUnmapped] = useState<ForwardResponse["unmapped"] | null>(null)
  const supplierOrders = data?.supplier_orders ?? []
  // Lines no supplier order covers (not mapped when the order was forwarded, or mapped since).
  const covered = new Set(supplierOrders.flatMap((so) => so.items.map((i) => i.line_item_id)))
  const uncovered = supplierOrders.length ? (order.items ?? []).filter((i) => !covered.has(i.id) && i.quantity > 0) : []

  const forwardNow = () =>
    forward.mutate({} as never, {
      onSuccess: (res) => {
        setUnmapped(res.unmapped ?? [])
        if (res.created > 0) notify.success("Supplier orders", `Forwarded to ${res.created} supplier(s)`)
        else if (res.unmapped?.length) notify.error("Supplier orders", "No supplier is mapped for the items of this order")
        else notify.success("Supplier orders", "Nothing new to forward")
      },
      onError: (e) => notify.error("Supplier orders", errorMessage(e)),
    })

  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="supplier-orders-widget">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Supplier orders</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The part of this order each dropship supplier fulfils, and what has been sent to them.
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2 whitespace-nowrap">
          <Button size="small" variant="transparent" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
            Refresh
          </Button>
          {!isLoading && !isError && supplierOrders.length === 0 && (
            <Button size="small" variant="primary" onClick={forwardNow} isLoading={forward.isLoading}>
              Forward now
            </Button>
          )}
        </div>
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
      ) : (
        <div className="flex flex-col gap-y-3">
          {supplierOrders.length === 0 && (
            <Empty>
              Not forwarded to any supplier yet: a prepaid order goes out once its payment is captured, and items not mapped to a supplier
              never go out on their own. “Forward now” sends the mapped items at once.
            </Empty>
          )}
          {supplierOrders.map((so) => (
            <SupplierOrderCard key={so.id} so={so} notify={notify} />
          ))}
          {uncovered.length > 0 && !unmapped?.length && (
            <ErrorNote
              title="Items not with any supplier"
              message={`${uncovered.map((i) => `${i.title}${i.variant?.sku ? ` (${i.variant.sku})` : ""} × ${i.quantity}`).join(", ")}. Map their variants to a supplier, then forward them.`}
              action={
                <Button size="small" variant="secondary" onClick={forwardNow} isLoading={forward.isLoading}>
                  Forward remaining
                </Button>
              }
            />
          )}
          {unmapped && unmapped.length > 0 && (
            <ErrorNote
              title="Items without a supplier"
              message={`${unmapped.map((l) => `${l.title}${l.sku ? ` (${l.sku})` : ""} × ${l.quantity}`).join(", ")}: map their variants to a supplier on the product page, then forward again.`}
            />
          )}
        </div>
      )}
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "order.details.after",
}

export default OrderSupplierOrdersWidget
