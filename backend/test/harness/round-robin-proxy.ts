/**
 * A small load balancer on 127.0.0.1 for tests, standing in for docker-compose's nginx
 * (backend/nginx.conf): each request goes to the next upstream in turn, with its method,
 * path, headers and streamed body; the answer comes back with its status, headers and
 * streamed body. Like nginx it appends the peer's address to X-Forwarded-For (our rate
 * limits believe that header from private hops only) and sets X-Forwarded-Proto.
 * `served` records which upstream answered each request, in order.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"

export type ServedRequest = { method: string; path: string; upstream: string; status: number }

export type RoundRobinProxy = {
  /** http://127.0.0.1:<port> */
  url: string
  upstreams: string[]
  served: ServedRequest[]
  close: () => Promise<void>
}

// Hop-by-hop headers (RFC 9110 7.6.1) stay on their hop; Node frames each side's body itself.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"])

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value
  return out
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  if (!upstreams.length) throw new Error("a proxy needs at least one upstream")
  const agent = new http.Agent({ keepAlive: true })
  const served: ServedRequest[] = []
  let next = 0

  const server = http.createServer((req, res) => {
    const upstream = upstreams[next++ % upstreams.length]
    const target = new URL(req.url ?? "/", upstream)
    const headers = endToEnd(req.headers)
    // $proxy_add_x_forwarded_for: what the client sent, then the address we saw.
    const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "")
    const forwarded = req.headers["x-forwarded-for"]
    headers["x-forwarded-for"] = forwarded ? `${Array.isArray(forwarded) ? forwarded.join(", ") : forwarded}, ${peer}` : peer
    headers["x-forwarded-proto"] = "http"
    const record: ServedRequest = { method: req.method ?? "GET", path: req.url ?? "/", upstream, status: 0 }
    served.push(record)

    const outgoing = http.request(target, { method: req.method, headers, agent }, (answer) => {
      record.status = answer.statusCode ?? 502
      res.writeHead(record.status, endToEnd(answer.headers))
      answer.pipe(res)
    })
    outgoing.on("error", (error) => {
      record.status = 502
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" })
      res.end(`proxy: ${upstream} failed: ${error.message}`)
    })
    req.pipe(outgoing)
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    upstreams,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      }),
  }
}
