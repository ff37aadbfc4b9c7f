/**
 * One supplier order as the merchant needs to see it: supplier, status, what is being
 * delivered to the supplier (the outbox job), items and cost, shipment or rejection,
 * status history, and the actions that apply (resend, cancel, mark as sent).
 */
import { Button, Heading, Table, Text, Textarea, clx } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorMessage, useOrderNumber, usePluginPost } from "../lib/api"
import { INTEGRATION_LABEL, describeDetail, formatDateTime, formatMoney, relativeTime } from "../lib/format"
import type { OutboxMessage, SupplierOrder } from "../lib/types"
import { ConfirmDialog } from "./dialogs"
import { ErrorNote, StatusPill } from "./ui"

export type Notify = { success: (title: string, message: string) => void; error: (title: string, message: string) => void }

type Tone = "green" | "orange" | "red" | "grey" | "blue"

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** One outbox message's delivery, in one line. */
function describeMessage(m: OutboxMessage, what: string): { tone: Tone; label: string; detail?: string } {
  switch (m.status) {
    case "delivered":
      return { tone: "green", label: `${what} delivered ${formatDateTime(m.delivered_at)} (${plural(m.attempts, "attempt")})` }
    case "failed":
      return { tone: "red", label: `${what}: delivery failed after ${plural(m.attempts, "attempt")}`, detail: m.last_error ?? undefined }
    case "withdrawn":
      return { tone: "grey", label: `${what} withdrawn before it was delivered` }
    default:
      if (m.attempts > 0) return { tone: "orange", label: `${what}: retrying, ${plural(m.attempts, "attempt")} failed, next ${relativeTime(m.next_attempt_at) || "soon"}`, detail: m.last_error ?? undefined }
      return { tone: "blue", label: `${what} queued for delivery${m.next_attempt_at ? `, ${relativeTime(m.next_attempt_at)}` : ""}` }
  }
}

/** What happened to the delivery of the order to the supplier (the outbox job), in one line. */
export function deliveryState(so: SupplierOrder): { tone: Tone; label: string; detail?: string } {
  const messages = so.messages ?? []
  const created = messages.find((m) => m.event_type === "supplier_order.created")
  const cancelled = messages.find((m) => m.event_type === "supplier_order.cancelled")
  if (so.status === "cancelled") {
    if (cancelled) return describeMessage(cancelled, "Cancellation")
    return { tone: "grey", label: created?.status === "withdrawn" || !so.sent_at ? "Cancelled before the supplier had it" : "Cancelled" }
  }
  if (!created) {
    if (so.status !== "pending") return { tone: "green", label: so.sent_at ? `Passed on by hand ${formatDateTime(so.sent_at)}` : "Passed on by hand" }
    if (!so.supplier || so.supplier.integration === "manual") return { tone: "orange", label: "Manual queue: send the order to the supplier yourself, then mark it as sent" }
    if (!so.supplier.is_active) return { tone: "orange", label: "Waiting: the supplier is inactive" }
    return { tone: "orange", label: "Waiting for you: auto-forward is off for this supplier" }
  }
  return describeMessage(created, "Order")
}

const TONE_CLASS: Record<Tone, string> = {
  green: "bg-ui-tag-green-icon",
  orange: "bg-ui-tag-orange-icon",
  red: "bg-ui-tag-red-icon",
  grey: "bg-ui-tag-neutral-icon",
  blue: "bg-ui-tag-blue-icon",
}

const createdMessage = (so: SupplierOrder) => (so.messages ?? []).find((m) => m.event_type === "supplier_order.created")
/** In the manual queue: pending, with no order message for automatic delivery. */
export const inManualQueue = (so: SupplierOrder) => so.status === "pending" && !createdMessage(so)
export const canResend = (so: SupplierOrder) => so.status === "failed" || so.status === "rejected"
/** A manual-queue order of a supplier we can reach automatically (auto-forward off): send it through its channel now. */
export const canSendNow = (so: SupplierOrder) => inManualQueue(so) && !!so.supplier && so.supplier.integration !== "manual" && so.supplier.is_active
// The API's moves: a rejected order can only be resent; shipped and cancelled are final.
export const canCancel = (so: SupplierOrder) => ["pending", "sent", "accepted", "failed"].includes(so.status)
export const canMarkSent = inManualQueue

