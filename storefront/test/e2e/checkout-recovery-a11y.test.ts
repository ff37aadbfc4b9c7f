/**
 * Checkout when things go wrong, and checkout without a mouse:
 * - cash on delivery refused for a pincode: the reason is shown, and changing the address fixes it;
 * - an item sells out before the order is placed: the error is shown, the bag is kept, and
 *   choosing another size lets the order through;
 * - the whole checkout with the keyboard alone, where every form field has a label.
 */
import type { Browser, Page } from "playwright-core"
import { DESKTOP, INDIA_ADDRESS, admin, collectPageErrors, launchBrowser, newShopper, screenshot, uniqueEmail } from "./support"

let browser: Browser
// Products whose stock a test changed; later tests pick others (product pages are cached briefly).
const touched: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type StoreVariant = { id: string; inventory_quantity: number; options: { value: string }[] }
type StoreProduct = { id: string; handle: string; title: string; variants: StoreVariant[] }

/** An in-stock product with at least two in-stock sizes of one colour, found through the Store API. */
async function productWithTwoSizes(skip: string[] = []): Promise<{ product: StoreProduct; sizes: string[] & { variantIds: string[] } }> {
  const { BACKEND } = await import("./support")
  const res = await fetch(`${BACKEND}/store/products?limit=60&expand=variants,variants.options`)
  const { products } = (await res.json()) as { products: StoreProduct[] }
  for (const product of products) {
    if (skip.includes(product.handle)) continue
    const inStock = product.variants.filter((v) => v.inventory_quantity > 1)
    const colour = inStock[0]?.options.find((o) => !/^(XXS|XS|S|M|L|XL|XXL|\d+)$/.test(o.value))?.value
    const sameColour = inStock.filter((v) => v.options.some((o) => o.value === colour) && v.options.some((o) => /^(XS|S|M|L|XL|XXL)$/.test(o.value)))
    if (colour && sameColour.length >= 2) {
      const sizes = sameColour.map((v) => v.options.find((o) => /^(XS|S|M|L|XL|XXL)$/.test(o.value))!.value)
      return { product, sizes: Object.assign(sizes, { variantIds: sameColour.map((v) => v.id) }) }
    }
  }
  throw new Error("the seeded catalog has no product with two sizes in stock")
}

async function addSize(page: Page, handle: string, size: string): Promise<void> {
  await page.goto(`/in/products/${handle}`)
  await page.getByTestId("size-picker").locator("label", { has: page.locator(`input[value="${size}"]`) }).click()
  await page.getByTestId("add-to-bag").click()
  await page.getByTestId("add-status").getByText("View bag").waitFor()
}

async function fillAddress(page: Page, email: string, postalCode: string): Promise<void> {
  const form = page.getByTestId("address-form")
  const email_ = form.getByLabel("Email")
  if (await email_.count()) await email_.fill(email)
  await form.getByLabel("First name").fill(INDIA_ADDRESS.first_name)
  await form.getByLabel("Last name").fill(INDIA_ADDRESS.last_name)
  await form.getByLabel("House number and street").fill(INDIA_ADDRESS.address_1)
  await form.getByLabel("City").fill(postalCode.startsWith("744") ? "Port Blair" : INDIA_ADDRESS.city)
  await form.getByLabel("State").selectOption(postalCode.startsWith("744") ? "Andaman and Nicobar Islands" : INDIA_ADDRESS.province)
  await form.getByLabel("Pincode").fill(postalCode)
  await form.getByLabel("Mobile number").fill(INDIA_ADDRESS.phone)
  await page.getByTestId("address-submit").click()
  await page.waitForURL(/step=delivery/)
  await page.getByTestId("delivery-submit").click()
  await page.waitForURL(/step=payment/)
}

/** Every visible form control on the page has a label (or an aria-label) naming it. */
async function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("input, select, textarea"))
      .filter((el) => (el as HTMLInputElement).type !== "hidden")
      .filter((el) => {
        const field = el as HTMLInputElement
        const byLabel = Array.from(field.labels ?? []).some((l) => (l.textContent ?? "").trim().length > 0)
        const byAria = (field.getAttribute("aria-label") ?? "").trim() || field.getAttribute("aria-labelledby")
        return !byLabel && !byAria
      })
      .map((el) => el.outerHTML.slice(0, 120))
  )
}

