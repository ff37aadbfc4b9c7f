import "server-only"
import { withRequestId } from "./core/request-id"
import { backendRequestId } from "./medusa/request-id"

/**
 * console.error for the storefront server, naming the request: the same id its backend calls
 * carried, so the backend's access and error lines of the same request can be found.
 * For actions and route handlers (dynamic already): it reads the request's headers.
 */
export async function logServerError(message: string, error?: unknown): Promise<void> {
  const line = withRequestId(message, await backendRequestId())
  if (error === undefined) console.error(line)
  else console.error(line, error)
}