const CHANNEL: Record<string, string> = { api: "API", email: "email", whatsapp: "WhatsApp" }

/** Only http(s) links from a supplier's webhook are rendered as links. */
const safeUrl = (url: unknown): string | null => (typeof url === "string" && /^https?:\/\//i.test(url) ? url : null)

export const SupplierOrderActions = ({ so, notify }: { so: SupplierOrder; notify: Notify }) => {
  const resend = usePluginPost<Record<string, never>, { supplier_order: SupplierOrder }>(`/supplier-orders/${so.id}/resend`)
  const cancel = usePluginPost<{ reason?: string }, { supplier_order: SupplierOrder }>(`/supplier-orders/${so.id}/cancel`)
  const markSent = usePluginPost<{ note?: string }, { supplier_order: SupplierOrder }>(`/supplier-orders/${so.id}/mark-sent`)
  const sendNow = usePluginPost<Record<string, never>, { supplier_order: SupplierOrder }>(`/supplier-orders/${so.id}/resend`)
  const [confirm, setConfirm] = useState<null | "cancel" | "mark-sent">(null)
  const [note, setNote] = useState("")
  const [reason, setReason] = useState("")
  const supplierName = so.supplier?.name ?? "the supplier"

  const run = (mutation: typeof resend | typeof markSent | typeof cancel, body: Record<string, unknown>, done: string) =>
    mutation.mutate(body as never, {
      onSuccess: () => notify.success("Supplier order", done),
      onError: (e) => notify.error("Supplier order", errorMessage(e)),
    })

  const busy = resend.isLoading || cancel.isLoading || markSent.isLoading || sendNow.isLoading
  if (!canResend(so) && !canCancel(so) && !canMarkSent(so)) return null
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canSendNow(so) && (
        <Button size="small" variant="primary" disabled={busy} isLoading={sendNow.isLoading} onClick={() => run(sendNow, {}, `Queued for delivery to ${supplierName}`)}>
          Send via {CHANNEL[so.supplier!.integration] ?? so.supplier!.integration}
        </Button>
      )}
      {canMarkSent(so) && (
        <Button size="small" variant={canSendNow(so) ? "secondary" : "primary"} disabled={busy} isLoading={markSent.isLoading} onClick={() => setConfirm("mark-sent")}>
          Mark as sent
        </Button>
      )}
      {canResend(so) && (
        <Button size="small" variant="secondary" disabled={busy} isLoading={resend.isLoading} onClick={() => run(resend, {}, `Sent again to ${supplierName}`)}>
          Resend
        </Button>
      )}
      {canCancel(so) && (
        <Button size="small" variant="secondary" disabled={busy} isLoading={cancel.isLoading} onClick={() => setConfirm("cancel")}>
          Cancel
        </Button>
      )}
      <ConfirmDialog
        open={confirm === "cancel"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title="Cancel this supplier order?"
        description={
          inManualQueue(so)
            ? `${supplierName} has not been sent this order; it leaves the queue. This cannot be undone.`
            : `If ${supplierName} may already have the order, they are told it is cancelled. This cannot be undone.`
        }
        confirmLabel="Cancel supplier order"
        onConfirm={() => {
          run(cancel, reason.trim() ? { reason: reason.trim() } : {}, `Cancelled the order for ${supplierName}`)
          setReason("")
        }}
      >
        <Textarea placeholder="Reason (optional), e.g. customer cancelled" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" />
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "mark-sent"}
        onOpenChange={(open) => {
          if (!open) setConfirm(null)
        }}
        variant="confirmation"
        title="Mark as sent"
        description={`Confirm that you have sent this order to ${supplierName} yourself (by phone, email or WhatsApp).`}
        confirmLabel="Mark as sent"
        onConfirm={() => {
          run(markSent, note.trim() ? { note: note.trim() } : {}, `Marked as sent to ${supplierName}`)
          setNote("")
        }}
      >
        <Textarea placeholder="Note (optional), e.g. sent on WhatsApp to Ramesh" value={note} onChange={(e) => setNote(e.target.value)} aria-label="Note" />
      </ConfirmDialog>
    </div>
  )
}

