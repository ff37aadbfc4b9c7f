/** A size chart as shoppers read it (read-only): a row per size, ranges in cm with inches under them, text columns, notes. */
import { Text } from "@medusajs/ui"
import { columnLabel, formatRange, formatRangeInches, textColumnsOf } from "../lib/chart"
import type { SizeChart } from "../lib/types"

export const ChartTable = ({ chart, ...data }: { chart: Pick<SizeChart, "measurements" | "rows" | "notes"> } & Record<`data-${string}`, string>) => {
  const texts = textColumnsOf(chart)
  return (
    <div className="flex flex-col gap-y-2" {...data}>
      <div className="-mx-2 overflow-x-auto">
        <table className="txt-compact-small min-w-full border-separate border-spacing-0">
          <thead>
            <tr className="text-ui-fg-subtle">
              <th className="border-ui-border-base border-b px-2 py-1.5 text-left font-normal">Size</th>
              {chart.measurements.map((m) => (
                <th key={m} className="border-ui-border-base border-b px-2 py-1.5 text-left font-normal">
                  {columnLabel(m)} <span className="text-ui-fg-muted">(cm)</span>
                </th>
              ))}
              {texts.map((t) => (
                <th key={t} className="border-ui-border-base border-b px-2 py-1.5 text-left font-normal">
                  {t.length <= 3 ? t.toUpperCase() : columnLabel(t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((row) => (
              <tr key={row.size} data-size={row.size}>
                <td className="border-ui-border-base txt-compact-small-plus border-b px-2 py-1.5">{row.size}</td>
                {chart.measurements.map((m) => (
                  <td key={m} className="border-ui-border-base border-b px-2 py-1.5 tabular-nums" data-column={m}>
                    {formatRange(row[m])}
                    <span className="text-ui-fg-muted block text-xs">{formatRangeInches(row[m])}</span>
                  </td>
                ))}
                {texts.map((t) => (
                  <td key={t} className="border-ui-border-base border-b px-2 py-1.5">
                    {typeof row[t] === "string" ? (row[t] as string) : "–"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chart.notes && (
        <Text size="xsmall" className="text-ui-fg-subtle whitespace-pre-line">
          {chart.notes}
        </Text>
      )}
    </div>
  )
}
