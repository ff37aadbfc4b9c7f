/**
 * The widget's access to the plugin's admin API: reads and small actions through medusa-react's
 * custom hooks (the dashboard's admin session), the upload through XMLHttpRequest, which alone
 * reports how much of the request body has been sent. Every query carries QUERY_KEY, so one
 * invalidation after any action refreshes every view of the models.
 */
import { useRefreshCustomQueries } from "@fashion/plugin-kit/admin"
import { useQueryClient } from "@tanstack/react-query"
import { useAdminCustomDelete, useAdminCustomPost, useAdminCustomQuery, useMedusa } from "medusa-react"
import { isInFlight, refusalFrom, type Refusal } from "./format"
import type { AdminModel, ModelDeleteResponse, ModelListResponse, ModelResponse, RefusalBody } from "./types"

export { errorMessage } from "@fashion/plugin-kit/admin"

export const QUERY_KEY = ["3d-models"]

export const useRefreshModels = () => useRefreshCustomQueries(QUERY_KEY[0])

/** While any model waits or is being processed, the list is read this often, so its progress moves. */
export const PROCESSING_POLL_MS = 1500
const pollWhileInFlight = (data: { models?: AdminModel[] } | undefined): number | false => (data?.models?.some(isInFlight) ? PROCESSING_POLL_MS : false)
/** medusa-react's option type leaves out refetchInterval, but passes it on to react-query. */
const polling = { refetchInterval: pollWhileInFlight } as Record<string, unknown>

const listPath = (productId: string) => `/products/${productId}/3d-models`

export function useProductModels(productId: string) {
  return useAdminCustomQuery<Record<string, never>, ModelListResponse>(listPath(productId), QUERY_KEY, undefined, {
    enabled: !!productId,
    retry: false,
    ...polling,
  })
}

/**
 * Puts a just-accepted model into the product's list at once (primary first, as the API orders
 * them), so it shows as queued without waiting for the next read; the refresh then follows it.
 */
export function useShowUploadedModel(productId: string) {
  const queryClient = useQueryClient()
  const refresh = useRefreshModels()
  return (model: AdminModel) => {
    // medusa-react keys custom queries [path, query, queryKey].
    queryClient.setQueriesData<ModelListResponse>(
      { predicate: (q) => q.queryKey[0] === listPath(productId) && Array.isArray(q.queryKey[2]) && (q.queryKey[2] as unknown[])[0] === QUERY_KEY[0] },
      (old) => {
        if (!old) return old
        const others = old.models.filter((m) => m.id !== model.id)
        return { ...old, models: model.is_primary ? [model, ...others] : [...others, model] }
      }
    )
    void refresh()
  }
}

/** A POST without a body to one model's action (retry, primary); the list is refreshed when it succeeds. */
export function useModelAction(modelId: string, action: "retry" | "primary") {
  const refresh = useRefreshModels()
  return useAdminCustomPost<Record<string, never>, ModelResponse>(`/3d-models/${modelId}/${action}`, [], undefined, { onSuccess: () => void refresh() })
}

export function useDeleteModel(modelId: string) {
  const refresh = useRefreshModels()
  return useAdminCustomDelete<ModelDeleteResponse>(`/3d-models/${modelId}`, [], undefined, { onSuccess: () => void refresh() })
}

/**
 * Where the admin sends its API calls, as medusa-react's client was configured: an absolute
 * URL, or "/" (or "") when the backend serves the admin. medusa-js keeps it in a private
 * field, so it is read defensively, falling back to the page's own origin.
 */
export function useApiRoot(): string {
  const { client } = useMedusa()
  const config = (client as unknown as { client?: { config?: { baseUrl?: unknown } } })?.client?.config
  const base = typeof config?.baseUrl === "string" && config.baseUrl ? config.baseUrl : "/"
  const root = new URL(base, window.location.origin).href
  return root.endsWith("/") ? root : `${root}/`
}

export type UploadProgress = { loaded: number; total: number }

export type UploadResult = { ok: true; model: AdminModel } | { ok: false; refusal: Refusal }

export type UploadHandle = { done: Promise<UploadResult>; abort: () => void }

/**
 * POSTs `file` as multipart field "file" to /admin/products/:id/3d-models with the session
 * cookie. `onProgress` follows the request body; `onSentAll` fires once the whole file is sent
 * and the server is checking it (that can take seconds for a large model).
 */
export function uploadModel(apiRoot: string, productId: string, file: File, handlers: { onProgress: (p: UploadProgress) => void; onSentAll: () => void }): UploadHandle {
  const xhr = new XMLHttpRequest()
  const done = new Promise<UploadResult>((resolve) => {
    xhr.open("POST", new URL(`admin/products/${encodeURIComponent(productId)}/3d-models`, apiRoot).href)
    xhr.withCredentials = true
    xhr.setRequestHeader("Accept", "application/json")
    // The body is the file plus multipart framing: shown as a share of the file's own size, the
    // numbers match the size the merchant sees on their disk.
    xhr.upload.onprogress = (e) => {
      const fraction = e.lengthComputable && e.total > 0 ? Math.min(1, e.loaded / e.total) : 0
      handlers.onProgress({ loaded: Math.round(fraction * file.size), total: file.size })
    }
    xhr.upload.onload = () => handlers.onSentAll()
    xhr.onload = () => {
      let body: unknown = xhr.responseText
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // not JSON: a proxy's page, say; refusalFrom keeps the start of the text
      }
      const model = (body as Partial<ModelResponse> | null)?.model
      if (xhr.status >= 200 && xhr.status < 300 && model) resolve({ ok: true, model })
      else resolve({ ok: false, refusal: refusalFrom(xhr.status, body as RefusalBody | string | null) })
    }
    xhr.onerror = () => {
      // A server refusing a file that is too large may answer and close before reading it all;
      // the browser then reports only a broken connection.
      resolve({
        ok: false,
        refusal: {
          title: "The upload did not reach the server",
          message: `The connection broke while sending ${file.name}. Check the network and try again; if the file is very large, it may be over the server's limit (100 MB unless configured otherwise).`,
          problems: [],
          code: null,
        },
      })
    }
    xhr.onabort = () => resolve({ ok: false, refusal: { title: "Upload cancelled", message: `${file.name} was not uploaded.`, problems: [], code: "cancelled" } })
    const form = new FormData()
    form.append("file", file, file.name)
    xhr.send(form)
  })
  return { done, abort: () => xhr.abort() }
}
