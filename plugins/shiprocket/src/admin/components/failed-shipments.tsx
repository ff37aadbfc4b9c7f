/**
 * Settings: the attention queue, shipments whose booking failed for good, with a link to
 * their order and "Retry booking".
 */
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, usePluginPost, useShipments } from "../lib/api"
import { KIND_LABEL, PAYMENT_LABEL, formatDateTime, relativeTime } from "../lib/format"
import type { Shipment, ShipmentResponse } from "../lib/types"
import { OrderLink, type Notify } from "./shipment-card"
import { Empty, ErrorNote, Loading, Pager } from "./ui"

const PAGE_SIZE = 50

const FailedRow = ({ shipment: s, notify }: { shipment: Shipment; notify: Notify }) => {
  const retry = usePluginPost<Record<string, never>, ShipmentResponse>(`/shiprocket/shipments/${s.id}/retry`)
  const [error, setError] = useState<string | null>(null)
  const retryNow = () => {
    setError(null)
    retry.mutate({} as never, {
      onSuccess: () => notify.success("Shiprocket", "Booking queued again"),
      onError: (e) => {
        const message = errorMessage(e)
        setError(message)
        notify.error("Shiprocket", message)
      },
    })
  }
  return (
    <Table.Row data-shipment-id={s.id} className="[&_td]:align-top">
      <Table.Cell className="whitespace-nowrap py-2">
        <OrderLink orderId={s.order_id} />
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap py-2">
        {KIND_LABEL[s.kind] ?? s.kind} · {PAYMENT_LABEL[s.payment_method] ?? s.payment_method}
      </Table.Cell>
      <Table.Cell className="py-2">{s.pickup_location ?? "–"}</Table.Cell>
      <Table.Cell className="whitespace-nowrap py-2 text-right">{s.attempts}</Table.Cell>
      <Table.Cell className="min-w-[240px] py-2">
        <span className="text-ui-fg-error txt-compact-small break-words whitespace-normal">{s.last_error || "No error was recorded."}</span>
        {error && (
          <Text size="xsmall" className="text-ui-fg-error mt-1 whitespace-normal" role="alert">
            Retry refused: {error}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap py-2" title={formatDateTime(s.updated_at)}>
        {relativeTime(s.updated_at) || formatDateTime(s.updated_at)}
      </Table.Cell>
      <Table.Cell className="py-2 text-right">
        <Button size="small" variant="secondary" onClick={retryNow} isLoading={retry.isLoading}>
          Retry booking
        </Button>
      </Table.Cell>
    </Table.Row>
  )
}

export const FailedShipmentsSection = ({ notify }: { notify: Notify }) => {
  const [offset, setOffset] = useState(0)
  const { data, isLoading, isError, error, refetch, isFetching } = useShipments({ state: "failed", limit: PAGE_SIZE, offset }, { keepPreviousData: true })
  const rows = data?.shipments ?? []
  const count = data?.count ?? 0
  // A retry empties the last page: step back to one that has rows.
  useEffect(() => {
    if (data && offset > 0 && offset >= count) setOffset(Math.max(0, Math.floor((count - 1) / PAGE_SIZE) * PAGE_SIZE))
  }, [data, offset, count])

  return (
    <Container data-testid="shiprocket-failed">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <div className="flex items-center gap-x-2">
            <Heading level="h2">Failed shipments</Heading>
            {count > 0 && (
              <Badge size="2xsmall" color="red">
                {count}
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            Bookings that need a person: Shiprocket refused the data, or every automatic retry failed. Fix the cause (address, pincode, pickup location, wallet balance), then retry.
          </Text>
        </div>
        <Button size="small" variant="transparent" className="shrink-0" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
          Refresh
        </Button>
      </div>
      {isLoading ? (
        <Loading label="Loading failed shipments…" />
      ) : isError ? (
        <ErrorNote
          title="Could not load the failed shipments"
          message={errorMessage(error)}
          action={
            <Button size="small" variant="secondary" onClick={() => refetch()}>
              Try again
            </Button>
          }
        />
      ) : rows.length === 0 ? (
        <Empty>No failed shipments.</Empty>
      ) : (
        <div className="-mx-8 overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Shipment</Table.HeaderCell>
                <Table.HeaderCell>Pickup location</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Attempts</Table.HeaderCell>
                <Table.HeaderCell>Last error</Table.HeaderCell>
                <Table.HeaderCell>Updated</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((s) => (
                <FailedRow key={s.id} shipment={s} notify={notify} />
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Pager offset={offset} count={count} pageSize={PAGE_SIZE} onOffset={setOffset} />
    </Container>
  )
}
