/**
 * One Lighthouse run on one URL in a fresh headless Chromium: mobile form factor and
 * simulated throttling (Lighthouse's defaults), the four categories the goal names.
 */
import lighthouse from "lighthouse"
import * as chromeLauncher from "chrome-launcher"
import { onCleanup } from "../lib/cleanup.mjs"

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium"
const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]

/**
 * @returns {Promise<{ scores: Record<string, number>, serverErrors: string[], lhr: object, json: string, html: string }>}
 */
export async function runLighthouse(url) {
  // handleSIGINT false: our own handler stops the backend and next too, not just Chrome.
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, handleSIGINT: false, logLevel: "silent" })
  const stopChrome = onCleanup("chrome", async () => chrome.kill())
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ["json", "html"],
      logLevel: "error",
      onlyCategories: CATEGORIES,
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const scores = {}
    for (const id of CATEGORIES) {
      const score = lhr.categories[id]?.score
      if (typeof score !== "number") throw new Error(`Lighthouse gave no ${id} score for ${url}`)
      scores[id] = Math.round(score * 100)
    }
    // A 5xx during the run (say, the store was rebuilt under `next start`) makes its scores meaningless.
    const requests = lhr.audits["network-requests"]?.details?.items ?? []
    const serverErrors = requests.filter((r) => r.statusCode >= 500).map((r) => `${r.statusCode} ${r.url}`)
    const [json, html] = result.report
    return { scores, serverErrors, lhr, json, html }
  } finally {
    await stopChrome()
  }
}
