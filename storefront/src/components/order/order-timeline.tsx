import type { Order } from "@/lib/medusa/types"
import { orderTimeline } from "@/lib/core/order-timeline"
import { CheckIcon } from "@/components/common/icons"

const dateFormat = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" })

export function OrderTimeline({ order }: { order: Order }) {
  const steps = orderTimeline(order)
  return (
    <ol className="relative space-y-6 border-l-2 border-line pl-6" aria-label="Order status" data-testid="order-timeline">
      {steps.map((s) => (
        <li key={s.key} className="relative" aria-current={s.state === "current" ? "step" : undefined}>
          <span
            className={`absolute -left-[2.05rem] flex h-6 w-6 items-center justify-center rounded-full border-2 ${
              s.state === "upcoming" ? "border-line bg-ivory" : s.key === "canceled" ? "border-sale bg-sale text-white" : "border-ok bg-ok text-white"
            }`}
            aria-hidden="true"
          >
            {s.state !== "upcoming" ? <CheckIcon className="h-3.5 w-3.5" /> : null}
          </span>
          <p className={`font-medium ${s.state === "upcoming" ? "text-muted" : ""}`}>
            {s.label}
            <span className="sr-only">{s.state === "upcoming" ? " (not yet)" : s.state === "current" ? " (current)" : " (done)"}</span>
          </p>
          {s.at && s.state !== "upcoming" ? <p className="text-xs text-muted">{dateFormat.format(new Date(s.at))}</p> : null}
          {s.detail ? <p className="text-sm text-muted">{s.detail}</p> : null}
        </li>
      ))}
    </ol>
  )
}
