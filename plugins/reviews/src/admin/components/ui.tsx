/** Small building blocks shared by the reviews page and the product widget; the generic ones come from the plugin kit. */
import { Badge } from "@medusajs/ui"
import { STATUS_COLOR, STATUS_LABEL } from "../lib/format"
import type { ReviewStatus } from "../lib/types"

export { Empty, ErrorNote, Loading, Pager } from "@fashion/plugin-kit/admin"

export const StatusPill = ({ status }: { status: ReviewStatus }) => {
  return (
    <Badge color={STATUS_COLOR[status] ?? "grey"} size="small" data-status={status}>
      {STATUS_LABEL[status] ?? status}
    </Badge>
  )
}
