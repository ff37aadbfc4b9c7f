/**
 * Whose request this is, for rate limits (the stylist's and the store API's). Shoppers
 * reach the backend through the storefront's server (and in production a load balancer),
 * so the socket's address is often that hop's, the same for every shopper. A hop on a loopback or private address is
 * ours and its `x-forwarded-for` is believed (from the right: what our hops appended); a
 * request straight from the internet is judged by its own address, whatever header it sends.
 */
const PRIVATE_V4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./]

export function isPrivateAddress(address: string): boolean {
  const a = address.trim().toLowerCase().replace(/^::ffff:/, "")
  if (PRIVATE_V4.some((range) => range.test(a))) return true
  return a === "::1" || /^f[cd][0-9a-f]{2}:/.test(a) || /^fe80:/.test(a)
}

/**
 * The shopper's address: our own hops append to x-forwarded-for, so it is read from the
 * right, past entries of our private network, to the first public one. Entries further
 * left were written by whoever sent the request and cannot be trusted.
 */
export function clientAddress(peer: string | undefined | null, forwardedFor: string | string[] | undefined | null): string {
  const own = (peer ?? "").trim() || "unknown"
  if (!isPrivateAddress(own) || !forwardedFor) return own
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor
  const entries = header.split(",").map((e) => e.trim()).filter((e) => /^[0-9a-f.:]{2,45}$/i.test(e))
  for (let i = entries.length - 1; i >= 0; i--) if (!isPrivateAddress(entries[i])) return entries[i]
  // Forwarded only by our own hops: the first of them is where the request started.
  return entries[0] ?? own
}

/**
 * The public address a request comes from, or null when it comes from our own network
 * alone (the storefront's server, a health check, through our proxy or not): such traffic
 * is not limited by address.
 */
export function publicClientAddress(peer: string | undefined | null, forwardedFor: string | string[] | undefined | null): string | null {
  const address = clientAddress(peer, forwardedFor)
  return address === "unknown" || isPrivateAddress(address) ? null : address
}
