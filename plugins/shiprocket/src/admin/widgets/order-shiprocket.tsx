/**
 * Order page: the order's Shiprocket shipments (forward and return), where each parcel is,
 * and the actions that apply. Polls every 10 s while a shipment is still being booked.
 */
import type { OrderDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ShipmentCard } from "../components/shipment-card"
import { Empty, ErrorNote, Loading } from "../components/ui"
import { errorMessage, useOrderShipments } from "../lib/api"
import { isInFlight } from "../lib/format"

const OrderShiprocketWidget = ({ order, notify }: OrderDetailsWidgetProps) => {
  const { data, isLoading, isError, error, refetch, isFetching } = useOrderShipments(order.id)
  const shipments = data?.shipments ?? []
  const polling = shipments.some(isInFlight)

  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="shiprocket-widget">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Shiprocket</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Courier bookings of this order and its returns, and where each parcel is.
            {polling && " Refreshing every 10 s while a booking is in progress."}
          </Text>
        </div>
        <Button size="small" variant="transparent" className="shrink-0" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
          Refresh
        </Button>
      </div>

      {isLoading ? (
        <Loading label="Loading shipments…" />
      ) : isError ? (
        <ErrorNote
          title="Could not load the Shiprocket shipments"
          message={errorMessage(error)}
          action={
            <Button size="small" variant="secondary" onClick={() => refetch()}>
              Try again
            </Button>
          }
        />
      ) : shipments.length === 0 ? (
        data?.configured === false ? (
          <Text size="small" className="text-ui-fg-subtle" data-testid="shiprocket-not-configured">
            Shiprocket is not configured: set SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD on the server (see{" "}
            <Link to="/a/settings/shiprocket" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              Settings › Shiprocket
            </Link>
            ).
          </Text>
        ) : (
          <Empty>No Shiprocket shipment for this order yet.</Empty>
        )
      ) : (
        <div className="flex flex-col gap-y-3">
          {shipments.map((s) => (
            <ShipmentCard key={s.id} shipment={s} notify={notify} />
          ))}
        </div>
      )}
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "order.details.after",
}

export default OrderShiprocketWidget
