import fs from "fs"
import path from "path"
import { startStack } from "./stack"

/**
 * One file per test run (its process id): runs side by side (a developer's next to CI's,
 * or several suites at once) must not read each other's server. Tests find it through
 * TEST_STACK_STATE_FILE, which the run's processes inherit.
 */
export const STATE_FILE = path.resolve(__dirname, "..", "..", ".data", `test-stack-${process.pid}.json`)
process.env.TEST_STACK_STATE_FILE = STATE_FILE

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require("../../scripts/lib/next-server.cjs") as { freePort: () => Promise<number> }

/**
 * One real server for the whole backend test run; tests read its URL from STATE_FILE.
 * Supplier deliveries retry fast here (tests watch a delivery fail for good in seconds),
 * and WhatsApp, Shiprocket and OpenAI go to ports where their tests run the providers' simulators.
 */
export default async function globalSetup(): Promise<void> {
  // Iterating on one file: reuse a running stack (the READY json of scripts/test-stack.mjs).
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true })
  if (process.env.TEST_STACK_INFO) {
    fs.writeFileSync(STATE_FILE, process.env.TEST_STACK_INFO)
    return
  }
  const whatsappApiPort = await freePort()
  const shiprocketApiPort = await freePort()
  const openaiApiPort = await freePort()
  const stack = await startStack({
    SUPPLIER_DISPATCH_INTERVAL_MS: "200",
    SUPPLIER_RETRY_BASE_MS: "200",
    SUPPLIER_RETRY_MAX_MS: "1000",
    SUPPLIER_RETRY_MAX_ATTEMPTS: "4",
    SUPPLIER_DELIVERY_TIMEOUT_MS: "3000",
    SUPPLIER_SWEEP_INTERVAL_MS: "2000",
    WHATSAPP_API_URL: `http://127.0.0.1:${whatsappApiPort}/v21.0`,
    WHATSAPP_PHONE_NUMBER_ID: "109876543210",
    WHATSAPP_TOKEN: "test-whatsapp-token",
    SHIPROCKET_API_URL: `http://127.0.0.1:${shiprocketApiPort}/v1/external`,
    SHIPROCKET_EMAIL: "api@example.com",
    SHIPROCKET_PASSWORD: "secret",
    SHIPROCKET_DISPATCH_INTERVAL_MS: "200",
    SHIPROCKET_SWEEP_INTERVAL_MS: "2000",
    SHIPROCKET_RETRY_BASE_MS: "200",
    SHIPROCKET_RETRY_MAX_MS: "1000",
    SHIPROCKET_RETRY_MAX_ATTEMPTS: "6",
    SHIPROCKET_TRACKING_POLL_MS: "3000",
    // The simulator runs only while Shiprocket's own tests do: other suites see an outage, briefly.
    SHIPROCKET_OUTAGE_COOLDOWN_MS: "500",
    SHIPROCKET_REQUEST_TIMEOUT_MS: "3000",
    // The simulator takes more than Shiprocket's ~2 requests/s: a hundred parcels in seconds, not minutes.
    SHIPROCKET_REQUESTS_PER_SECOND: "25",
    // The stylist's tests run the OpenAI Responses simulator here; while it is down, the offline engine answers.
    OPENAI_API_KEY: "sk-test-stylist",
    OPENAI_BASE_URL: `http://127.0.0.1:${openaiApiPort}/v1`,
    OPENAI_TIMEOUT_MS: "1500",
    STYLIST_OPENAI_COOLDOWN_MS: "0",
    STYLIST_RATE_LIMIT_PER_MINUTE_IP: "300",
    STYLIST_RATE_LIMIT_PER_MINUTE_CUSTOMER: "8",
    // The 3D tests look for queued models often (uploads keep the default 100 MB limit).
    MODEL_PROCESSING_INTERVAL_MS: "500",
  })
  fs.writeFileSync(STATE_FILE, JSON.stringify({ ...stack.info, whatsappApiPort, shiprocketApiPort, openaiApiPort }))
  ;(globalThis as { __TEST_STACK__?: typeof stack }).__TEST_STACK__ = stack
}
