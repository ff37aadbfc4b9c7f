/**
 * The admin UI's access to the plugin's admin API, through medusa-react's custom hooks
 * (the admin session the dashboard already has). Every query of the plugin carries
 * QUERY_KEY, so one invalidation after any action refreshes every view of the plugin.
 */
import { useRefreshCustomQueries } from "@fashion/plugin-kit/admin"
import { useAdminCustomPost, useAdminCustomQuery, useMedusa } from "medusa-react"
import { isInFlight } from "./format"
import type { OrderShipmentsResponse, Shipment, ShipmentListResponse, ShiprocketSettings } from "./types"

export { errorMessage } from "@fashion/plugin-kit/admin"

export const QUERY_KEY = ["shiprocket"]

/** Refreshes every query of the plugin (all carry QUERY_KEY). */
export const useRefreshShiprocketData = () => useRefreshCustomQueries(QUERY_KEY[0])

/** While a shipment is still being booked, views poll so its state stays current. */
export const IN_FLIGHT_POLL_MS = 10_000
const pollWhileInFlight = (data: { shipments?: Shipment[] } | undefined): number | false =>
  data?.shipments?.some(isInFlight) ? IN_FLIGHT_POLL_MS : false
/** medusa-react's option type leaves out refetchInterval, but passes it on to react-query. */
const polling = { refetchInterval: pollWhileInFlight } as Record<string, unknown>

export function useOrderShipments(orderId: string) {
  return useAdminCustomQuery<Record<string, never>, OrderShipmentsResponse>(`/orders/${orderId}/shiprocket`, QUERY_KEY, undefined, {
    enabled: !!orderId,
    ...polling,
  })
}

export type ShipmentQuery = { state?: string; limit?: number; offset?: number }

export function useShipments(query: ShipmentQuery, options: { keepPreviousData?: boolean; enabled?: boolean } = {}) {
  return useAdminCustomQuery<ShipmentQuery, ShipmentListResponse>("/shiprocket/shipments", QUERY_KEY, query, {
    retry: false,
    ...polling,
    ...options,
  })
}

export function useShiprocketSettings() {
  return useAdminCustomQuery<Record<string, never>, ShiprocketSettings>("/shiprocket/settings", QUERY_KEY, undefined, { retry: false })
}

/** Only the order's number, under its own cache key (not medusa-react's order cache, which holds full orders). */
export function useOrderNumber(orderId: string) {
  return useAdminCustomQuery<{ fields: string; expand: string }, { order: { id: string; display_id: number } }>(
    `/orders/${orderId}`,
    // Not QUERY_KEY: an order's number never changes, so refreshes after actions skip it.
    ["shiprocket-order-number"],
    { fields: "id,display_id", expand: "" },
    { enabled: !!orderId, staleTime: Infinity, retry: false }
  )
}

/** A POST to one of the plugin's routes that refreshes the plugin's data when it succeeds. */
export function usePluginPost<TBody extends Record<string, unknown>, TResponse>(path: string) {
  const refresh = useRefreshShiprocketData()
  return useAdminCustomPost<TBody, TResponse>(path, [], undefined, { onSuccess: () => void refresh() })
}

/**
 * The base URL the admin sends its API calls to, as configured in medusa-react's client
 * ("/" or "" when the backend serves the admin itself). medusa-js keeps it in a private
 * field, so this reads it defensively; null when it cannot be read.
 */
export function useBackendUrl(): string | null {
  const { client } = useMedusa()
  const config = (client as unknown as { client?: { config?: { baseUrl?: unknown } } })?.client?.config
  return typeof config?.baseUrl === "string" ? config.baseUrl : null
}
