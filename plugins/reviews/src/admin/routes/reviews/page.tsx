/**
 * Reviews: the moderation queue. Pending reviews first (the default tab), then approved,
 * rejected or all, with a search over title, text, customer email, product and size.
 */
import type { RouteConfig, RouteProps } from "@medusajs/admin"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Text, clx } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { ReviewCard } from "../../components/review-card"
import { Empty, ErrorNote, Loading, Pager } from "../../components/ui"
import { errorMessage, useReviews } from "../../lib/api"
import type { ReviewStatus } from "../../lib/types"

const PAGE_SIZE = 20

type TabKey = ReviewStatus | "all"
const TABS: { key: TabKey; label: string; empty: string }[] = [
  { key: "pending", label: "Pending", empty: "Nothing to moderate: every review has been approved or rejected." },
  { key: "approved", label: "Approved", empty: "No approved reviews." },
  { key: "rejected", label: "Rejected", empty: "No rejected reviews." },
  { key: "all", label: "All", empty: "No reviews yet." },
]

const ReviewsPage = ({ notify }: RouteProps) => {
  const [tab, setTab] = useState<TabKey>("pending")
  const [offset, setOffset] = useState(0)
  const [search, setSearch] = useState("")
  const [q, setQ] = useState("")
  // Searching as she types, without a request per key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim())
      setOffset(0)
    }, 300)
    return () => clearTimeout(timer)
  }, [search])

  const query = { ...(tab === "all" ? {} : { status: tab }), ...(q ? { q } : {}), limit: PAGE_SIZE, offset }
  const { data, isLoading, isError, error, refetch, isFetching } = useReviews(query, { keepPreviousData: true })
  const reviews = data?.reviews ?? []
  const count = data?.count ?? 0
  const counts = data?.counts
  const current = TABS.find((t) => t.key === tab)!

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-y-4 pb-8" data-testid="reviews-page">
      <Container>
        <div className="mb-4 flex items-start justify-between gap-x-4">
          <div>
            <Heading level="h1">Reviews</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Shoppers' reviews wait here until you approve them; only approved reviews are shown on product pages.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
            Refresh
          </Button>
        </div>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <div role="tablist" className="flex flex-wrap items-center gap-2">
            {TABS.map((t) => {
              const n = counts ? (t.key === "all" ? counts.pending + counts.approved + counts.rejected : counts[t.key]) : undefined
              return (
                <button
                  key={t.key}
                  role="tab"
                  aria-selected={t.key === tab}
                  data-tab={t.key}
                  onClick={() => {
                    setTab(t.key)
                    setOffset(0)
                  }}
                  className={clx(
                    "txt-compact-small-plus text-ui-fg-subtle inline-flex items-center rounded-full border border-transparent px-3 py-1.5 outline-none transition-colors",
                    "hover:text-ui-fg-base focus-visible:shadow-borders-focus",
                    t.key === tab && "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest"
                  )}
                >
                  {t.label}
                  {n !== undefined && (
                    <Badge size="2xsmall" color={t.key === tab ? "blue" : "grey"} className="ml-1.5">
                      {n}
                    </Badge>
                  )}
                </button>
              )
            })}
          </div>
          <Input size="small" type="search" placeholder="Search reviews, emails, products" value={search} onChange={(e) => setSearch(e.target.value)} className="w-64" />
        </div>

        {isLoading ? (
          <Loading label="Loading reviews…" />
        ) : isError ? (
          <ErrorNote
            title="Could not load the reviews"
            message={errorMessage(error)}
            action={
              <Button size="small" variant="secondary" onClick={() => refetch()}>
                Try again
              </Button>
            }
          />
        ) : reviews.length === 0 ? (
          <Empty>{q ? `No reviews match "${q}".` : current.empty}</Empty>
        ) : (
          <div className="flex flex-col gap-y-3">
            {reviews.map((r) => (
              <ReviewCard key={r.id} review={r} notify={notify} />
            ))}
          </div>
        )}

        <Pager offset={offset} count={count} pageSize={PAGE_SIZE} onOffset={setOffset} />
      </Container>
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Reviews",
    icon: ChatBubbleLeftRight,
  },
}

export default ReviewsPage
