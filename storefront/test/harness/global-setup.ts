/**
 * One real backend (fresh database, migrations, seed) and the storefront's production
 * build on `next start`, shared by every e2e test file; their URLs go to STATE_FILE.
 * Shiprocket is the plugin's simulator (plugins/shiprocket/simulator), so India gets
 * courier options, delivery dates and cash on delivery by pincode as in production.
 */
import fs from "fs"
import path from "path"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack } = require("../../../backend/scripts/lib/test-stack-client.cjs")
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort, startNextServer } = require("../../../backend/scripts/lib/next-server.cjs")
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startShiprocketSimulator } = require("../../../plugins/shiprocket/simulator/shiprocket-simulator.cjs")

/** The API user the simulator accepts and the backend logs in as. */
const SHIPROCKET_USER = { email: "api@example.com", password: "secret" }

export const STATE_FILE = path.resolve(__dirname, "..", ".e2e-stack.json")
const storefrontDir = path.resolve(__dirname, "..", "..")

export default async function globalSetup(): Promise<void> {
  // While writing tests: reuse a running store instead of starting one per run.
  if (process.env.E2E_STOREFRONT_URL && process.env.E2E_BACKEND_URL) {
    const backend = { baseUrl: process.env.E2E_BACKEND_URL, adminEmail: "admin@example.com", adminPassword: "supersecret" }
    fs.writeFileSync(STATE_FILE, JSON.stringify({ backend, storefrontUrl: process.env.E2E_STOREFRONT_URL, storefrontLog: null }))
    return
  }
  if (!fs.existsSync(path.join(storefrontDir, ".next", "BUILD_ID"))) {
    throw new Error("The storefront is not built: run `npm run build -w storefront` (npm test at the root builds first)")
  }
  const shiprocket = await startShiprocketSimulator({ port: 0, ...SHIPROCKET_USER })
  let stack
  try {
    stack = await startStack({ SHIPROCKET_API_URL: shiprocket.url, SHIPROCKET_EMAIL: SHIPROCKET_USER.email, SHIPROCKET_PASSWORD: SHIPROCKET_USER.password })
  } catch (error) {
    await shiprocket.close()
    throw error
  }
  const port = await freePort()
  const storefrontUrl = `http://127.0.0.1:${port}`
  const logFile = path.join(stack.info.logDir, "storefront.log")
  let next
  try {
    next = await startNextServer({
      dir: storefrontDir,
      port,
      host: "127.0.0.1",
      env: { ...process.env, MEDUSA_BACKEND_URL: stack.info.baseUrl, STOREFRONT_URL: storefrontUrl, REVIEWS_CACHE_SECONDS: "1", PRODUCT_3D_CACHE_SECONDS: "1" },
      logFile,
      timeoutMs: 60000,
    })
  } catch (error) {
    await stack.stop()
    await shiprocket.close()
    throw error
  }
  fs.writeFileSync(STATE_FILE, JSON.stringify({ backend: stack.info, storefrontUrl, storefrontLog: logFile }))
  Object.assign(globalThis, { __E2E__: { stack, next, shiprocket } })
}
