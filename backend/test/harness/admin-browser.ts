/**
 * The real admin build (backend/build, served at /app) in Chromium, logged in with the
 * dashboard's own session cookie, for the admin UI tests.
 */
import { chromium, type Page } from "playwright-core"
import { api, stackInfo } from "./api"

export type AdminBrowser = {
  page: Page
  /** uncaught errors of the page: a test's afterEach expects none */
  pageErrors: string[]
  open(path: string, selector: string): Promise<void>
  close(): Promise<void>
}

export async function openAdminBrowser(auth: Record<string, string>): Promise<AdminBrowser> {
  // The admin asks every new user about usage analytics in a full-screen dialog: answer it.
  await api("POST", "/admin/analytics-configs", { headers: auth, body: { opt_out: true, anonymize: true } })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  const { baseUrl, adminEmail, adminPassword } = stackInfo()
  const login = await context.request.post(`${baseUrl}/admin/auth`, { data: { email: adminEmail, password: adminPassword } })
  if (!login.ok()) throw new Error(`admin login: ${login.status()}`)
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  const pageErrors: string[] = []
  page.on("pageerror", (e) => pageErrors.push(e.message))

  /**
   * Opens an admin page and waits for `selector`. The admin shell itself (Medusa's
   * PrivateRoute, also on pages without any of our extensions and in a build without them)
   * now and then stays on its session spinner after a full page load although
   * GET /admin/auth answered, in about 1 load in 20 here; a reload brings it back, as it
   * would for a merchant. A page that renders normally does so in 1-4 s. After the first
   * page, the tests move inside the dashboard without reloading it.
   */
  let loaded = false
  async function open(path: string, selector: string): Promise<void> {
    if (loaded) {
      // Inside the running dashboard, move as a click on a link would: no full page load.
      await page.evaluate((to) => {
        window.history.pushState({}, "", to)
        window.dispatchEvent(new PopStateEvent("popstate"))
      }, path)
      await page.locator(selector).first().waitFor({ timeout: 15000 })
      return
    }
    for (let attempt = 1; ; attempt++) {
      if (attempt === 1) await page.goto(`${baseUrl}${path}`)
      else await page.reload()
      try {
        await page.locator(selector).first().waitFor({ timeout: 6000 })
        loaded = true
        return
      } catch (error) {
        if (attempt === 4) throw error
      }
    }
  }

  return { page, pageErrors, open, close: () => browser.close() }
}
