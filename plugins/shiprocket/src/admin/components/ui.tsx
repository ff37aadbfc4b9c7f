/** Small building blocks shared by the plugin's pages and widgets. */
import { Badge, Label, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { STAGE_COLOR, STATE_COLOR, STATE_LABEL, stageLabel, type BadgeColor, type Tone } from "../lib/format"

export const Field = ({ label, htmlFor, hint, error, children, className }: { label: string; htmlFor?: string; hint?: ReactNode; error?: string; children: ReactNode; className?: string }) => {
  return (
    <div className={clx("flex flex-col gap-y-1", className)}>
      <Label htmlFor={htmlFor} size="small" weight="plus">
        {label}
      </Label>
      {children}
      {error ? (
        <Text size="xsmall" className="text-ui-fg-error">
          {error}
        </Text>
      ) : hint ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
    </div>
  )
}

export const Pill = ({ color, children, ...data }: { color: BadgeColor; children: ReactNode } & Record<`data-${string}`, string>) => {
  return (
    <Badge color={color} size="small" {...data}>
      {children}
    </Badge>
  )
}

/** The booking state of a shipment (pending, booking, booked, failed, cancelled). */
export const StatePill = ({ state }: { state: string }) => {
  return (
    <Pill color={STATE_COLOR[state] ?? "grey"} data-state={state}>
      {STATE_LABEL[state] ?? state}
    </Pill>
  )
}

/** Where the parcel is (pickup pending, in transit, delivered…). */
export const StagePill = ({ stage }: { stage: string }) => {
  return (
    <Pill color={STAGE_COLOR[stage] ?? "grey"} data-stage={stage}>
      {stageLabel(stage)}
    </Pill>
  )
}

const TONE_CLASS: Record<Tone, string> = {
  green: "bg-ui-tag-green-icon",
  orange: "bg-ui-tag-orange-icon",
  red: "bg-ui-tag-red-icon",
  grey: "bg-ui-tag-neutral-icon",
  blue: "bg-ui-tag-blue-icon",
}

/** A one-line state with a coloured square in front. */
export const ToneLine = ({ tone, children, ...data }: { tone: Tone; children: ReactNode } & Record<`data-${string}`, string>) => {
  return (
    <div className="flex items-center gap-x-2" data-tone={tone} {...data}>
      <span className={clx("h-2 w-2 shrink-0 rounded-sm", TONE_CLASS[tone])} />
      <Text size="small" weight="plus">
        {children}
      </Text>
    </div>
  )
}

export const ErrorNote = ({ title, message, action }: { title?: string; message: string; action?: ReactNode }) => {
  return (
    <div role="alert" className="border-ui-border-error bg-ui-bg-subtle flex items-start justify-between gap-x-4 rounded-md border px-4 py-3">
      <div className="min-w-0">
        {title && (
          <Text size="small" weight="plus" className="text-ui-fg-error">
            {title}
          </Text>
        )}
        <Text size="small" className="text-ui-fg-subtle break-words">
          {message}
        </Text>
      </div>
      {action}
    </div>
  )
}

/** A neutral remark (not an error): a hint, a note on what a setting means. */
export const Note = ({ children, className }: { children: ReactNode; className?: string }) => {
  return (
    <div className={clx("bg-ui-bg-subtle rounded-md px-3 py-2", className)}>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {children}
      </Text>
    </div>
  )
}

export const Loading = ({ label = "Loading…" }: { label?: string }) => {
  return (
    <div className="flex items-center gap-x-2 py-4" aria-busy="true">
      <span className="border-ui-border-strong h-4 w-4 animate-spin rounded-full border-2 border-t-transparent" />
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
    </div>
  )
}

export const Empty = ({ children }: { children: ReactNode }) => {
  return (
    <div className="bg-ui-bg-subtle rounded-md px-4 py-6 text-center">
      <Text size="small" className="text-ui-fg-subtle">
        {children}
      </Text>
    </div>
  )
}

/** "Label value" pairs in a wrapping row, for the facts of a shipment. */
export const Facts = ({ items, ...data }: { items: { label: string; value: ReactNode; mono?: boolean }[] } & Record<`data-${string}`, string>) => {
  return (
    <dl className="grid grid-cols-[repeat(auto-fill,minmax(150px,1fr))] gap-x-4 gap-y-2" {...data}>
      {items.map((f) => (
        <div key={f.label} className="flex min-w-0 flex-col">
          <dt className="txt-compact-xsmall text-ui-fg-subtle">{f.label}</dt>
          <dd className={clx("txt-compact-small text-ui-fg-base break-words", f.mono && "font-mono")}>{f.value}</dd>
        </div>
      ))}
    </dl>
  )
}
