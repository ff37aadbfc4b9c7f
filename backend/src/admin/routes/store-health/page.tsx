/**
 * Store health (sidebar): whether the shop is selling normally. The services it depends on,
 * server errors, store speed and cache, the queues with failed items (each with a link to where
 * it is handled), and this server process. Refreshes every 15 s while the page is visible.
 */
import { ErrorNote, Facts, Loading, Note } from "@fashion/plugin-kit/admin"
import type { RouteConfig } from "@medusajs/admin"
import { Heart } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { HealthTile, LevelPill, Section } from "../../components/health-tile"
import {
  LINKS,
  OVERALL_WORD,
  REFRESH_MS,
  bytes,
  count,
  errorMessage,
  indicatorOf,
  latency,
  percent,
  span,
  useStoreHealth,
  type Check,
  type RequestFigures,
  type StoreHealth,
} from "../../lib/store-health"

const time = (ms: number) => new Date(ms).toLocaleTimeString("en-IN", { hour: "2-digit", minute: "2-digit", second: "2-digit" })

const ActionLink = ({ to, children, testId }: { to: string; children: string; testId?: string }) => (
  <Link to={to} className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover" data-testid={testId}>
    {children} →
  </Link>
)

function checkValue(c: Check): string {
  if (c.status === "not_configured") return "Not configured"
  if (c.status === "ok") return "Answering"
  return c.error === "timeout" ? "Timed out" : "Not answering"
}

const checkDetail = (c: Check, extra?: string): string | undefined =>
  [c.status === "not_configured" ? "in-memory fallback" : `${c.ms < 10 ? c.ms.toFixed(1) : Math.round(c.ms)} ms`, extra].filter(Boolean).join(" · ")

const ServicesSection = ({ health }: { health: StoreHealth }) => {
  const { database, redis, search } = health.dependencies.checks
  return (
    <Section title="Services" description="What the shop needs to sell: the database, Redis (events, cache and jobs) and search." testId="store-health-services">
      <HealthTile indicator={indicatorOf(health, "database")} label="Database" value={checkValue(database)} detail={checkDetail(database, "PostgreSQL")} />
      <HealthTile indicator={indicatorOf(health, "redis")} label="Redis" value={checkValue(redis)} detail={checkDetail(redis)} />
      <HealthTile
        indicator={indicatorOf(health, "search")}
        label="Search"
        value={checkValue(search)}
        detail={checkDetail(search, search.engine === "meilisearch" ? "Meilisearch" : "PostgreSQL search")}
      />
    </Section>
  )
}

const FIGURE_ROWS: { label: string; value: (f: RequestFigures) => string; testId: string }[] = [
  { label: "Requests", value: (f) => count(f.requests), testId: "requests" },
  { label: "Server errors (5xx)", value: (f) => count(f.errors_5xx), testId: "errors" },
  { label: "Server error rate", value: (f) => percent(f.error_rate), testId: "error-rate" },
  { label: "Store requests", value: (f) => count(f.store_requests), testId: "store-requests" },
  { label: "Store p95 response time", value: (f) => latency(f.store_p95_seconds), testId: "store-p95" },
  { label: "Store cache hit ratio", value: (f) => percent(f.store_cache.hit_ratio), testId: "cache-hit-ratio" },
]

