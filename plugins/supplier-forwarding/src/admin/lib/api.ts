/**
 * The admin UI's access to the plugin's admin API, through medusa-react's custom hooks
 * (the admin session the dashboard already has). Every query of the plugin carries
 * QUERY_KEY, so one invalidation after any action refreshes every view of the plugin.
 */
import { useRefreshCustomQueries } from "@fashion/plugin-kit/admin"
import { useAdminCustomPost, useAdminCustomQuery } from "medusa-react"
import type { ImportResult, SupplierOrder, Supplier, SupplierPerformance, VariantMapping } from "./types"

export { errorMessage } from "@fashion/plugin-kit/admin"

export const QUERY_KEY = ["supplier-forwarding"]

/** Refreshes every query of the plugin (all carry QUERY_KEY). */
export const useRefreshSupplierData = () => useRefreshCustomQueries(QUERY_KEY[0])

export function useSuppliers() {
  return useAdminCustomQuery<Record<string, never>, { suppliers: Supplier[]; count: number }>("/suppliers", QUERY_KEY)
}

export function useSupplierPerformance() {
  return useAdminCustomQuery<Record<string, never>, { performance: SupplierPerformance[] }>("/suppliers/performance", QUERY_KEY, undefined, {
    retry: false,
  })
}

/** While a message to a supplier is still on its way, views poll so the delivery state stays current. */
const IN_FLIGHT_POLL_MS = 10_000
const pollWhileInFlight = (data: { supplier_orders?: SupplierOrder[] } | undefined): number | false =>
  data?.supplier_orders?.some((so) => (so.messages ?? []).some((m) => m.status === "pending")) ? IN_FLIGHT_POLL_MS : false
/** medusa-react's option type leaves out refetchInterval, but passes it on to react-query. */
const polling = { refetchInterval: pollWhileInFlight } as Record<string, unknown>

export function useOrderSupplierOrders(orderId: string) {
  return useAdminCustomQuery<Record<string, never>, { supplier_orders: SupplierOrder[] }>(`/orders/${orderId}/supplier-orders`, QUERY_KEY, undefined, {
    enabled: !!orderId,
    ...polling,
  })
}

/** Only the order's number, under the plugin's own cache key (not medusa-react's order cache, which holds full orders). */
export function useOrderNumber(orderId: string) {
  return useAdminCustomQuery<{ fields: string; expand: string }, { order: { id: string; display_id: number } }>(
    `/orders/${orderId}`,
    // Not QUERY_KEY: an order's number never changes, so refreshes after actions skip it.
    ["supplier-forwarding-order-number"],
    { fields: "id,display_id", expand: "" },
    { enabled: !!orderId, staleTime: Infinity, retry: false }
  )
}

export type SupplierOrderQuery = { queue?: "manual" | "attention"; status?: string; supplier_id?: string; limit?: number; offset?: number }

export function useSupplierOrders(query: SupplierOrderQuery, options: { keepPreviousData?: boolean; enabled?: boolean } = {}) {
  return useAdminCustomQuery<SupplierOrderQuery, { supplier_orders: SupplierOrder[]; count: number; limit?: number; offset?: number }>(
    "/supplier-orders",
    QUERY_KEY,
    query,
    { retry: false, ...polling, ...options }
  )
}

export function useProductMappings(productId: string) {
  return useAdminCustomQuery<{ product_id: string }, { mappings: VariantMapping[] }>("/supplier-mappings", QUERY_KEY, { product_id: productId }, {
    enabled: !!productId,
    retry: false,
  })
}

/** A POST to one of the plugin's routes that refreshes the plugin's data when it succeeds. */
export function usePluginPost<TBody extends Record<string, unknown>, TResponse>(path: string) {
  const refresh = useRefreshSupplierData()
  return useAdminCustomPost<TBody, TResponse>(path, [], undefined, { onSuccess: () => void refresh() })
}

export type ImportRequest = { csv: string; dry_run?: boolean }
export type { ImportResult }
