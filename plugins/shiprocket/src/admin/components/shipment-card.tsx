/**
 * One Shiprocket shipment as the merchant needs to see it: forward or return, the booking
 * with Shiprocket (state, attempts, last error), where the parcel is (stage, status, time,
 * expected delivery), AWB, courier, pickup, payment, documents and tracking links, the
 * tracking events, and the actions that apply (retry a failed booking, cancel before pickup).
 */
import { Button, Heading, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorMessage, useOrderNumber, usePluginPost } from "../lib/api"
import {
  EVENT_SOURCE_LABEL,
  KIND_LABEL,
  PAYMENT_LABEL,
  bookingSummary,
  canCancel,
  canRetry,
  formatDateTime,
  formatEtd,
  pickupReference,
  relativeTime,
  safeUrl,
  sortEvents,
  stageLabel,
} from "../lib/format"
import type { Shipment, ShipmentResponse } from "../lib/types"
import { ConfirmDialog } from "./dialogs"
import { ErrorNote, Facts, Pill, StagePill, StatePill, ToneLine } from "./ui"

export type Notify = { success: (title: string, message: string) => void; error: (title: string, message: string) => void }

const NOTIFY_TITLE = "Shiprocket"

/** Retry booking / Cancel shipment, with the API's message shown when it refuses. */
export const ShipmentActions = ({ shipment, notify, onError }: { shipment: Shipment; notify: Notify; onError: (message: string | null) => void }) => {
  const retry = usePluginPost<Record<string, never>, ShipmentResponse>(`/shiprocket/shipments/${shipment.id}/retry`)
  const cancel = usePluginPost<Record<string, never>, ShipmentResponse>(`/shiprocket/shipments/${shipment.id}/cancel`)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const busy = retry.isLoading || cancel.isLoading
  const what = shipment.kind === "return" ? "return shipment" : "shipment"

  const run = (mutation: typeof retry, done: string) => {
    onError(null)
    mutation.mutate({} as never, {
      onSuccess: () => notify.success(NOTIFY_TITLE, done),
      onError: (e) => {
        const message = errorMessage(e)
        onError(message)
        notify.error(NOTIFY_TITLE, message)
      },
    })
  }

  if (!canRetry(shipment) && !canCancel(shipment)) return null
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canRetry(shipment) && (
        <Button size="small" variant="primary" disabled={busy} isLoading={retry.isLoading} onClick={() => run(retry, "Booking queued again")}>
          Retry booking
        </Button>
      )}
      {canCancel(shipment) && (
        <Button size="small" variant="secondary" disabled={busy} isLoading={cancel.isLoading} onClick={() => setConfirmCancel(true)}>
          Cancel shipment
        </Button>
      )}
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title={`Cancel this ${what}?`}
        description={
          shipment.awb
            ? `The AWB ${shipment.awb}${shipment.courier_name ? ` with ${shipment.courier_name}` : ""} is cancelled at Shiprocket and the pickup is called off. This cannot be undone: a new shipment would need a new booking.`
            : "The booking with Shiprocket is stopped. This cannot be undone: a new shipment would need a new booking."
        }
        confirmLabel="Cancel shipment"
        onConfirm={() => run(cancel, `Cancelled the ${what}`)}
      />
    </div>
  )
}

/** A link to our order, by its number (looked up with a light, separately cached request). */
export const OrderLink = ({ orderId }: { orderId: string }) => {
  const { data } = useOrderNumber(orderId)
  const displayId = data?.order?.display_id
  return (
    <Link to={`/a/orders/${orderId}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover" title={orderId}>
      {displayId ? `Order #${displayId}` : "View order"}
    </Link>
  )
}

const ExternalLink = ({ href, children }: { href: string; children: string }) => (
  <a href={href} target="_blank" rel="noreferrer noopener" className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
    {children}
  </a>
)

const EventsList = ({ shipment }: { shipment: Shipment }) => {
  const events = sortEvents(shipment.events)
  if (!events.length)
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No tracking events yet.
      </Text>
    )
  return (
    <ol className="border-ui-border-base ml-1 flex flex-col gap-y-3 border-l pl-4" data-testid="shiprocket-events">
      {events.map((e, i) => (
        <li key={`${e.at ?? "none"}-${e.status_id ?? e.stage}-${i}`} className="relative">
          <span className={clx("absolute -left-[21px] top-1 h-2 w-2 rounded-full", i === 0 ? "bg-ui-tag-blue-icon" : "bg-ui-tag-neutral-icon")} />
          <div className="flex flex-wrap items-center gap-x-2">
            <Text size="small" weight="plus">
              {e.label || stageLabel(e.stage)}
            </Text>
            {e.label && e.stage && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {stageLabel(e.stage)}
              </Text>
            )}
            <Text size="xsmall" className="text-ui-fg-subtle">
              {formatDateTime(e.at)}
            </Text>
          </div>
          {(e.activity || e.location) && (
            <Text size="xsmall" className="text-ui-fg-subtle break-words">
              {[e.activity, e.location].filter(Boolean).join(" · ")}
            </Text>
          )}
          <Text size="xsmall" className="text-ui-fg-muted">
            via {EVENT_SOURCE_LABEL[e.source] ?? e.source}
            {e.status_id !== null && e.status_id !== undefined ? ` · status ${e.status_id}` : ""}
          </Text>
        </li>
      ))}
    </ol>
  )
}

