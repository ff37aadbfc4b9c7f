/** How each supplier serves us: volumes, speed to accept and ship, rejection rate. */
import { Button, Container, Heading, Table, Text, clx } from "@medusajs/ui"
import { errorMessage, useSupplierPerformance } from "../lib/api"
import { formatHours, formatRate } from "../lib/format"
import type { Supplier } from "../lib/types"
import { Empty, ErrorNote, Loading } from "./ui"

export const PerformanceSection = ({ suppliers }: { suppliers: Supplier[] }) => {
  const { data, isLoading, isError, error, refetch } = useSupplierPerformance()
  const byId = new Map(suppliers.map((s) => [s.id, s]))
  const rows = [...(data?.performance ?? [])].sort((a, b) => b.orders - a.orders)
  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="supplier-performance">
      <div className="mb-4">
        <Heading level="h2">Performance</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          From each supplier's orders; times are counted from when the order reached the supplier.
        </Text>
      </div>
      {isLoading ? (
        <Loading />
      ) : isError ? (
        <ErrorNote
          title="Could not load supplier performance"
          message={errorMessage(error)}
          action={
            <Button size="small" variant="secondary" onClick={() => refetch()}>
              Try again
            </Button>
          }
        />
      ) : rows.length === 0 ? (
        <Empty>No supplier orders yet.</Empty>
      ) : (
        <div className="-mx-8 overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Supplier</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Orders</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Accepted</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Rejected</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Shipped</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Failed</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Avg to accept</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Avg to ship</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap text-right">Rejection rate</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((p) => {
                const s = byId.get(p.supplier_id)
                return (
                  <Table.Row key={p.supplier_id} data-supplier-id={p.supplier_id}>
                    <Table.Cell>
                      <div className="flex flex-col">
                        <span className="text-ui-fg-base">{p.name ?? s?.name ?? p.supplier_id}</span>
                        <span className="txt-compact-xsmall text-ui-fg-muted font-mono">{p.code ?? s?.code}</span>
                      </div>
                    </Table.Cell>
                    <Table.Cell className="text-right">{p.orders}</Table.Cell>
                    <Table.Cell className="text-right">{p.accepted}</Table.Cell>
                    <Table.Cell className="text-right">{p.rejected}</Table.Cell>
                    <Table.Cell className="text-right">{p.shipped}</Table.Cell>
                    <Table.Cell className={clx("text-right", p.failed > 0 && "text-ui-fg-error")}>{p.failed}</Table.Cell>
                    <Table.Cell className="text-right">{formatHours(p.avg_hours_to_accept)}</Table.Cell>
                    <Table.Cell className="text-right">{formatHours(p.avg_hours_to_ship)}</Table.Cell>
                    <Table.Cell className={clx("text-right", (p.rejection_rate ?? 0) >= 0.2 && "text-ui-fg-error")}>{formatRate(p.rejection_rate)}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
