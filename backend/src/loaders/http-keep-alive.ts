import diagnostics_channel from "diagnostics_channel"
import type { Server } from "http"

/**
 * Node closes an idle keep-alive connection after 5 s. Clients that pool connections (the
 * storefront's fetch, nginx's upstream keepalive, a load balancer with a 60 s idle timeout)
 * can send their next request on one just as Node closes it, and a POST then fails with
 * EPIPE or "other side closed" without ever reaching a route. Holding idle connections open
 * longer than those pools keep them moves the race out of their way; Node announces the
 * timeout in its Keep-Alive header, so fetch-based clients reuse a connection only within it.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000
// Node's advice: headers may take as long as the keep-alive wait, or a slow first line is cut.
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000

const tuned = new WeakSet<Server>()

function keepIdleConnectionsOpen(message: unknown): void {
  const server = (message as { server?: Server }).server
  if (!server || tuned.has(server)) return
  tuned.add(server)
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.headersTimeout = Math.max(server.headersTimeout, HEADERS_TIMEOUT_MS)
}

/**
 * Medusa creates the HTTP server itself and gives loaders no reference to it; its first
 * request names it (the setting applies from that request's own response on).
 */
export default async function httpKeepAliveLoader(): Promise<void> {
  diagnostics_channel.subscribe("http.server.request.start", keepIdleConnectionsOpen)
}
