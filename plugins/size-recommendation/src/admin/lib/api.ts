/**
 * The admin UI's access to the plugin's admin API (and the Medusa routes it reads), through
 * medusa-react's client (the admin session the dashboard already has) and react-query.
 * Every query of the plugin's data starts with QUERY_KEY, so one invalidation after any
 * change refreshes every view of the plugin (the settings page and the product widget).
 */
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query"
import { useMedusa } from "medusa-react"
import type {
  Category,
  CategoryListResponse,
  ModelResponse,
  SizeChart,
  SizeChartBody,
  SizeChartDeleteResponse,
  SizeChartListResponse,
  SizeChartResponse,
} from "./types"

export const QUERY_KEY = "size-recommendation"
const CATEGORIES_KEY = "size-recommendation-categories"

export { errorMessage } from "@fashion/plugin-kit/admin"

/** medusa-js's admin.custom: paths are relative to /admin. */
function useCustom() {
  const { client } = useMedusa()
  return client.admin.custom
}

/** Refreshes every query of the plugin's data. */
export function useRefreshSizeData() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === QUERY_KEY })
}

// ---------------------------------------------------------------- size charts

export type ChartFilter = { product_id?: string; category_id?: string }

export function useSizeCharts(filter: ChartFilter = {}, options: { enabled?: boolean } = {}) {
  const custom = useCustom()
  return useQuery<SizeChartListResponse, Error>(
    [QUERY_KEY, "charts", filter],
    () => custom.get<ChartFilter, SizeChartListResponse>("/size-charts", filter),
    { retry: false, ...options }
  )
}

/** One query per category (in the order given), for the category charts a product may use. */
export function useCategoryCharts(categoryIds: string[]) {
  const custom = useCustom()
  return useQueries({
    queries: categoryIds.map((category_id) => ({
      queryKey: [QUERY_KEY, "charts", { category_id }],
      queryFn: () => custom.get<ChartFilter, SizeChartListResponse>("/size-charts", { category_id }),
      retry: false,
    })),
  })
}

/** Creates (no id) or updates (id) a chart; when it succeeds, resolves once the plugin's data is fresh again. */
export function useSaveChart() {
  const custom = useCustom()
  const refresh = useRefreshSizeData()
  return useMutation<SizeChart, Error, { id?: string; body: SizeChartBody }>(
    async ({ id, body }) => {
      const res = await custom.post<Record<string, unknown>, SizeChartResponse>(id ? `/size-charts/${id}` : "/size-charts", body)
      return res.size_chart
    },
    { onSuccess: () => refresh() }
  )
}

export function useDeleteChart() {
  const custom = useCustom()
  const refresh = useRefreshSizeData()
  return useMutation<SizeChartDeleteResponse, Error, string>((id) => custom.delete<SizeChartDeleteResponse>(`/size-charts/${id}`), {
    onSuccess: () => refresh(),
  })
}

// ---------------------------------------------------------------- the size model

/** While the model trains (also when started elsewhere: a new review, the periodic check), the view polls. */
export const TRAINING_POLL_MS = 2000

export function useSizeModel() {
  const custom = useCustom()
  return useQuery<ModelResponse, Error>([QUERY_KEY, "model"], () => custom.get<Record<string, never>, ModelResponse>("/size-recommendation"), {
    retry: false,
    refetchInterval: (data) => (data?.model.state === "training" ? TRAINING_POLL_MS : false),
  })
}

/** POST /admin/size-recommendation trains now and answers when done, with the new state. */
export function useRetrain() {
  const custom = useCustom()
  const queryClient = useQueryClient()
  return useMutation<ModelResponse, Error, void>(() => custom.post<Record<string, never>, ModelResponse>("/size-recommendation", {}), {
    onSuccess: (data) => queryClient.setQueryData([QUERY_KEY, "model"], data),
    // A failed training leaves its error in the model's state: read it.
    onError: () => void queryClient.invalidateQueries([QUERY_KEY, "model"]),
  })
}

// ---------------------------------------------------------------- Medusa's catalog

const CATEGORY_PAGE = 500

/** Every product category (Medusa's admin API, paged), for the picker and the walk up to parents. */
export function useAllCategories() {
  const custom = useCustom()
  return useQuery<Category[], Error>(
    [CATEGORIES_KEY],
    async () => {
      const out: Category[] = []
      for (let offset = 0; ; offset += CATEGORY_PAGE) {
        const page = await custom.get<Record<string, number>, CategoryListResponse>("/product-categories", { limit: CATEGORY_PAGE, offset })
        out.push(...page.product_categories)
        if (page.product_categories.length < CATEGORY_PAGE || out.length >= page.count) return out
      }
    },
    { retry: false, staleTime: 60_000 }
  )
}

/**
 * The ids of a product's categories. The product page's product carries them (Medusa adds
 * `categories` to the admin product when product categories are on); when it does not, they
 * are read from /admin/products/:id?expand=categories.
 */
export function useProductCategoryIds(product: { id: string; categories?: { id: string }[] | null }) {
  const custom = useCustom()
  const given = Array.isArray(product.categories) ? product.categories.map((c) => c.id) : null
  const query = useQuery<string[], Error>(
    [QUERY_KEY, "product-categories", product.id],
    async () => {
      const res = await custom.get<Record<string, string>, { product: { categories?: { id: string }[] } }>(`/products/${product.id}`, { expand: "categories" })
      return (res.product.categories ?? []).map((c) => c.id)
    },
    { enabled: given === null, retry: false }
  )
  return given !== null ? { ids: given, isLoading: false, error: null as Error | null } : { ids: query.data ?? null, isLoading: query.isLoading, error: query.error }
}
