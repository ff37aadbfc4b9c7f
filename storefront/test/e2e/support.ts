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

/** The admin's bearer token, for calls admin() cannot make (multipart uploads). */
export async function adminAuthToken(): Promise<string> {
  if (!adminToken) {
    const res = await fetch(`${BACKEND}/admin/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: stack.backend.adminEmail, password: stack.backend.adminPassword }),
    })
    if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`)
    adminToken = ((await res.json()) as { access_token: string }).access_token
  }
  return adminToken
}

export async function admin<T = Record<string, unknown>>(pathname: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const token = await adminAuthToken()
  const res = await fetch(`${BACKEND}${pathname}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}) },
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

/** The Store API as a shopper's device calls it (a customer's bearer token when given); throws with the store's answer on failure. */
export async function storeApi<T = Record<string, unknown>>(pathname: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const res = await fetch(`${BACKEND}${pathname}`, {
    method: init.method ?? (init.body !== undefined ? "POST" : "GET"),
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  })
  if (!res.ok) throw new Error(`${init.method ?? (init.body !== undefined ? "POST" : "GET")} ${pathname}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

export type StoreCustomer = { id: string; email: string; password: string; token: string; first_name: string; last_name: string }

/** A registered customer (Store API), logged in: her bearer token for the Store API, her password for the login page. */
export async function registerCustomer(first: string, last: string): Promise<StoreCustomer> {
  const email = uniqueEmail(first.toLowerCase())
  const password = "shop-here-123"
  const { customer } = await storeApi<{ customer: { id: string } }>("/store/customers", { body: { first_name: first, last_name: last, email, password } })
  const { access_token } = await storeApi<{ access_token: string }>("/store/auth/token", { body: { email, password } })
  return { id: customer.id, email, password, token: access_token, first_name: first, last_name: last }
}

/**
 * A cash-on-delivery order in India placed by a logged-in customer through the Store API
 * (one of each variant, a flat-rate delivery to INDIA_ADDRESS), so the order is hers. Returns its id.
 */
export async function placeOrderAs(customer: StoreCustomer, variantIds: string[]): Promise<string> {
  const as = { token: customer.token }
  const { regions } = await storeApi<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
  const india = regions.find((r) => r.currency_code === "inr")
  if (!india) throw new Error("no India region")
  const { cart } = await storeApi<{ cart: { id: string } }>("/store/carts", { ...as, body: { region_id: india.id } })
  for (const variant_id of variantIds) await storeApi(`/store/carts/${cart.id}/line-items`, { ...as, body: { variant_id, quantity: 1 } })
  const address = { ...INDIA_ADDRESS, first_name: customer.first_name, last_name: customer.last_name, phone: `+91${INDIA_ADDRESS.phone}`, country_code: "in" }
  await storeApi(`/store/carts/${cart.id}`, { ...as, body: { shipping_address: address } })
  const { shipping_options } = await storeApi<{ shipping_options: { id: string; is_return: boolean; provider_id: string }[] }>(`/store/shipping-options/${cart.id}`, as)
  const flat = shipping_options.find((o) => !o.is_return && o.provider_id !== "shiprocket")
  if (!flat) throw new Error("no flat-rate delivery option for the India cart")
  await storeApi(`/store/carts/${cart.id}/shipping-methods`, { ...as, body: { option_id: flat.id } })
  await storeApi(`/store/carts/${cart.id}/payment-sessions`, { ...as, method: "POST" })
  await storeApi(`/store/carts/${cart.id}/payment-session`, { ...as, body: { provider_id: "cod" } })
  const completed = await storeApi<{ type: string; data: { id: string; customer_id: string } }>(`/store/carts/${cart.id}/complete`, { ...as, method: "POST" })
  if (completed.type !== "order" || completed.data.customer_id !== customer.id) throw new Error(`the cart did not become her order: ${JSON.stringify(completed).slice(0, 300)}`)
  return completed.data.id
}

/** Logs in through the store's login page and lands on `next`. */
export async function logIn(page: Page, customer: Pick<StoreCustomer, "email" | "password">, next: string): Promise<void> {
  await page.goto(`/in/account/login?next=${encodeURIComponent(next)}`)
  const form = page.getByTestId("login-form")
  await form.getByLabel("Email").fill(customer.email)
  await form.getByLabel("Password").fill(customer.password)
  await form.getByRole("button", { name: /Log in/ }).click()
  await page.waitForURL((url) => url.pathname === next.split("?")[0])
}
