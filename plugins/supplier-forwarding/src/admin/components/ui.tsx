/** Small building blocks shared by the plugin's pages and widgets; the generic ones come from the plugin kit. */
import { NativeSelect as KitNativeSelect } from "@fashion/plugin-kit/admin"
import { Badge, clx } from "@medusajs/ui"
import type { SelectHTMLAttributes } from "react"
import { STATUS_COLOR, STATUS_LABEL } from "../lib/format"

export { Empty, ErrorNote, Field, Loading, Pager } from "@fashion/plugin-kit/admin"

/** The kit's native select, full width unless told otherwise: the plugin's forms and mapping table lay it out in cells. */
export const NativeSelect = ({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) => <KitNativeSelect {...props} className={clx("w-full", className)} />

export const StatusPill = ({ status, label }: { status: string; label?: string }) => {
  return (
    <Badge color={STATUS_COLOR[status] ?? "grey"} size="small" data-status={status}>
      {label ?? STATUS_LABEL[status] ?? status}
    </Badge>
  )
}
