/**
 * Which hosts the image optimiser may fetch from. Pure: reads only the env object given.
 */
export type RemotePattern = { protocol?: "http" | "https"; hostname: string; port?: string; pathname?: string }

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.includes(hostname) || hostname.endsWith(".localhost")
}

function patternFor(raw: string): RemotePattern | null {
  try {
    const url = new URL(raw.includes("://") ? raw : `https://${raw}`)
    const protocol = url.protocol.replace(":", "")
    if (protocol !== "http" && protocol !== "https") return null
    const path = url.pathname.replace(/\/+$/, "")
    return { protocol, hostname: url.hostname, port: url.port, pathname: `${path}/**` }
  } catch {
    return null
  }
}

export function imageRemotePatterns(env: Record<string, string | undefined>): RemotePattern[] {
  const configured = [env.MEDUSA_BACKEND_URL, env.S3_URL, ...(env.STOREFRONT_IMAGE_HOSTS ?? "").split(",")]
    .map((v) => v?.trim())
    .filter((v): v is string => Boolean(v))
    .map(patternFor)
    .filter((p): p is RemotePattern => p !== null)
  // Embedded defaults: the backend on localhost, any port (tests use free ports), its uploads only.
  const local: RemotePattern[] = ["localhost", "127.0.0.1"].map((hostname) => ({ protocol: "http", hostname, pathname: "/uploads/**" }))
  const seen = new Set<string>()
  return [...configured, ...local].filter((p) => {
    const key = JSON.stringify(p)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
