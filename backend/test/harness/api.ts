/** A small HTTP client for tests against the running test stack. */
import fs from "fs"
import path from "path"
import type { StackInfo } from "./stack"

/** The run's server (test/harness/global-setup.ts writes it, once per run). */
export function stackInfo(): StackInfo {
  const file = process.env.TEST_STACK_STATE_FILE
  if (!file) throw new Error("TEST_STACK_STATE_FILE is unset: integration tests run under jest's integration project, whose global setup starts the server")
  return JSON.parse(fs.readFileSync(file, "utf8"))
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers; text: string }

/** `baseUrl`: another server process than the stack's own (a replica). */
export async function api<T = any>(method: string, urlPath: string, options: { body?: unknown; headers?: Record<string, string>; baseUrl?: string } = {}): Promise<ApiResponse<T>> {
  const res = await fetch(`${options.baseUrl ?? stackInfo().baseUrl}${urlPath}`, {
    method,
    headers: { ...(options.body !== undefined ? { "content-type": "application/json" } : {}), ...options.headers },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  })
  const text = await res.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON (HTML, plain text)
  }
  return { status: res.status, body, headers: res.headers, text }
}

export async function adminToken(): Promise<string> {
  const { adminEmail, adminPassword } = stackInfo()
  const res = await api("POST", "/admin/auth/token", { body: { email: adminEmail, password: adminPassword } })
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`)
  return res.body.access_token
}
