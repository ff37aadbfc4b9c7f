/**
 * Orders list: one line saying whether the shop is healthy, and what needs the merchant when
 * something does (failed supplier orders, parcels, 3D models, errors), linking to the Store
 * health page. Refreshes every 15 s while visible, like the page (they share the query).
 */
import { ErrorNote, Loading } from "@fashion/plugin-kit/admin"
import type { WidgetConfig, WidgetProps } from "@medusajs/admin"
import { Button, Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { LevelDot, LevelPill } from "../components/health-tile"
import { LINKS, OVERALL_WORD, errorMessage, useStoreHealth, type IndicatorKey } from "../lib/store-health"

const SHORT_LABEL: Record<IndicatorKey, string> = {
  database: "Database",
  redis: "Redis",
  search: "Search",
  errors_5xx: "Server errors",
  store_latency: "Store speed",
  store_cache: "Store cache",
  supplier_outbox: "Supplier messages",
  supplier_failed_orders: "Supplier orders",
  shiprocket_failed: "Shiprocket",
  models_3d: "3D models",
  stylist_sessions: "Stylist",
  memory: "Memory",
}

const ACTION: Partial<Record<IndicatorKey, string>> = {
  supplier_failed_orders: LINKS.supplierOrders,
  shiprocket_failed: LINKS.shiprocketSettings,
}

const OrderListStoreHealth = (_props: WidgetProps) => {
  const { data, isLoading, isError, error, refetch, isFetching } = useStoreHealth()

  if (isLoading) {
    return (
      <Container data-testid="store-health-widget">
        <Loading label="Checking the store's health…" />
      </Container>
    )
  }
  if (isError && !data) {
    return (
      <Container data-testid="store-health-widget">
        <ErrorNote
          title="Could not check the store's health"
          message={errorMessage(error)}
          action={
            <Button size="small" variant="secondary" onClick={() => refetch()} isLoading={isFetching}>
              Try again
            </Button>
          }
        />
      </Container>
    )
  }
  if (!data) return null

  const attention = data.indicators.filter((i) => i.level === "warning" || i.level === "critical")
  return (
    <Container data-testid="store-health-widget" data-level={data.level}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-x-3">
          <Text size="small" weight="plus">
            Store health
          </Text>
          <LevelPill level={data.level}>{OVERALL_WORD[data.level]}</LevelPill>
          {isError && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              (could not refresh: {errorMessage(error)})
            </Text>
          )}
        </div>
        <Link to={LINKS.storeHealth} className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover" data-testid="store-health-widget-link">
          Open Store health →
        </Link>
      </div>
      {attention.length > 0 && (
        <ul className="mt-3 flex flex-col gap-y-1.5">
          {attention.map((i) => (
            <li key={i.key} className="flex items-start gap-x-2" data-testid={`widget-${i.key}`} data-level={i.level}>
              <span className="pt-1.5">
                <LevelDot level={i.level} />
              </span>
              <Text size="small" className="text-ui-fg-subtle">
                <span className="text-ui-fg-base font-medium">{SHORT_LABEL[i.key]}:</span> {i.reason}{" "}
                {ACTION[i.key] && (
                  <Link to={ACTION[i.key]!} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                    Open →
                  </Link>
                )}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "order.list.before",
}

export default OrderListStoreHealth