/** The outbox messages (what we deliver to the supplier), one compact line each: fits the narrow order-page column. */
const MessagesList = ({ messages }: { messages: OutboxMessage[] }) => {
  return (
    <ul className="flex flex-col gap-y-2" data-testid="messages">
      {messages.map((m) => (
        <li key={m.id} className="bg-ui-bg-subtle flex flex-col gap-y-0.5 rounded-md px-3 py-2">
          <div className="flex flex-wrap items-center gap-x-2">
            <Text size="small" weight="plus">
              {m.event_type === "supplier_order.created" ? "Order" : m.event_type === "supplier_order.cancelled" ? "Cancellation" : m.event_type}
            </Text>
            <StatusPill status={m.status} label={m.status} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {plural(m.attempts, "attempt")}
              {m.status === "delivered" && ` · delivered ${formatDateTime(m.delivered_at)}`}
              {m.status === "pending" && m.next_attempt_at && ` · next attempt ${formatDateTime(m.next_attempt_at)} (${relativeTime(m.next_attempt_at)})`}
            </Text>
          </div>
          {m.last_error && (
            <Text size="xsmall" className="text-ui-fg-error break-all">
              {m.last_error}
            </Text>
          )}
          <Text size="xsmall" className="text-ui-fg-muted font-mono break-all">
            {m.webhook_id}
          </Text>
        </li>
      ))}
    </ul>
  )
}