const RequestsSection = ({ health }: { health: StoreHealth }) => {
  const { since_start: all, recent, judged_on } = health.requests
  const judged = judged_on === "recent" && recent ? recent : all
  const over = judged_on === "recent" && recent ? `in the last ${span(recent.seconds)}` : "since this process started"
  const cache = judged.store_cache
  return (
    <div className="flex flex-col gap-y-3">
      <Section
        title="Requests"
        description={
          <>
            Counted by the server process that answered this page ({health.process.instance}), not the whole shop: with several servers each shows its own
            numbers, and Prometheus adds them up. Colours are judged {over}.
          </>
        }
        testId="store-health-requests"
      >
        <HealthTile
          indicator={indicatorOf(health, "errors_5xx")}
          label="Server errors (5xx)"
          value={percent(judged.error_rate ?? 0)}
          detail={`${count(judged.errors_5xx)} of ${count(judged.requests)} requests ${over}`}
        />
        <HealthTile
          indicator={indicatorOf(health, "store_latency")}
          label="Store response time (p95)"
          value={latency(judged.store_p95_seconds)}
          detail={`95% of ${count(judged.store_requests)} store requests ${over} answered within this`}
        />
        <HealthTile
          indicator={indicatorOf(health, "store_cache")}
          label="Store cache hit ratio"
          value={percent(cache.hit_ratio)}
          detail={`${count(cache.hits)} from the cache, ${count(cache.misses)} missed, ${count(cache.bypassed)} not cacheable (signed in, cart prices)`}
        />
      </Section>
      <Table data-testid="request-figures">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>This server process</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{recent ? `Last ${span(recent.seconds)}` : "Last minutes"}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Since it started ({span(all.seconds)} ago)</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {FIGURE_ROWS.map((row) => (
            <Table.Row key={row.testId} data-testid={`figure-${row.testId}`}>
              <Table.Cell>{row.label}</Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="recent">
                {recent ? row.value(recent) : "–"}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-testid="since-start">
                {row.value(all)}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!recent && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          The last minutes appear after this page has been open for half a minute.
        </Text>
      )}
    </div>
  )
}

const TREND_WORD = { growing: "growing", shrinking: "shrinking", steady: "steady", unknown: "trend not known yet" } as const

const QueuesSection = ({ health }: { health: StoreHealth }) => {
  const { supplier, shiprocket, models_3d: models, stylist } = health
  const waiting = (shiprocket.pending ?? 0) + (shiprocket.booking ?? 0)
  return (
    <div className="flex flex-col gap-y-3">
      <Section title="Queues and failed items" description="Work the shop does in the background, and the items that need you. The same on every server." testId="store-health-queues">
        <HealthTile
          indicator={indicatorOf(health, "supplier_outbox")}
          label="Messages to suppliers waiting"
          value={count(supplier.outbox_pending)}
          detail={
            supplier.outbox_pending
              ? `oldest ${span(supplier.oldest_pending_seconds ?? 0)} · ${count(supplier.outbox_retrying)} being retried · ${TREND_WORD[supplier.outbox_trend]}`
              : TREND_WORD[supplier.outbox_trend] === "trend not known yet"
                ? undefined
                : `queue ${TREND_WORD[supplier.outbox_trend]}`
          }
        />
        <HealthTile
          indicator={indicatorOf(health, "supplier_failed_orders")}
          label="Failed supplier orders"
          value={count(supplier.failed_orders)}
          action={supplier.failed_orders ? <ActionLink to={LINKS.supplierOrders} testId="link-supplier-orders">Open supplier orders (Failed tab)</ActionLink> : undefined}
        />
        <HealthTile
          indicator={indicatorOf(health, "shiprocket_failed")}
          label="Failed Shiprocket parcels"
          value={count(shiprocket.failed)}
          detail={shiprocket.pending === null ? undefined : `${count(waiting)} waiting to be booked`}
          action={shiprocket.failed ? <ActionLink to={LINKS.shiprocketSettings} testId="link-shiprocket">Open Shiprocket settings</ActionLink> : undefined}
        />
        <HealthTile
          indicator={indicatorOf(health, "models_3d")}
          label="Failed 3D models"
          value={count(models.failed)}
          detail={models.queued === null ? undefined : `${count(models.queued)} queued · ${count(models.processing)} processing`}
          action={
            models.failed_products && models.failed_products.length > 0 ? (
              <ul className="flex flex-col gap-y-1" data-testid="failed-model-products">
                {models.failed_products.map((p) => (
                  <li key={p.product_id}>
                    <ActionLink to={LINKS.product(p.product_id)}>{`${p.title ?? p.product_id}${p.failed > 1 ? ` (${p.failed})` : ""}`}</ActionLink>
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
        <HealthTile indicator={indicatorOf(health, "stylist_sessions")} label="Stylist conversations open" value={count(stylist.active_sessions)} />
      </Section>
      {health.unavailable.length > 0 && (
        <Note>Could not be read this time (shown as –): {health.unavailable.map((u) => u.source.replace(/_/g, " ")).join(", ")}. The server's log says why.</Note>
      )}
    </div>
  )
}

const ProcessSection = ({ health }: { health: StoreHealth }) => {
  const p = health.process
  const heapShare = p.memory.heap_limit_bytes > 0 ? p.memory.heap_used_bytes / p.memory.heap_limit_bytes : null
  return (
    <Section title="This server process" description="The process that answered this page." testId="store-health-process">
      <HealthTile
        indicator={indicatorOf(health, "memory")}
        label="Memory"
        value={`${bytes(p.memory.rss_bytes)}`}
        detail={`JavaScript heap ${bytes(p.memory.heap_used_bytes)} of its ${bytes(p.memory.heap_limit_bytes)} limit (${percent(heapShare)})`}
      />
      <div className="border-ui-border-base rounded-lg border px-4 py-3 medium:col-span-2">
        <Facts
          data-testid="process-facts"
          items={[
            { label: "Instance", value: p.instance, mono: true, testId: "process-instance" },
            { label: "Process id", value: String(p.pid), mono: true },
            { label: "Up for", value: span(p.uptime_seconds), testId: "process-uptime" },
            { label: "Started", value: new Date(p.started_at).toLocaleString("en-IN", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }) },
          ]}
        />
      </div>
    </Section>
  )
}

const StoreHealthPage = () => {
  const { data, isLoading, isError, error, refetch, isFetching, dataUpdatedAt } = useStoreHealth()
  const tryAgain = (
    <Button size="small" variant="secondary" onClick={() => refetch()} isLoading={isFetching} data-testid="store-health-try-again">
      Try again
    </Button>
  )

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-y-4 pb-8" data-testid="store-health-page">
      <Container>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <div className="flex items-center gap-x-3">
              <Heading level="h1">Store health</Heading>
              {data && (
                <span data-testid="store-health-overall" data-level={data.level}>
                  <LevelPill level={data.level}>{OVERALL_WORD[data.level]}</LevelPill>
                </span>
              )}
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              Whether the shop is selling normally: the services it needs, errors and speed, and the queues with items that need you.
            </Text>
          </div>
          <div className="flex items-center gap-x-3">
            {data && (
              <Text size="xsmall" className="text-ui-fg-subtle" data-testid="store-health-updated">
                Updated {time(dataUpdatedAt)} · refreshes every {REFRESH_MS / 1000} s
              </Text>
            )}
            <Button size="small" variant="secondary" onClick={() => refetch()} isLoading={isFetching && !isLoading} data-testid="store-health-refresh">
              Refresh
            </Button>
          </div>
        </div>
        {isLoading ? (
          <Loading label="Loading store health…" />
        ) : isError ? (
          <div className="mt-4">
            <ErrorNote
              data-testid="store-health-error"
              title={data ? "Could not refresh the numbers" : "Could not load the store health"}
              message={data ? `${errorMessage(error).replace(/\.$/, "")}. The numbers below are from ${time(dataUpdatedAt)}.` : errorMessage(error)}
              action={tryAgain}
            />
          </div>
        ) : null}
      </Container>
      {data && (
        <Container className="flex flex-col gap-y-8" data-testid="store-health-numbers">
          <ServicesSection health={data} />
          <RequestsSection health={data} />
          <QueuesSection health={data} />
          <ProcessSection health={data} />
        </Container>
      )}
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Store health",
    icon: Heart,
  },
}

export default StoreHealthPage
