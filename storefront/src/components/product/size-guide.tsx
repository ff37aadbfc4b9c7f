"use client"

import { useRef, useState } from "react"
import type { SizeChart } from "@/lib/medusa/types"
import { formatRange, humanize } from "@/lib/core/units"
import { CloseIcon, RulerIcon } from "@/components/common/icons"

/** The product's size chart in a native dialog (focus trapped, Escape closes), in cm or inches. */
export function SizeGuide({ chart, productTitle, defaultUnit }: { chart: SizeChart; productTitle: string; defaultUnit: "cm" | "in" }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [unit, setUnit] = useState<"cm" | "in">(defaultUnit)
  // Text columns (UK or US shoe sizes, say) follow the measurements, in the chart's order.
  const textColumns = [...new Set(chart.rows.flatMap((row) => Object.keys(row).filter((k) => k !== "size" && !chart.measurements.includes(k) && typeof row[k] === "string")))]
  const columns = [...chart.measurements, ...textColumns]
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="inline-flex items-center gap-1 text-sm font-semibold text-plum underline" data-testid="size-guide-open">
        <RulerIcon className="h-4 w-4" /> Size guide
      </button>
      <dialog ref={dialog} aria-labelledby="size-guide-title" className="m-auto w-[min(96vw,44rem)] rounded-2xl bg-ivory p-0 text-ink shadow-2xl backdrop:bg-black/50" data-testid="size-guide">
        <div className="flex items-start justify-between gap-4 border-b border-line p-5">
          <div>
            <h2 id="size-guide-title" className="text-2xl">
              Size guide
            </h2>
            <p className="text-sm text-muted">{productTitle}</p>
          </div>
          <button type="button" onClick={() => dialog.current?.close()} className="flex h-10 w-10 items-center justify-center rounded-full hover:bg-sand" aria-label="Close size guide">
            <CloseIcon />
          </button>
        </div>
        <div className="p-5">
          <div role="radiogroup" aria-label="Units" className="mb-4 inline-flex rounded-full border border-line p-1 text-sm">
            {(["cm", "in"] as const).map((u) => (
              <button key={u} type="button" role="radio" aria-checked={unit === u} onClick={() => setUnit(u)} className={`rounded-full px-4 py-1.5 ${unit === u ? "bg-ink text-ivory" : ""}`}>
                {u === "cm" ? "Centimetres" : "Inches"}
              </button>
            ))}
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Body measurements per size, in {unit === "cm" ? "centimetres" : "inches"}</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    Size
                  </th>
                  {columns.map((m) => (
                    <th key={m} scope="col" className="py-2 pr-4 font-semibold">
                      {m.length <= 3 ? m.toUpperCase() : humanize(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.rows.map((row) => (
                  <tr key={row.size} className="border-b border-line/60">
                    <th scope="row" className="py-2 pr-4 font-semibold">
                      {row.size}
                    </th>
                    {columns.map((m) => {
                      const value = row[m]
                      return (
                        <td key={m} className="py-2 pr-4 tabular-nums">
                          {Array.isArray(value) ? formatRange(value as [number, number], unit) : typeof value === "string" ? value : "–"}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {chart.notes ? <p className="mt-4 text-xs text-muted">{chart.notes}</p> : null}
        </div>
      </dialog>
    </>
  )
}
