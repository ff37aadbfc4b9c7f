/** Form pieces: a labelled field with its hint or error, and a native select. */
import { Label, Text, clx } from "@medusajs/ui"
import type { ReactNode, SelectHTMLAttributes } from "react"

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

/**
 * A native select styled like @medusajs/ui's inputs: no portal, so it works inside tables and
 * dialogs, and it is keyboard and screen-reader friendly. Its width is the caller's (className).
 */
export const NativeSelect = ({ className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) => {
  return (
    <select
      {...props}
      className={clx(
        "bg-ui-bg-field shadow-borders-base txt-compact-small text-ui-fg-base h-8 rounded-md px-2 outline-none",
        "hover:bg-ui-bg-field-hover focus:shadow-borders-interactive-with-active disabled:text-ui-fg-disabled disabled:cursor-not-allowed",
        className
      )}
    >
      {children}
    </select>
  )
}
