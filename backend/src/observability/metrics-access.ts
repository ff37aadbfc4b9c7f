import { createHash, timingSafeEqual } from "crypto"
import { clientAddress, isPrivateAddress } from "@fashion/plugin-kit/client-address"

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; message: string }

export type MetricsRequestFacts = {
  /** METRICS_TOKEN; unset or blank means "network rule" */
  token?: string
  authorization?: string | string[]
  /** the socket's peer, not req.ip: Express trusts one proxy hop, so req.ip is whatever x-forwarded-for says */
  peer?: string | null
  forwardedFor?: string | string[] | null
}

/** Hashing first makes both sides the same length, which timingSafeEqual requires. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest()
  const b = createHash("sha256").update(expected).digest()
  return timingSafeEqual(a, b)
}

/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>`,
 * from anywhere (a hosted Prometheus). Without it: only our own network, meaning the peer
 * is loopback or private and so is every address our proxies recorded, so a shopper
 * coming through the load balancer is refused even though its hop is private.
 */
export function metricsAccess(facts: MetricsRequestFacts): MetricsAccess {
  const token = facts.token?.trim()
  if (token) {
    const header = Array.isArray(facts.authorization) ? facts.authorization[0] : facts.authorization
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")
    if (match && sameSecret(match[1], token)) return { allowed: true }
    return { allowed: false, status: 401, message: "Send Authorization: Bearer <METRICS_TOKEN>." }
  }
  const peer = (facts.peer ?? "").trim()
  if (peer && isPrivateAddress(peer) && isPrivateAddress(clientAddress(peer, facts.forwardedFor))) return { allowed: true }
  return { allowed: false, status: 403, message: "Metrics are served to loopback and private addresses only; set METRICS_TOKEN to scrape from elsewhere." }
}
