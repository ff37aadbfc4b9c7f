import Image from "next/image"
import { getOrderTracking } from "@/lib/data/orders"
import { shipmentViews, type ShipmentView } from "@/lib/core/shipment-tracking"
import { CheckIcon, TruckIcon } from "@/components/common/icons"

/**
 * The order's parcels at the courier, fetched on the server and streamed in behind
 * `OrderTrackingSkeleton`. Nothing at all when the order has no shipments yet, or the
 * store has no tracking for it (404) or fails: the rest of the page never waits on it.
 */
export async function OrderTracking({ orderId }: { orderId: string }) {
  const tracking = await getOrderTracking(orderId)
  const shipments = tracking ? shipmentViews(tracking.shipments) : []
  if (!shipments.length) return null
  return (
    <section aria-labelledby="tracking-title" className="space-y-4" data-testid="order-tracking">
      <h2 id="tracking-title" className="flex items-center gap-2 text-2xl">
        <TruckIcon className="h-6 w-6" /> Tracking
      </h2>
      {shipments.map((s) => (
        <Shipment key={s.id} shipment={s} />
      ))}
    </section>
  )
}

const TONE: Record<ShipmentView["tone"], string> = { progress: "text-plum", ok: "text-ok", attention: "text-gold" }

function Shipment({ shipment: s }: { shipment: ShipmentView }) {
  const headingId = `shipment-${s.id}`
  return (
    <article aria-labelledby={headingId} className="rounded-2xl border border-line bg-white p-4 sm:p-5" data-testid="shipment" data-kind={s.kind}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={headingId} className="font-sans text-base font-semibold">
          {s.title}
        </h3>
        {s.expected ? (
          <p className="text-sm font-medium" data-testid="shipment-expected">
            {s.expected}
          </p>
        ) : null}
      </div>
      <p className={`mt-1 text-sm font-medium ${TONE[s.tone]}`} data-testid="shipment-status">
        {s.headline}
      </p>
      {s.updated ? <p className="text-xs text-muted">{s.updated}</p> : null}

      <ol className={`mt-4 grid gap-1.5 ${s.steps.length === 4 ? "grid-cols-4" : "grid-cols-5"}`} aria-label={s.kind === "return" ? "Return progress" : "Delivery progress"}>
        {s.steps.map((step) => (
          <li key={step.key} aria-current={step.state === "current" ? "step" : undefined} className="min-w-0">
            <span
              aria-hidden="true"
              className={`block h-1.5 rounded-full ${
                step.state === "upcoming" ? "bg-line" : step.state === "done" || s.tone === "ok" ? "bg-ok" : s.tone === "attention" ? "bg-gold" : "bg-plum"
              }`}
            />
            <span className={`mt-1.5 block text-[11px] leading-tight sm:text-xs ${step.state === "current" ? "font-semibold text-ink" : "text-muted"}`}>
              {step.state === "done" ? <CheckIcon className="mr-0.5 inline h-3 w-3 text-ok" /> : null}
              {step.label}
              <span className="sr-only">{step.state === "upcoming" ? " (not yet)" : step.state === "current" ? " (current)" : " (done)"}</span>
            </span>
          </li>
        ))}
      </ol>

      {s.courier || s.awb || s.trackUrl ? (
        <div className="mt-4 space-y-1 text-sm" data-testid="shipment-courier">
          {s.courier || s.awb ? (
            <p className="text-muted">
              {s.courier ? <span className="text-ink">{s.courier}</span> : null}
              {s.courier && s.awb ? " · " : null}
              {s.awb ? (
                <span className="whitespace-nowrap">
                  AWB <span className="tabular-nums text-ink">{s.awb}</span>
                </span>
              ) : null}
            </p>
          ) : null}
          {s.trackUrl ? (
            <a href={s.trackUrl} target="_blank" rel="noopener noreferrer" className="inline-block font-semibold text-plum underline">
              Track on the courier’s site<span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : null}
        </div>
      ) : null}

      {s.items.length ? (
        <ul className="mt-4 flex flex-wrap gap-3" aria-label={s.kind === "return" ? "Items in this return" : "Items in this parcel"}>
          {s.items.map((item) => (
            <li key={item.line_item_id} className="flex items-center gap-2 text-sm">
              <span className="relative h-12 w-10 flex-none overflow-hidden rounded bg-sand">
                {item.thumbnail ? <Image src={item.thumbnail} alt="" fill sizes="40px" className="object-cover" /> : null}
              </span>
              <span>
                {item.title}
                <span className="text-muted"> × {item.quantity}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      {s.events.length ? (
        <details className="mt-4 rounded-lg border border-line p-3 text-sm" data-testid="shipment-events">
          <summary className="cursor-pointer font-medium">
            Tracking history ({s.events.length} {s.events.length === 1 ? "update" : "updates"})
          </summary>
          <ol className="mt-3 space-y-3 border-l-2 border-line pl-4">
            {s.events.map((e) => (
              <li key={e.key}>
                <p>{e.text}</p>
                {e.at || e.location ? <p className="text-xs text-muted">{[e.at, e.location].filter(Boolean).join(" · ")}</p> : null}
              </li>
            ))}
          </ol>
          <p className="mt-3 text-xs text-muted">Times are in India Standard Time.</p>
        </details>
      ) : null}
    </article>
  )
}

/** What shows while tracking loads: the shape of one parcel, no content to misread. */
export function OrderTrackingSkeleton() {
  return (
    <div className="space-y-4" data-testid="order-tracking-loading">
      <span role="status" className="sr-only">
        Loading tracking…
      </span>
      <div aria-hidden="true" className="animate-pulse rounded-2xl border border-line bg-white p-4 sm:p-5">
        <div className="h-4 w-32 rounded bg-sand" />
        <div className="mt-2 h-3 w-48 rounded bg-sand" />
        <div className="mt-5 grid grid-cols-5 gap-1.5">
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i}>
              <div className="h-1.5 rounded-full bg-sand" />
              <div className="mt-2 h-2.5 w-3/4 rounded bg-sand" />
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
