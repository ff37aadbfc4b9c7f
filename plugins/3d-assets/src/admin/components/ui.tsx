/** The building blocks of the widget: the plugin kit's, and a progress bar the kit does not have. */
import { Text } from "@medusajs/ui"

export { ConfirmDialog, Empty, ErrorNote, Facts, Loading, Note, Pill, Spinner, type BadgeColor } from "@fashion/plugin-kit/admin"

export type Notify = { success: (title: string, message: string) => void; error: (title: string, message: string) => void }

/**
 * A labelled progress bar. The percentage is also written out beside it, so the state reads
 * without the bar's colour or length.
 */
export const ProgressBar = ({ label, percent, detail, ...data }: { label: string; percent: number; detail?: string } & Record<`data-${string}`, string>) => {
  const value = Math.max(0, Math.min(100, Math.round(percent)))
  return (
    <div className="flex flex-col gap-y-1" {...data}>
      <div className="flex items-baseline justify-between gap-x-2">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {detail ?? label}
        </Text>
        <Text size="xsmall" className="text-ui-fg-base tabular-nums" data-testid="progress-percent">
          {value}%
        </Text>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={detail ? `${value}%, ${detail}` : `${value}%`} className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full">
        {/* The width is set inline: a computed Tailwind class would not exist in the admin's stylesheet. */}
        <div className="bg-ui-fg-interactive h-full rounded-full transition-[width] duration-300" style={{ width: `${value}%` }} />
      </div>
    </div>
  )
}
