/** "1–20 of 57" with Previous and Next, for a list read a page at a time; nothing when one page holds it all. */
import { Button, Text } from "@medusajs/ui"

export const Pager = ({ offset, count, pageSize, onOffset }: { offset: number; count: number; pageSize: number; onOffset: (offset: number) => void }) => {
  if (count <= pageSize) return null
  return (
    <div className="mt-4 flex items-center justify-between">
      <Text size="small" className="text-ui-fg-subtle">
        {offset + 1}–{Math.min(offset + pageSize, count)} of {count}
      </Text>
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
          Previous
        </Button>
        <Button size="small" variant="secondary" disabled={offset + pageSize >= count} onClick={() => onOffset(offset + pageSize)}>
          Next
        </Button>
      </div>
    </div>
  )
}
