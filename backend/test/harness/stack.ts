/**
 * Starts scripts/test-stack.mjs (fresh database, migrations, seed, real server) and
 * resolves with what it reports once the server answers /health. The work is done by
 * scripts/lib/test-stack-client.cjs, shared with the storefront's e2e harness and bench/.
 */
export type StackInfo = {
  baseUrl: string
  databaseUrl: string
  logDir: string
  adminEmail: string
  adminPassword: string
  pid: number
  /** where the server sends WhatsApp Cloud API calls (global-setup); a test listens there */
  whatsappApiPort?: number
  /** where the server sends Shiprocket API calls; the Shiprocket tests run the simulator there */
  shiprocketApiPort?: number
  /** where the server sends OpenAI Responses calls; the stylist tests run the simulator there */
  openaiApiPort?: number
}

export type RunningStack = { info: StackInfo; stop: () => Promise<void>; restartServer: (timeoutMs?: number) => Promise<{ pid: number; ms: number }> }

// eslint-disable-next-line @typescript-eslint/no-require-imports
const client = require("../../scripts/lib/test-stack-client.cjs") as { startStack: (extraEnv?: Record<string, string>, timeoutMs?: number) => Promise<RunningStack> }

export function startStack(extraEnv: Record<string, string> = {}, timeoutMs = 240000): Promise<RunningStack> {
  return client.startStack(extraEnv, timeoutMs)
}
