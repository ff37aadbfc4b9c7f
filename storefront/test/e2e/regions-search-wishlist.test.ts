/**
 * Desktop: the US store shows dollars; country routing never loops; a misspelt search
 * still finds products, with suggestions as you type; a guest's wishlist survives
 * registering and logging in, and moves to the bag.
 */
import type { Browser, Page } from "playwright-core"
import { DESKTOP, STORE, collectPageErrors, launchBrowser, newShopper, screenshot, uniqueEmail } from "./support"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function shopper(): Promise<{ page: Page; errors: string[] }> {
  const { page } = await newShopper(browser, DESKTOP)
  return { page, errors: collectPageErrors(page) }
}

test("the US store prices everything in dollars, India in rupees", async () => {
  const { page, errors } = await shopper()
  await page.goto("/us")
  const prices = await page.locator("main").getByTestId("product-card").allTextContents()
  expect(prices.length).toBeGreaterThan(3)
  for (const card of prices) {
    expect(card).toMatch(/\$\d/)
    expect(card).not.toContain("₹")
  }
  await screenshot(page, "home")
  await page.locator("main").getByTestId("product-card").first().getByRole("link").first().click()
  await page.waitForURL(/\/us\/products\//)
  await expect(page.getByTestId("product-price").textContent()).resolves.toMatch(/^\$[\d,.]+/)
  await expect(page.getByTestId("product-price").textContent()).resolves.toMatch(/Taxes calculated at checkout/)
  await screenshot(page, "product")

  await page.goto("/in/categories/bodycon-dresses")
  await expect(page.getByTestId("product-card").first().textContent()).resolves.toMatch(/₹[\d,]+/)
  await screenshot(page, "category")
  expect(errors).toEqual([])
})

test("country routing redirects at most once and never loops", async () => {
  const hops = async (path: string, cookie?: string) => {
    const res = await fetch(`${STORE}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} })
    if (res.status < 300 || res.status >= 400) return { status: res.status, to: null }
    const to = new URL(res.headers.get("location")!, STORE)
    const next = await fetch(to, { redirect: "manual", headers: cookie ? { cookie } : {} })
    return { status: res.status, to: to.pathname + to.search, then: next.status }
  }
  expect(await hops("/")).toEqual({ status: 307, to: "/in", then: 200 })
  expect(await hops("/", "zari_country=us")).toEqual({ status: 307, to: "/us", then: 200 })
  expect(await hops("/", "zari_country=zz")).toEqual({ status: 307, to: "/in", then: 200 })
  expect(await hops("/products/ruched-satin-bodycon-midi")).toEqual({ status: 307, to: "/in/products/ruched-satin-bodycon-midi", then: 200 })
  // A country the store does not ship to is a page that does not exist, not a redirect.
  expect((await fetch(`${STORE}/fr`, { redirect: "manual" })).status).toBe(404)
})

test("a misspelt search suggests as you type and finds the products", async () => {
  const { page, errors } = await shopper()
  await page.goto("/in")
  const box = page.getByRole("combobox", { name: /Search/ })
  await box.pressSequentially("bodycn", { delay: 40 })
  const listbox = page.getByRole("listbox", { name: "Suggestions" })
  await listbox.waitFor()
  await expect(listbox.getByRole("option").first().textContent()).resolves.toMatch(/Bodycon/i)
  await screenshot(page, "search-suggestions")
  await box.press("Enter")
  await page.waitForURL(/\/in\/search\?q=bodycn/)
  await expect(page.getByTestId("corrected-query").textContent()).resolves.toMatch(/bodycon/)
  const titles = await page.getByTestId("product-card").locator("h3").allTextContents()
  expect(titles.length).toBeGreaterThan(3)
  expect(titles.filter((t) => /bodycon/i.test(t)).length).toBeGreaterThanOrEqual(Math.ceil(titles.length / 2))
  await screenshot(page, "search")
  expect(errors).toEqual([])
})

test("a guest's wishlist survives registering and logging in, and moves to the bag", async () => {
  const { page, errors } = await shopper()
  await page.goto("/in/categories/bodycon-dresses")
  const card = page.getByTestId("product-card").first()
  const title = (await card.locator("h3").textContent())!.trim()
  const heart = card.getByTestId("wishlist-toggle")
  await heart.click()
  await expect(heart.getAttribute("aria-pressed")).resolves.toBe("true")
  await page.getByText("Saved to your wishlist").waitFor({ state: "attached" })

  await page.goto("/in/wishlist")
  await expect(page.getByTestId("wishlist-items").textContent()).resolves.toContain(title)
  await screenshot(page, "wishlist")

  const email = uniqueEmail("wisher")
  await page.goto("/in/account/register")
  const form = page.getByTestId("register-form")
  await form.getByLabel("First name").fill("Kavya")
  await form.getByLabel("Last name").fill("Menon")
  await form.getByLabel("Email").fill(email)
  await form.getByLabel("Password").fill("another-long-password")
  await form.getByRole("button", { name: /Create account/ }).click()
  await page.waitForURL(/\/in\/account$/)
  await page.goto("/in/wishlist")
  await expect(page.getByTestId("wishlist-items").textContent()).resolves.toContain(title)

  // Logged out, this device shows an empty wishlist; logging in brings it back.
  await page.goto("/in/account")
  await page.getByRole("button", { name: "Log out" }).click()
  await page.waitForURL(/\/in$/)
  await page.goto("/in/wishlist")
  await page.getByText("Nothing saved yet").waitFor()

  await page.goto("/in/account/login?next=/in/wishlist")
  const login = page.getByTestId("login-form")
  await login.getByLabel("Email").fill(email)
  await login.getByLabel("Password").fill("another-long-password")
  await login.getByRole("button", { name: /Log in/ }).click()
  await page.waitForURL(/\/in\/wishlist$/)
  const items = page.getByTestId("wishlist-items")
  await expect(items.textContent()).resolves.toContain(title)

  const sizes = items.locator("select").first()
  const firstInStock = await sizes.locator("option:not([disabled])").nth(1).getAttribute("value")
  await sizes.selectOption(firstInStock!)
  await items.getByTestId("move-to-bag").first().click()
  await page.getByText("Nothing saved yet").waitFor()
  await page.waitForFunction(() => document.querySelector('[data-testid="bag-link"]')?.getAttribute("aria-label") === "Bag, 1 item")
  expect(errors).toEqual([])
})
