/** Read-only display pieces: a coloured pill and "label value" facts. */
import { Badge, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** A small badge; data-* attributes pass through (tests and styles find pills by state). */
export const Pill = ({ color, children, ...data }: { color: BadgeColor; children: ReactNode } & Record<`data-${string}`, string>) => {
  return (
    <Badge color={color} size="small" {...data}>
      {children}
    </Badge>
  )
}

/** "Label value" pairs in a wrapping row; `mono` for ids and codes, `testId` to find one fact. */
export const Facts = ({ items, ...data }: { items: { label: string; value: ReactNode; mono?: boolean; testId?: string }[] } & Record<`data-${string}`, string>) => {
  return (
    <dl className="grid grid-cols-[repeat(auto-fill,minmax(150px,1fr))] gap-x-4 gap-y-2" {...data}>
      {items.map((f) => (
        <div key={f.label} className="flex min-w-0 flex-col" data-testid={f.testId}>
          <dt className="txt-compact-xsmall text-ui-fg-subtle">{f.label}</dt>
          <dd className={clx("txt-compact-small text-ui-fg-base break-words", f.mono && "font-mono")}>{f.value}</dd>
        </div>
      ))}
    </dl>
  )
}
