/** One number of the Store health page: its label, value, level (green / amber / red / grey), why, and where to act. */
import { Pill } from "@fashion/plugin-kit/admin"
import { Heading, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { LEVEL_COLOR, LEVEL_DOT, LEVEL_WORD, type Indicator, type Level } from "../lib/store-health"

export const LevelDot = ({ level }: { level: Level }) => <span aria-hidden className={clx("inline-block h-2 w-2 shrink-0 rounded-full", LEVEL_DOT[level])} />

export const LevelPill = ({ level, children }: { level: Level; children?: ReactNode }) => (
  <Pill color={LEVEL_COLOR[level]} data-level={level}>
    {children ?? LEVEL_WORD[level]}
  </Pill>
)

export const HealthTile = ({ indicator, label, value, detail, action }: { indicator: Indicator; label: string; value: ReactNode; detail?: ReactNode; action?: ReactNode }) => (
  <div
    data-testid={`health-${indicator.key}`}
    data-level={indicator.level}
    className={clx(
      "bg-ui-bg-base flex min-w-0 flex-col gap-y-1 rounded-lg border px-4 py-3",
      indicator.level === "critical" ? "border-ui-tag-red-border" : indicator.level === "warning" ? "border-ui-tag-orange-border" : "border-ui-border-base"
    )}
  >
    <div className="flex items-center justify-between gap-x-2">
      <div className="flex min-w-0 items-center gap-x-2">
        <LevelDot level={indicator.level} />
        <Text size="small" weight="plus" className="truncate">
          {label}
        </Text>
      </div>
      <LevelPill level={indicator.level} />
    </div>
    <Text size="xlarge" weight="plus" className="text-ui-fg-base" data-testid="value">
      {value}
    </Text>
    {detail && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {detail}
      </Text>
    )}
    <Text size="small" className="text-ui-fg-subtle break-words" data-testid="reason">
      {indicator.reason}
    </Text>
    {action && <div className="pt-1">{action}</div>}
  </div>
)

export const Section = ({ title, description, children, testId }: { title: string; description?: ReactNode; children: ReactNode; testId?: string }) => (
  <section className="flex flex-col gap-y-3" data-testid={testId}>
    <div>
      <Heading level="h2">{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {/* The admin's Tailwind screens: small from 769 px, medium from 1025 px. */}
    <div className="small:grid-cols-2 medium:grid-cols-3 grid grid-cols-1 gap-3">{children}</div>
  </section>
)
