import type { ReviewSummary as Summary } from "@/lib/medusa/types"
import { fitShares, fitVerdict, ratingBars, reviewCountText } from "@/lib/core/reviews"
import { FitBar } from "./fit-bar"
import { Stars } from "./stars"

/** The product's rating at a glance: average with stars, how the ratings spread, and how it fits (overall and per size). */
export function ReviewSummary({ summary }: { summary: Summary }) {
  const fit = fitShares(summary.fit)
  const verdict = fitVerdict(summary.fit)
  return (
    <div className="space-y-6" data-testid="review-summary">
      <div className="flex items-center gap-3">
        <p className="font-display text-5xl leading-none" data-testid="review-average">
          {summary.average_rating !== null ? summary.average_rating.toFixed(1) : "–"}
        </p>
        <div>
          <Stars value={summary.average_rating} count={summary.count} className="h-5 w-5" />
          <p className="text-sm text-muted" data-testid="review-count">
            {reviewCountText(summary.count)}
          </p>
        </div>
      </div>

      <table className="w-full text-sm">
        <caption className="sr-only">Ratings by number of stars</caption>
        <tbody>
          {ratingBars(summary.ratings).map((bar) => (
            <tr key={bar.stars}>
              <th scope="row" className="w-16 py-0.5 pr-2 text-left font-normal text-muted">
                {bar.stars} {bar.stars === 1 ? "star" : "stars"}
              </th>
              <td className="py-0.5">
                <span aria-hidden="true" className="block h-2 overflow-hidden rounded-full bg-sand">
                  <span className="block h-full rounded-full bg-gold" style={{ width: `${bar.percent}%` }} />
                </span>
              </td>
              <td className="w-14 py-0.5 pl-2 text-right tabular-nums text-muted">
                {bar.count}
                <span className="sr-only"> ({bar.percent}%)</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {fit.total ? (
        <div data-testid="review-fit">
          <h3 className="font-sans text-sm font-semibold">
            How it fits{verdict ? <span className="font-normal text-muted">: {verdict.toLowerCase()}</span> : null}
          </h3>
          <p className="mb-2 text-xs text-muted">From {fit.total} {fit.total === 1 ? "shopper" : "shoppers"} who said how it fits</p>
          <FitBar counts={summary.fit} />
          {summary.fit_by_size.length ? (
            <table className="mt-4 w-full text-xs" data-testid="review-fit-by-size">
              <caption className="mb-1 text-left font-semibold text-ink">By size</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">Size</th>
                  <th scope="col">Fit</th>
                  <th scope="col">Answers</th>
                </tr>
              </thead>
              <tbody>
                {summary.fit_by_size.map((row) => (
                  <tr key={row.size}>
                    <th scope="row" className="w-12 py-1 pr-2 text-left font-semibold">
                      {row.size}
                    </th>
                    <td className="py-1">
                      <FitBar counts={row} compact />
                    </td>
                    <td className="w-28 py-1 pl-2 text-right text-muted">
                      {fitVerdict(row)?.replace(/^Mostly /, "") ?? ""} ({row.count})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
