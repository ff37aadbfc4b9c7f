/** Small building blocks shared by the plugin's pages and widgets. */
import { Badge, Label, Text, clx } from "@medusajs/ui"
import type { ReactNode, SelectHTMLAttributes } from "react"
import { STATUS_COLOR, STATUS_LABEL } from "../lib/format"

/** A native select styled like @medusajs/ui's Input: works inside tables and forms without portals. */
export const NativeSelect = ({ className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) => {
  return (
    <select
      {...props}
      className={clx(
        "bg-ui-bg-field shadow-borders-base txt-compact-small text-ui-fg-base h-8 w-full rounded-md px-2 outline-none",
        "hover:bg-ui-bg-field-hover focus:shadow-borders-interactive-with-active disabled:text-ui-fg-disabled disabled:cursor-not-allowed",
        className
      )}
    >
      {children}
    </select>
  )
}

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

export const StatusPill = ({ status, label }: { status: string; label?: string }) => {
  return (
    <Badge color={STATUS_COLOR[status] ?? "grey"} size="small" data-status={status}>
      {label ?? STATUS_LABEL[status] ?? status}
    </Badge>
  )
}

export const ErrorNote = ({ title, message, action }: { title?: string; message: string; action?: ReactNode }) => {
  return (
    <div role="alert" className="border-ui-border-error bg-ui-bg-subtle flex items-start justify-between gap-x-4 rounded-md border px-4 py-3">
      <div>
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
