import type { FitCounts } from "@/lib/medusa/types"
import { fitShares } from "@/lib/core/reviews"

const COLOURS = { runs_small: "bg-gold-light", true_to_size: "bg-ok", runs_large: "bg-plum" } as const

/**
 * How a product fits by its reviews: one bar split into runs small / true to size / runs
 * large, with the shares written under it (the words are what screen readers read).
 */
export function FitBar({ counts, compact = false }: { counts: FitCounts; compact?: boolean }) {
  const { total, shares } = fitShares(counts)
  if (!total) return null
  return (
    <div data-testid="fit-bar">
      <div aria-hidden="true" className={`flex overflow-hidden rounded-full bg-sand ${compact ? "h-1.5" : "h-2.5"}`}>
        {shares.map((s) => (s.percent ? <span key={s.fit} className={COLOURS[s.fit]} style={{ width: `${s.percent}%` }} /> : null))}
      </div>
      {compact ? (
        <p className="sr-only">{shares.map((s) => `${s.label} ${s.percent}%`).join(", ")}</p>
      ) : (
        <ul className="mt-1.5 flex flex-wrap justify-between gap-x-3 text-xs text-muted">
          {shares.map((s) => (
            <li key={s.fit} className="flex items-center gap-1">
              <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${COLOURS[s.fit]}`} />
              {s.label} {s.percent}%
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
