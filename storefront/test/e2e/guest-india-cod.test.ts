/**
 * The shopper's whole journey on a phone in India: browse a category, filter by size and
 * colour, open a product, pick a size, add to the bag, check out as a guest with cash on
 * delivery, see the confirmation; then register with the same email and find the order
 * in the account, with its status timeline.
 */
import type { Browser, Page } from "playwright-core"
import { INDIA_ADDRESS, collectPageErrors, horizontalOverflow, launchBrowser, newShopper, screenshot, uniqueEmail } from "./support"

let browser: Browser
let page: Page
let pageErrors: string[]
const email = uniqueEmail("guest")
let orderNumber = ""
let productTitle = ""

beforeAll(async () => {
  browser = await launchBrowser()
  ;({ page } = await newShopper(browser))
  pageErrors = collectPageErrors(page)
})
afterAll(async () => {
  await browser?.close()
})
afterEach(() => {
  expect(pageErrors).toEqual([])
})

test("the home page leads to a category", async () => {
  await page.goto("/")
  await page.waitForURL(/\/in$/)
  await expect(page.locator("h1").first().textContent()).resolves.toBeTruthy()
  await screenshot(page, "home")
  expect(await horizontalOverflow(page)).toBe(0)
  await page.locator("main").getByRole("link", { name: /Bodycon Dresses/ }).first().click()
  await page.waitForURL(/\/in\/categories\/bodycon-dresses/)
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Bodycon Dresses/)
  expect(await page.getByTestId("product-card").count()).toBeGreaterThan(1)
  await screenshot(page, "category")
  expect(await horizontalOverflow(page)).toBe(0)
})

