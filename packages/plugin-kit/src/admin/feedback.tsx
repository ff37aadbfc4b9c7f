/** How a view says it is loading, empty, failed, or wants to remark on something. */
import { Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

export const ErrorNote = ({ title, message, action, children, ...data }: { title?: string; message: string; action?: ReactNode; children?: ReactNode } & Record<`data-${string}`, string>) => {
  return (
    <div role="alert" className="border-ui-border-error bg-ui-bg-subtle flex items-start justify-between gap-x-4 rounded-md border px-4 py-3" {...data}>
      {/* min-w-0 lets a long message wrap instead of pushing the action out of the box. */}
      <div className="min-w-0">
        {title && (
          <Text size="small" weight="plus" className="text-ui-fg-error">
            {title}
          </Text>
        )}
        <Text size="small" className="text-ui-fg-subtle break-words">
          {message}
        </Text>
        {children}
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

export const Spinner = () => <span className="border-ui-border-strong inline-block h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-t-transparent" />

export const Loading = ({ label = "Loading…" }: { label?: string }) => {
  return (
    <div className="flex items-center gap-x-2 py-4" aria-busy="true">
      <Spinner />
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
