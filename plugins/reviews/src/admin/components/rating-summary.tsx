/** A product's rating as the store shows it: average, stars per level, fit overall and per size. */
import { Text } from "@medusajs/ui"
import { FITS, FIT_LABEL, percent, plural, stars } from "../lib/format"
import type { ReviewSummary } from "../lib/types"

const Bar = ({ share }: { share: number }) => (
  <div className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full">
    <div className="bg-ui-tag-orange-icon h-full" style={{ width: `${share}%` }} />
  </div>
)

export const RatingSummary = ({ summary }: { summary: ReviewSummary }) => {
  const fitTotal = FITS.reduce((n, f) => n + summary.fit[f], 0)
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-3" data-testid="rating-summary">
      <div>
        <Text size="xlarge" weight="plus" data-testid="average-rating">
          {summary.average_rating === null ? "No rating yet" : `${summary.average_rating.toFixed(1)} / 5`}
        </Text>
        {summary.average_rating !== null && <Text className="text-ui-tag-orange-icon">{stars(summary.average_rating)}</Text>}
        <Text size="small" className="text-ui-fg-subtle">
          {plural(summary.count, "published review")}
        </Text>
      </div>
      <div className="flex flex-col gap-y-1">
        {(["5", "4", "3", "2", "1"] as const).map((level) => (
          <div key={level} className="grid grid-cols-[2.5rem_1fr_2rem] items-center gap-x-2">
            <Text size="xsmall">{level} ★</Text>
            <Bar share={percent(summary.ratings[level], summary.count)} />
            <Text size="xsmall" className="text-ui-fg-subtle text-right">
              {summary.ratings[level]}
            </Text>
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-y-1" data-testid="fit-summary">
        <Text size="small" weight="plus">
          Fit {fitTotal ? `(${plural(fitTotal, "answer")})` : ""}
        </Text>
        {fitTotal === 0 ? (
          <Text size="xsmall" className="text-ui-fg-subtle">
            No fit feedback yet.
          </Text>
        ) : (
          <>
            {FITS.map((f) => (
              <Text key={f} size="xsmall">
                {FIT_LABEL[f]}: {summary.fit[f]} ({percent(summary.fit[f], fitTotal)}%)
              </Text>
            ))}
            {summary.fit_by_size.length > 0 && (
              <table className="txt-compact-xsmall mt-2 w-full">
                <thead>
                  <tr className="text-ui-fg-subtle text-left">
                    <th className="font-normal">Size</th>
                    {FITS.map((f) => (
                      <th key={f} className="font-normal">
                        {FIT_LABEL[f]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {summary.fit_by_size.map((row) => (
                    <tr key={row.size} data-size={row.size}>
                      <td>{row.size}</td>
                      {FITS.map((f) => (
                        <td key={f}>{row[f]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </div>
  )
}