test("cash on delivery refused for a pincode says why, and a new address brings it back", async () => {
  const { page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  const { product, sizes } = await productWithTwoSizes()
  await addSize(page, product.handle, sizes[0])
  await page.goto("/in/checkout")
  await fillAddress(page, uniqueEmail("island"), "744101")

  const cod = page.getByTestId("payment-cod")
  await expect(cod.getByRole("radio").isDisabled()).resolves.toBe(true)
  await expect(cod.textContent()).resolves.toMatch(/not available|Andaman|pincode/i)
  await page.getByTestId("no-payment-method").waitFor()
  await expect(page.getByTestId("payment-submit").isDisabled()).resolves.toBe(true)
  await screenshot(page, "checkout-cod-refused")

  await page.getByRole("link", { name: "Change delivery address" }).click()
  await page.waitForURL(/step=address/)
  await page.getByTestId("address-form").getByLabel("Pincode").fill(INDIA_ADDRESS.postal_code)
  await page.getByTestId("address-form").getByLabel("City").fill(INDIA_ADDRESS.city)
  await page.getByTestId("address-form").getByLabel("State").selectOption(INDIA_ADDRESS.province)
  await page.getByTestId("address-submit").click()
  await page.waitForURL(/step=delivery/)
  await page.getByTestId("delivery-submit").click()
  await page.waitForURL(/step=payment/)
  await expect(page.getByTestId("payment-cod").getByRole("radio").isDisabled()).resolves.toBe(false)
  await expect(page.getByTestId("bag-link").getAttribute("aria-label")).resolves.toBe("Bag, 1 item")
  expect(errors).toEqual([])
})

test("an item that sells out before the order is placed: the shopper is told, keeps her bag, picks another size and orders", async () => {
  const { page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  const { product, sizes } = await productWithTwoSizes(touched)
  touched.push(product.handle)
  await addSize(page, product.handle, sizes[0])
  await page.goto("/in/checkout")
  await fillAddress(page, uniqueEmail("unlucky"), INDIA_ADDRESS.postal_code)
  await page.getByTestId("payment-cod").getByRole("radio").check()
  await page.getByTestId("payment-submit").click()
  await page.waitForURL(/step=review/)

  // Someone else buys the last one.
  const variant = product.variants.find((v) => v.id === sizes.variantIds[0])!
  const { variant: adminVariant } = await admin<{ variant: { inventory_quantity: number } }>(`/admin/variants/${variant.id}`).catch(async () => {
    const { product: p } = await admin<{ product: { variants: { id: string; inventory_quantity: number }[] } }>(`/admin/products/${product.id}`)
    return { variant: p.variants.find((v) => v.id === variant.id)! }
  })
  expect(adminVariant.inventory_quantity).toBeGreaterThan(0)
  await admin(`/admin/products/${product.id}/variants/${variant.id}`, { body: { inventory_quantity: 0 } })
  try {
    await page.getByTestId("place-order").click()
    const alert = page.getByTestId("step-review").getByRole("alert")
    await alert.waitFor()
    await expect(alert.textContent()).resolves.toMatch(/sold out/i)
    await screenshot(page, "checkout-stock-gone")
    expect(page.url()).toMatch(/\/in\/checkout/)

    await page.getByTestId("review-bag").click()
    await page.waitForURL(/\/in\/cart$/)
    const line = page.getByTestId("cart-line")
    await line.first().waitFor()
    await expect(line.getByTestId("stock-warning").textContent()).resolves.toMatch(/Sold out in this size/)
    const other = product.variants.find((v) => v.id === sizes.variantIds[1])!
    await line.getByLabel("Size").selectOption(other.id)
    await line.getByTestId("stock-warning").waitFor({ state: "detached" }).catch(async (e) => {
      throw new Error(`${e.message}\nline: ${await line.textContent()}`)
    })
    await expect(line.textContent()).resolves.toContain(`${sizes[1]} /`)

    // The bag changed, so delivery and payment are confirmed again.
    await page.getByTestId("checkout-link").click()
    await page.waitForURL(/\/in\/checkout/)
    await page.getByTestId("delivery-submit").or(page.getByTestId("payment-submit")).or(page.getByTestId("place-order")).first().waitFor()
    if (await page.getByTestId("delivery-submit").count()) {
      await page.getByTestId("delivery-submit").click()
      await page.waitForURL(/step=payment/)
    }
    if (await page.getByTestId("payment-submit").count()) {
      await page.getByTestId("payment-cod").getByRole("radio").check()
      await page.getByTestId("payment-submit").click()
      await page.waitForURL(/step=review/)
    }
    await page.getByTestId("place-order").click()
    await page.waitForURL(/\/in\/order\/confirmed\//)
    await page.getByTestId("order-confirmed").waitFor()
  } finally {
    await admin(`/admin/products/${product.id}/variants/${variant.id}`, { body: { inventory_quantity: adminVariant.inventory_quantity } })
  }
  expect(errors).toEqual([])
})

test("the whole checkout works with the keyboard alone, and every field on the way has a label", async () => {
  const { page } = await newShopper(browser, DESKTOP)
  const errors = collectPageErrors(page)
  const { product, sizes } = await productWithTwoSizes(touched)

  /** Presses Tab until the focused element matches; fails if it is never reached. */
  async function tabTo(selector: string, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab")
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    }
    throw new Error(`Tab never reached ${selector}`)
  }

  await page.goto(`/in/products/${product.handle}`)
  expect(await unlabelledFields(page)).toEqual([])
  await tabTo('input[name="size"]')
  // Arrow keys move through a radio group and choose as they go.
  for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== sizes[0]; i++) await page.keyboard.press("ArrowRight")
  await page.keyboard.press("Space")
  await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).resolves.toBe(true)
  await tabTo('[data-testid="add-to-bag"]')
  await page.keyboard.press("Enter")
  await page.getByTestId("add-status").getByText("View bag").waitFor()
  await tabTo('[data-testid="add-status"] a')
  await page.keyboard.press("Enter")
  await page.waitForURL(/\/in\/cart$/)
  expect(await unlabelledFields(page)).toEqual([])
  await tabTo('[data-testid="checkout-link"]')
  await page.keyboard.press("Enter")
  await page.waitForURL(/\/in\/checkout/)
  expect(await unlabelledFields(page)).toEqual([])

  const type = async (name: string, text: string) => {
    await tabTo(`[name="${name}"]`)
    await page.keyboard.type(text)
  }
  await type("email", uniqueEmail("keyboard"))
  await type("first_name", INDIA_ADDRESS.first_name)
  await type("last_name", INDIA_ADDRESS.last_name)
  await type("address_1", INDIA_ADDRESS.address_1)
  await type("city", INDIA_ADDRESS.city)
  await type("province", INDIA_ADDRESS.province)
  await type("postal_code", INDIA_ADDRESS.postal_code)
  await type("phone", INDIA_ADDRESS.phone)
  await expect(page.getByTestId("address-form").getByLabel("State").inputValue()).resolves.toBe(INDIA_ADDRESS.province)
  await page.keyboard.press("Enter")
  await page.waitForURL(/step=delivery/)
  expect(await unlabelledFields(page)).toEqual([])
  await tabTo('input[name="shipping_option_id"]')
  await page.keyboard.press("Space")
  await tabTo('[data-testid="delivery-submit"]')
  await page.keyboard.press("Enter")
  await page.waitForURL(/step=payment/)
  expect(await unlabelledFields(page)).toEqual([])
  await tabTo('input[name="provider_id"][value="cod"]')
  await page.keyboard.press("Space")
  await tabTo('[data-testid="payment-submit"]')
  await page.keyboard.press("Enter")
  await page.waitForURL(/step=review/)
  await tabTo('[data-testid="place-order"]')
  await page.keyboard.press("Enter")
  await page.waitForURL(/\/in\/order\/confirmed\//)
  await page.getByTestId("order-confirmed").waitFor()

  for (const path of ["/in/account/register", "/in/account/login", "/in/categories/bodycon-dresses", "/in/search?q=dress"]) {
    await page.goto(path)
    expect({ path, unlabelled: await unlabelledFields(page) }).toEqual({ path, unlabelled: [] })
  }
  expect(errors).toEqual([])
})
