import type { NextRequest } from "next/server"
import { backendUrl } from "@/lib/medusa/client"
import { uploadPath } from "@/lib/core/model-viewer"
import { REQUEST_ID_HEADER } from "@/lib/core/request-id"
import { backendRequestId } from "@/lib/medusa/request-id"

/**
 * The backend's local file service (`{MEDUSA_BACKEND_URL}/uploads/…`) on the storefront's
 * own origin, for the 3D viewer: model-viewer fetches models with XHR, which a different
 * origin answers only with CORS headers, and the local file service sends none. Done here
 * rather than as a next.config rewrite because rewrites are fixed at build time, while the
 * backend URL is read at request time (one build serves any environment). S3 files never
 * come through here (lib/core/model-viewer.ts).
 */

type Context = { params: Promise<{ path: string[] }> }

/** What the browser needs to cache, resume and type the file; nothing about the backend itself. */
const PASSED_ON = ["content-type", "content-length", "etag", "last-modified", "cache-control", "accept-ranges", "content-range"]
const ASKED_FOR = ["range", "if-none-match", "if-modified-since"]

async function pass(request: NextRequest, context: Context, method: "GET" | "HEAD"): Promise<Response> {
  const path = uploadPath((await context.params).path)
  if (!path) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } })
  // Uncompressed from the backend so the length passed on is the body's; this server compresses for the browser.
  const headers: Record<string, string> = { "accept-encoding": "identity", [REQUEST_ID_HEADER]: await backendRequestId() }
  for (const name of ASKED_FOR) {
    const value = request.headers.get(name)
    if (value) headers[name] = value
  }
  let res: Response
  try {
    res = await fetch(`${backendUrl()}${path}`, { method, headers, cache: "no-store", redirect: "manual", signal: request.signal })
  } catch {
    return new Response("The store's files are not reachable", { status: 502, headers: { "cache-control": "no-store" } })
  }
  // A redirect from the file service would point the browser at another origin (or the backend's insides): not passed on.
  if (res.status >= 300 && res.status < 400 && res.status !== 304) {
    await res.body?.cancel()
    return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } })
  }
  const out = new Headers()
  for (const name of PASSED_ON) {
    const value = res.headers.get(name)
    if (value) out.set(name, value)
  }
  return new Response(method === "HEAD" || res.status === 304 ? null : res.body, { status: res.status, headers: out })
}

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return pass(request, context, "GET")
}

export function HEAD(request: NextRequest, context: Context): Promise<Response> {
  return pass(request, context, "HEAD")
}