/** A link to our order, by its number (looked up with a light, separately cached request). */
const OrderLink = ({ orderId }: { orderId: string }) => {
  const { data } = useOrderNumber(orderId)
  const displayId = data?.order?.display_id
  return (
    <Link to={`/a/orders/${orderId}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover" title={orderId}>
      {displayId ? `Order #${displayId}` : "View order"}
    </Link>
  )
}

export const SupplierOrderCard = ({ so, notify, showOrderLink = false, defaultOpen = true }: { so: SupplierOrder; notify: Notify; showOrderLink?: boolean; defaultOpen?: boolean }) => {
  const [open, setOpen] = useState(defaultOpen)
  const delivery = deliveryState(so)
  const currency = so.currency_code || "inr"
  const history = so.history ?? []
  const messages = so.messages ?? []
  const shipment = so.shipment
  const trackingUrl = safeUrl(shipment?.tracking_url)

  return (
    <div className="border-ui-border-base rounded-lg border" data-testid="supplier-order" data-supplier-order-id={so.id} data-status={so.status}>
      <div className="flex flex-col gap-y-1 px-4 py-3">
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-wrap items-center gap-x-2">
            <Heading level="h3">{so.supplier?.name ?? so.supplier_id}</Heading>
            {so.supplier?.code && (
              <Text size="xsmall" className="text-ui-fg-muted font-mono">
                {so.supplier.code}
              </Text>
            )}
            <StatusPill status={so.status} />
          </div>
          <Button size="small" variant="transparent" className="shrink-0" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? "Hide details" : "Details"}
          </Button>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {so.supplier ? INTEGRATION_LABEL[so.supplier.integration] ?? so.supplier.integration : ""}
          {" · "}
          {so.items.reduce((n, i) => n + i.quantity, 0)} item(s) · cost {formatMoney(so.total_cost, currency)} · created {formatDateTime(so.created_at)}
          {showOrderLink && (
            <>
              {" · "}
              <OrderLink orderId={so.order_id} />
            </>
          )}
        </Text>
        <div className="flex items-center gap-x-2" data-testid="delivery-state" data-tone={delivery.tone}>
          <span className={clx("h-2 w-2 shrink-0 rounded-sm", TONE_CLASS[delivery.tone])} />
          <Text size="small" weight="plus">
            {delivery.label}
          </Text>
        </div>
        {delivery.detail && (
          <Text size="xsmall" className="text-ui-fg-error break-all">
            Last error: {delivery.detail}
          </Text>
        )}
        <div className="mt-1 empty:hidden">
          <SupplierOrderActions so={so} notify={notify} />
        </div>
      </div>

      {so.status === "rejected" && (
        <div className="px-4 pb-3">
          <ErrorNote title="Rejected by the supplier" message={so.rejection_reason || "No reason given"} />
        </div>
      )}
      {shipment && (so.status === "shipped" || shipment.awb) && (
        <div className="bg-ui-bg-subtle mx-4 mb-3 flex flex-wrap gap-x-6 gap-y-1 rounded-md px-3 py-2" data-testid="shipment">
          <Text size="small">
            <span className="text-ui-fg-subtle">Carrier </span>
            {String(shipment.carrier ?? "–")}
          </Text>
          <Text size="small">
            <span className="text-ui-fg-subtle">AWB </span>
            <span className="font-mono">{String(shipment.awb ?? "–")}</span>
          </Text>
          {trackingUrl && (
            <a href={trackingUrl} target="_blank" rel="noreferrer noopener" className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              Track shipment
            </a>
          )}
          {so.shipped_at && (
            <Text size="small" className="text-ui-fg-subtle">
              shipped {formatDateTime(so.shipped_at)}
            </Text>
          )}
        </div>
      )}

      {open && (
        <div className="flex flex-col gap-y-4 pb-3">
          <div>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Item</Table.HeaderCell>
                  <Table.HeaderCell>Supplier SKU</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap text-right">Qty</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap text-right">Unit cost</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap text-right">Cost</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {so.items.map((item) => (
                  <Table.Row key={item.line_item_id}>
                    <Table.Cell>
                      <div className="flex flex-col">
                        <span className="text-ui-fg-base">{item.title}</span>
                        {item.sku && <span className="text-ui-fg-muted txt-compact-xsmall">{item.sku}</span>}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="font-mono break-all">{item.supplier_sku}</Table.Cell>
                    <Table.Cell className="text-right">{item.quantity}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right">{formatMoney(item.unit_cost, currency)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right">{formatMoney(item.unit_cost * item.quantity, currency)}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <td colSpan={4} className="h-12 pr-6 text-right">
                    Total cost
                  </td>
                  <Table.Cell className="text-ui-fg-base text-right font-medium">{formatMoney(so.total_cost, currency)}</Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
          </div>

          {messages.length > 0 && (
            <div className="flex flex-col gap-y-2 px-4">
              <Text size="small" weight="plus">
                Delivery to the supplier
              </Text>
              <MessagesList messages={messages} />
            </div>
          )}

          <div className="flex flex-col gap-y-2 px-4">
            <Text size="small" weight="plus">
              History
            </Text>
            {history.length === 0 ? (
              <Text size="small" className="text-ui-fg-subtle">
                No events yet.
              </Text>
            ) : (
              <ol className="border-ui-border-base ml-1 flex flex-col gap-y-3 border-l pl-4" data-testid="history">
                {history.map((h) => (
                  <li key={h.id} className="relative">
                    <span className={clx("absolute -left-[21px] top-1 h-2 w-2 rounded-full", h.to_status ? "bg-ui-tag-blue-icon" : "bg-ui-tag-neutral-icon")} />
                    <div className="flex flex-wrap items-center gap-x-2">
                      {h.to_status ? (
                        <Text size="small" weight="plus">
                          {h.from_status ? `${h.from_status} → ${h.to_status}` : h.to_status}
                        </Text>
                      ) : (
                        <Text size="small" weight="plus">
                          {h.type.replace(/_/g, " ")}
                        </Text>
                      )}
                      {h.to_status && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {h.type.replace(/_/g, " ")}
                        </Text>
                      )}
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {formatDateTime(h.created_at)}
                      </Text>
                    </div>
                    {describeDetail(h.detail) && (
                      <Text size="xsmall" className="text-ui-fg-subtle break-all">
                        {describeDetail(h.detail)}
                      </Text>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