test("filtering by size and colour narrows the listing and keeps the state in the URL", async () => {
  const before = await resultCount(page)
  await openFilters(page)
  await page.locator("label", { has: page.locator('input[name="size"][value="M"]') }).click()
  await page.waitForURL(/size=M/)
  const colourInput = page.locator('input[name="color"]').first()
  const colour = (await colourInput.getAttribute("value")) as string
  await openFilters(page)
  await page.locator("label", { has: page.locator(`input[name="color"][value="${colour}"]`) }).click()
  await page.waitForURL((url) => url.searchParams.getAll("color").includes(colour) && url.searchParams.get("size") === "M")
  await page.waitForFunction(() => document.querySelector('[data-testid="filters-status"]')?.textContent === "")

  const after = await resultCount(page)
  expect(after).toBeGreaterThan(0)
  expect(after).toBeLessThanOrEqual(before)
  // A shared link shows the same filtered page.
  const shared = await page.context().browser()!.newPage({ baseURL: page.url() })
  await shared.goto(page.url())
  expect(await resultCount(shared)).toBe(after)
  await shared.close()

  const card = page.getByTestId("product-card").first()
  await expect(card.locator("ul li").evaluateAll((swatches) => swatches.map((s) => s.getAttribute("title")))).resolves.toContain(colour)
  productTitle = (await card.getByRole("link").first().textContent())!.trim()
  await card.getByRole("link").first().click()
  await page.waitForURL(/\/in\/products\//)
})

test("the product page shows price with MRP and discount, a size guide, and adds the chosen size to the bag", async () => {
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(productTitle)
  await expect(page.getByTestId("product-price").textContent()).resolves.toMatch(/₹[\d,]+.*MRP ₹[\d,]+.*% off/)
  await screenshot(page, "product")
  expect(await horizontalOverflow(page)).toBe(0)

  // Adding without a size asks for one.
  await page.getByTestId("add-to-bag").click()
  await expect(page.getByTestId("add-status").textContent()).resolves.toMatch(/Choose a size/)

  await page.getByTestId("size-guide-open").click()
  const guide = page.getByTestId("size-guide")
  await guide.waitFor()
  await expect(guide.getByRole("table").textContent()).resolves.toMatch(/Bust/i)
  await page.keyboard.press("Escape")
  await guide.waitFor({ state: "hidden" })

  await page.getByTestId("size-picker").locator("label", { has: page.locator('input[value="M"]') }).click()
  await page.getByTestId("add-to-bag").click()
  await page.getByTestId("add-status").getByText("View bag").waitFor()
  await bagCountIs(page, 1)
})

test("the bag shows the line with its size, totals and the way to checkout", async () => {
  await page.getByTestId("bag-link").click()
  await page.waitForURL(/\/in\/cart$/)
  const line = page.getByTestId("cart-line")
  await line.first().waitFor()
  await expect(line.count()).resolves.toBe(1)
  await expect(line.textContent()).resolves.toContain(productTitle)
  await expect(line.textContent()).resolves.toContain("M / ")
  await expect(page.getByTestId("cart-totals").textContent()).resolves.toMatch(/Total.*₹/s)
  await screenshot(page, "cart")
  expect(await horizontalOverflow(page)).toBe(0)
  await page.getByTestId("checkout-link").click()
  await page.waitForURL(/\/in\/checkout/)
})

test("a guest checks out in India with cash on delivery and sees the confirmation", async () => {
  const form = page.getByTestId("address-form")
  // Submitting an empty form names what is missing, and nothing is lost.
  await page.getByTestId("address-submit").click()
  await form.getByText("Please correct the highlighted fields.").waitFor()

  await form.getByLabel("Email").fill(email)
  await form.getByLabel("First name").fill(INDIA_ADDRESS.first_name)
  await form.getByLabel("Last name").fill(INDIA_ADDRESS.last_name)
  await form.getByLabel("House number and street").fill(INDIA_ADDRESS.address_1)
  await form.getByLabel("City").fill(INDIA_ADDRESS.city)
  await form.getByLabel("State").selectOption(INDIA_ADDRESS.province)
  await form.getByLabel("Pincode").fill(INDIA_ADDRESS.postal_code)
  await form.getByLabel("Mobile number").fill(INDIA_ADDRESS.phone)
  await screenshot(page, "checkout-address")
  expect(await horizontalOverflow(page)).toBe(0)
  await page.getByTestId("address-submit").click()

  await page.waitForURL(/step=delivery/)
  await page.getByTestId("delivery-form").getByRole("radio").first().check()
  await page.getByTestId("delivery-submit").click()

  await page.waitForURL(/step=payment/)
  const cod = page.getByTestId("payment-cod")
  await expect(cod.textContent()).resolves.toMatch(/Cash on delivery/i)
  await cod.getByRole("radio").check()
  await screenshot(page, "checkout-payment")
  await page.getByTestId("payment-submit").click()

  await page.waitForURL(/step=review/)
  await expect(page.getByTestId("step-review").textContent()).resolves.toMatch(/Cash on delivery/i)
  await page.getByTestId("place-order").click()

  await page.waitForURL(/\/in\/order\/confirmed\//)
  await expect(page.getByTestId("order-confirmed").textContent()).resolves.toMatch(/order is placed/)
  orderNumber = (await page.getByTestId("order-number").textContent())!.trim()
  expect(orderNumber).toMatch(/^#\d+$/)
  await expect(page.locator("main").textContent()).resolves.toContain(email)
  await bagCountIs(page, 0)
  await screenshot(page, "order-confirmed")
  expect(await horizontalOverflow(page)).toBe(0)
})

test("registering with the order's email shows the order in the account, with its timeline", async () => {
  await page.getByRole("link", { name: "Create an account to track it" }).click()
  await page.waitForURL(/\/in\/account\/register/)
  const form = page.getByTestId("register-form")
  await expect(form.getByLabel("Email").inputValue()).resolves.toBe(email)
  await form.getByLabel("First name").fill(INDIA_ADDRESS.first_name)
  await form.getByLabel("Last name").fill(INDIA_ADDRESS.last_name)
  await form.getByLabel("Password").fill("a-long-password-1")
  await form.getByRole("button", { name: /Create account/ }).click()
  await page.waitForURL(/\/in\/account$/)

  await page.goto("/in/account/orders")
  const list = page.getByTestId("order-list")
  await expect(list.textContent()).resolves.toContain(orderNumber)
  await screenshot(page, "account-orders")
  await list.getByRole("link", { name: new RegExp(orderNumber) }).first().click()
  await page.waitForURL(/\/in\/account\/orders\/order_/)
  await expect(page.getByTestId("account-order-title").textContent()).resolves.toContain(orderNumber)
  await expect(page.getByTestId("order-timeline").textContent()).resolves.toMatch(/Order placed/)
  await expect(page.locator("main").textContent()).resolves.toContain(productTitle)
  await screenshot(page, "account-order")

  await page.getByRole("button", { name: "Log out" }).click()
  await page.waitForURL(/\/in(\/account\/login)?$/)
})

/** On a phone the filters sit behind a button; it stays open while the shopper picks. */
async function openFilters(p: Page): Promise<void> {
  const toggle = p.getByRole("button", { name: /Filter and sort/ })
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click()
}

/** The header's bag count follows the server's cart once the page refreshes. */
async function bagCountIs(p: Page, n: number): Promise<void> {
  const label = `Bag, ${n} ${n === 1 ? "item" : "items"}`
  await p.waitForFunction((l) => document.querySelector('[data-testid="bag-link"]')?.getAttribute("aria-label") === l, label)
}

async function resultCount(p: Page): Promise<number> {
  const text = (await p.getByTestId("result-count").textContent()) ?? ""
  return Number(text.replace(/[^\d]/g, ""))
}