export const ShipmentCard = ({
  shipment: s,
  notify,
  showOrderLink = false,
  defaultEventsOpen = false,
}: {
  shipment: Shipment
  notify: Notify
  showOrderLink?: boolean
  defaultEventsOpen?: boolean
}) => {
  const [eventsOpen, setEventsOpen] = useState(defaultEventsOpen)
  const [actionError, setActionError] = useState<string | null>(null)
  const booking = bookingSummary(s)
  const labelUrl = safeUrl(s.label_url)
  const manifestUrl = safeUrl(s.manifest_url)
  const trackUrl = safeUrl(s.track_url)
  const eventCount = s.events?.length ?? 0
  // Where the parcel is matters once it is booked; before that the stage is only "unknown".
  const showStage = s.stage !== "unknown" || s.state === "booked"

  const facts = [
    { label: "AWB", value: s.awb ?? "–", mono: true },
    { label: "Courier", value: s.courier_name ?? "–" },
    { label: "Pickup location", value: s.pickup_location ?? "–" },
    { label: "Payment", value: PAYMENT_LABEL[s.payment_method] ?? s.payment_method },
    { label: "Expected delivery", value: formatEtd(s.etd) },
    { label: "Booking attempts", value: String(s.attempts) },
  ]
  if (s.state === "pending" && s.next_attempt_at)
    facts.push({ label: "Next attempt", value: `${formatDateTime(s.next_attempt_at)} (${relativeTime(s.next_attempt_at)})` })
  if (s.pickup_scheduled_date) facts.push({ label: "Pickup scheduled", value: `${formatDateTime(s.pickup_scheduled_date)}${s.pickup_token ? ` · ${pickupReference(s.pickup_token)}` : ""}` })
  if (s.channel_order_id) facts.push({ label: "Shiprocket order ID", value: `${s.channel_order_id}${s.sr_order_id ? ` (${s.sr_order_id})` : ""}`, mono: true })

  return (
    <div
      className={clx("border-ui-border-base rounded-lg border", s.state === "failed" && "border-ui-border-error")}
      data-testid="shiprocket-shipment"
      data-shipment-id={s.id}
      data-state={s.state}
      data-stage={s.stage}
    >
      <div className="flex flex-col gap-y-2 px-4 py-3">
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-wrap items-center gap-2">
            <Heading level="h3">{KIND_LABEL[s.kind] ?? s.kind} shipment</Heading>
            <StatePill state={s.state} />
            {showStage && <StagePill stage={s.stage} />}
            <Pill color={s.payment_method === "cod" ? "orange" : "grey"} data-payment={s.payment_method}>
              {PAYMENT_LABEL[s.payment_method] ?? s.payment_method}
            </Pill>
          </div>
          <Button size="small" variant="transparent" className="shrink-0" onClick={() => setEventsOpen(!eventsOpen)} aria-expanded={eventsOpen}>
            {eventsOpen ? "Hide events" : `Events (${eventCount})`}
          </Button>
        </div>

        <ToneLine tone={booking.tone} data-testid="booking-state">
          {booking.label}
        </ToneLine>

        {showOrderLink && (
          <Text size="small" className="text-ui-fg-subtle">
            <OrderLink orderId={s.order_id} /> · created {formatDateTime(s.created_at)}
          </Text>
        )}

        {showStage && (s.status_label || s.status_at) && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="current-status">
            <span className="text-ui-fg-base">{stageLabel(s.stage)}</span>
            {s.status_label && ` · ${s.status_label}`}
            {s.status_at && ` · ${formatDateTime(s.status_at)} (${relativeTime(s.status_at)})`}
          </Text>
        )}

        {s.state === "failed" ? (
          <ErrorNote title="Last error" message={s.last_error || "No error was recorded."} />
        ) : (
          s.last_error && (
            <Text size="xsmall" className="text-ui-fg-error break-words" data-testid="last-error">
              Last error: {s.last_error}
            </Text>
          )
        )}

        <div className="bg-ui-bg-subtle rounded-md px-3 py-2">
          <Facts items={facts} data-testid="shipment-facts" />
        </div>

        {(labelUrl || manifestUrl || trackUrl) && (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="shipment-links">
            {labelUrl && <ExternalLink href={labelUrl}>Label</ExternalLink>}
            {manifestUrl && <ExternalLink href={manifestUrl}>Manifest</ExternalLink>}
            {trackUrl && <ExternalLink href={trackUrl}>Track shipment</ExternalLink>}
          </div>
        )}

        {actionError && <ErrorNote title="Not done" message={actionError} />}
        <div className="empty:hidden">
          <ShipmentActions shipment={s} notify={notify} onError={setActionError} />
        </div>
      </div>

      {eventsOpen && (
        <div className="border-ui-border-base flex flex-col gap-y-2 border-t px-4 py-3">
          <Text size="small" weight="plus">
            Tracking events
          </Text>
          <EventsList shipment={s} />
        </div>
      )}
    </div>
  )
}
