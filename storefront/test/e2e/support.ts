/**
 * What every e2e file shares: the running store (from globalSetup), one Chromium per
 * file, pages at the two screen sizes we design for, screenshots, and a few calls to the
 * backend's admin API for setting the scene (stock, orders).
 */
import fs from "fs"
import path from "path"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"
import { STATE_FILE } from "../harness/global-setup"

type StackState = {
  backend: { baseUrl: string; adminEmail: string; adminPassword: string }
  storefrontUrl: string
  storefrontLog: string | null
}

export const stack: StackState = JSON.parse(fs.readFileSync(STATE_FILE, "utf8"))
export const STORE = stack.storefrontUrl
export const BACKEND = stack.backend.baseUrl

export const MOBILE = { width: 390, height: 844 }
export const DESKTOP = { width: 1440, height: 900 }

const ARTIFACTS = path.resolve(__dirname, "..", "artifacts")

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  })
}

/** A fresh shopper: own cookies, mobile-sized unless told otherwise. */
export async function newShopper(browser: Browser, viewport = MOBILE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: STORE, locale: "en-IN", isMobile: viewport === MOBILE, hasTouch: viewport === MOBILE })
  const page = await context.newPage()
  page.setDefaultTimeout(20000)
  page.setDefaultNavigationTimeout(30000)
  return { context, page }
}

/** Saves test/artifacts/<name>-<mobile|desktop>.png (full page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const size = page.viewportSize()
  const kind = size && size.width <= MOBILE.width ? "mobile" : "desktop"
  // Wait for the images in view to arrive, so the picture shows the page as a shopper sees it.
  await page.waitForFunction(() => Array.from(document.images).filter((i) => i.loading !== "lazy").every((i) => i.complete), null, { timeout: 10000 }).catch(() => undefined)
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${kind}.png`), fullPage: true })
}

/** Nothing sticks out sideways: a phone page that scrolls horizontally feels broken. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

/** Fails the test on any uncaught page error, which a shopper would see as a broken page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on("pageerror", (e) => errors.push(e.message))
  return errors
}

let adminToken: string | null = null

export async function admin<T = Record<string, unknown>>(pathname: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  if (!adminToken) {
    const res = await fetch(`${BACKEND}/admin/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: stack.backend.adminEmail, password: stack.backend.adminPassword }),
    })
    if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`)
    adminToken = ((await res.json()) as { access_token: string }).access_token
  }
  const res = await fetch(`${BACKEND}${pathname}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { authorization: `Bearer ${adminToken}`, ...(init.body ? { "content-type": "application/json" } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${pathname}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A unique address for each test so runs never collide. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
}

export const INDIA_ADDRESS = {
  first_name: "Ananya",
  last_name: "Rao",
  phone: "9876543210",
  address_1: "14 MG Road",
  city: "Bengaluru",
  province: "Karnataka",
  postal_code: "560001",
}
