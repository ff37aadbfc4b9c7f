/** Small building blocks shared by the plugin's pages and widgets; the generic ones come from the plugin kit. */
import { Pill } from "@fashion/plugin-kit/admin"
import { Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { STAGE_COLOR, STATE_COLOR, STATE_LABEL, stageLabel, type Tone } from "../lib/format"

export { Empty, ErrorNote, Facts, Field, Loading, Note, Pager, Pill } from "@fashion/plugin-kit/admin"

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
