/**
 * Delivery in India with Shiprocket (the plugin's simulator, started by globalSetup; its
 * pincode rules: 79xxxx prepaid only, xxx999 not served, the rest served with COD):
 * - the product page's pincode check: a typo is explained, a date and cash on delivery
 *   for a pincode, "not available" and "we do not deliver" where so, remembered next time;
 * - checkout's courier options with their delivery dates, next to the flat rates;
 * - cash on delivery refused at the payment step where couriers do not collect cash,
 *   and the couriers' word when they do;
 * - the order page: whole before there is a parcel (tracking shows nothing), then the
 *   parcel booked with the courier once the order is packed.
 */
import type { Browser, Page } from "playwright-core"
import { BACKEND, INDIA_ADDRESS, admin, collectPageErrors, horizontalOverflow, launchBrowser, newShopper, screenshot, uniqueEmail } from "./support"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type StoreVariant = { id: string; inventory_quantity: number; options: { value: string }[] }
type StoreProduct = { id: string; handle: string; title: string; variants: StoreVariant[] }

const SIZE = /^(XS|S|M|L|XL|XXL)$/
/** "Tue, 2 Dec" */
const DAY = /\w{3}, \d{1,2} \w{3}/

/** An in-stock product and a size of the colour its page opens on, found through the Store API. */
async function productWithSize(skip = 0): Promise<{ handle: string; size: string }> {
  const res = await fetch(`${BACKEND}/store/products?limit=60&expand=variants,variants.options`)
  const { products } = (await res.json()) as { products: StoreProduct[] }
  const found: { handle: string; size: string }[] = []
  for (const product of products) {
    const inStock = product.variants.filter((v) => v.inventory_quantity > 2)
    const colour = inStock[0]?.options.find((o) => !/^(XXS|XS|S|M|L|XL|XXL|\d+)$/.test(o.value))?.value
    const variant = inStock.find((v) => v.options.some((o) => o.value === colour) && v.options.some((o) => SIZE.test(o.value)))
    if (colour && variant) found.push({ handle: product.handle, size: variant.options.find((o) => SIZE.test(o.value))!.value })
  }
  if (!found[skip]) throw new Error("the seeded catalog has too few products with a size in stock")
  return found[skip]
}

async function addToBag(page: Page, handle: string, size: string): Promise<void> {
  await page.goto(`/in/products/${handle}`)
  await page.getByTestId("size-picker").locator("label", { has: page.locator(`input[value="${size}"]`) }).click()
  await page.getByTestId("add-to-bag").click()
  await page.getByTestId("add-status").getByText("View bag").waitFor()
}

async function enterAddress(page: Page, email: string, address: { postal_code: string; city: string; province: string }): Promise<void> {
  const form = page.getByTestId("address-form")
  const emailField = form.getByLabel("Email")
  if (await emailField.count()) await emailField.fill(email)
  await form.getByLabel("First name").fill(INDIA_ADDRESS.first_name)
  await form.getByLabel("Last name").fill(INDIA_ADDRESS.last_name)
  await form.getByLabel("House number and street").fill(INDIA_ADDRESS.address_1)
  await form.getByLabel("City").fill(address.city)
  await form.getByLabel("State").selectOption(address.province)
  await form.getByLabel("Pincode").fill(address.postal_code)
  await form.getByLabel("Mobile number").fill(INDIA_ADDRESS.phone)
  await page.getByTestId("address-submit").click()
  await page.waitForURL(/step=delivery/)
}

async function checkPincode(page: Page, pincode: string): Promise<void> {
  const box = page.getByTestId("delivery-check")
  await box.getByLabel("Check delivery").fill(pincode)
  await box.getByTestId("delivery-check-submit").click()
}

test("the product page tells a pincode's delivery date and cash on delivery, and remembers the pincode", async () => {
  const { page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  const { handle } = await productWithSize()
  await page.goto(`/in/products/${handle}`)
  const box = page.getByTestId("delivery-check")
  const result = box.getByTestId("delivery-check-result")

  await checkPincode(page, "56000")
  await expect(box.getByTestId("delivery-check-error").textContent()).resolves.toBe("A pincode has 6 digits, like 560001")
  await expect(box.getByLabel("Check delivery").getAttribute("aria-invalid")).resolves.toBe("true")

  await checkPincode(page, INDIA_ADDRESS.postal_code)
  await result.getByText(/^Delivery by/).waitFor()
  await expect(result.textContent()).resolves.toMatch(new RegExp(`Delivery by ${DAY.source}\\s*to ${INDIA_ADDRESS.postal_code}.*Cash on delivery available`))
  await screenshot(page, "product-delivery-check")
  expect(await horizontalOverflow(page)).toBe(0)

  await checkPincode(page, "791001")
  await result.getByText("Cash on delivery not available").waitFor()
  await expect(result.textContent()).resolves.toMatch(/Delivery by/)

  await checkPincode(page, "110999")
  await result.getByText("We do not deliver to 110999 yet").waitFor()

  // Another product, later: the pincode is filled in and checked again.
  await page.goto(`/in/products/${(await productWithSize(1)).handle}`)
  // The saved pincode is filled in after hydration: wait for its answer before reading the field.
  await page.getByTestId("delivery-check-result").getByText("We do not deliver to 110999 yet").waitFor()
  await expect(page.getByTestId("delivery-check").getByLabel("Check delivery").inputValue()).resolves.toBe("110999")

  // Not in the US store.
  await page.goto(`/us/products/${handle}`)
  await page.getByTestId("add-to-bag").waitFor()
  await expect(page.getByTestId("delivery-check").count()).resolves.toBe(0)
  expect(errors).toEqual([])
})

test("checkout shows the courier options' delivery dates next to the flat rates, and the couriers' word on cash on delivery", async () => {
  const { page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  const { handle, size } = await productWithSize(2)
  await addToBag(page, handle, size)
  await page.goto("/in/checkout")
  await enterAddress(page, uniqueEmail("courier"), { postal_code: INDIA_ADDRESS.postal_code, city: INDIA_ADDRESS.city, province: INDIA_ADDRESS.province })

  const form = page.getByTestId("delivery-form")
  const couriers = form.locator("label[data-shiprocket]")
  const flatRates = form.locator("label:not([data-shiprocket])")
  await couriers.first().waitFor()
  expect(await flatRates.count()).toBeGreaterThan(0)
  for (let i = 0; i < (await couriers.count()); i++) {
    await expect(couriers.nth(i).getByTestId("delivery-arrival").textContent()).resolves.toMatch(new RegExp(`^Arrives (by ${DAY.source}|in \\d+–\\d+ days)$`))
  }
  await expect(form.getByTestId("delivery-dates-unavailable").count()).resolves.toBe(0)
  await expect(flatRates.first().getByRole("radio").isEnabled()).resolves.toBe(true)
  await screenshot(page, "checkout-delivery-dates")
  expect(await horizontalOverflow(page)).toBe(0)

  await couriers.first().getByRole("radio").check()
  await page.getByTestId("delivery-submit").click()
  await page.waitForURL(/step=payment/)
  const cod = page.getByTestId("payment-cod")
  await expect(cod.getByRole("radio").isDisabled()).resolves.toBe(false)
  await expect(cod.getByTestId("cod-pincode").textContent()).resolves.toBe(`Available for pincode ${INDIA_ADDRESS.postal_code}`)

  // A pincode where couriers deliver but do not collect cash.
  await page.getByRole("link", { name: "Change delivery address" }).click()
  await page.waitForURL(/step=address/)
  await enterAddress(page, uniqueEmail("courier"), { postal_code: "791001", city: "Itanagar", province: "Arunachal Pradesh" })
  await page.getByTestId("delivery-form").getByRole("radio").first().check()
  await page.getByTestId("delivery-submit").click()
  await page.waitForURL(/step=payment/)
  await expect(page.getByTestId("payment-cod").getByRole("radio").isDisabled()).resolves.toBe(true)
  // In the words of the COD session when it knows, else of the couriers' answer.
  await expect(page.getByTestId("payment-cod").textContent()).resolves.toMatch(/791001/)
  await expect(page.getByTestId("payment-cod").textContent()).resolves.toMatch(/not available|do not collect/i)
  await screenshot(page, "checkout-cod-couriers")
  expect(errors).toEqual([])
})

/** A guest's COD order at 560001 shipped with a courier option; ends on its confirmation page. */
async function placeCourierOrder(page: Page, label: string): Promise<string> {
  const { handle, size } = await productWithSize(3)
  await addToBag(page, handle, size)
  await page.goto("/in/checkout")
  await enterAddress(page, uniqueEmail(label), { postal_code: INDIA_ADDRESS.postal_code, city: INDIA_ADDRESS.city, province: INDIA_ADDRESS.province })
  await page.getByTestId("delivery-form").locator("label[data-shiprocket]").first().getByRole("radio").check()
  await page.getByTestId("delivery-submit").click()
  await page.waitForURL(/step=payment/)
  await page.getByTestId("payment-cod").getByRole("radio").check()
  await page.getByTestId("payment-submit").click()
  await page.waitForURL(/step=review/)
  await page.getByTestId("place-order").click()
  await page.waitForURL(/\/in\/order\/confirmed\//)
  await page.getByTestId("order-confirmed").waitFor()
  return page.url().split("/").pop()!
}

let trackedOrder: { page: Page; errors: string[]; orderId: string } | null = null

test("the order page is whole before there is a parcel: tracking streams in after the rest and shows nothing", async () => {
  const { page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  const orderId = await placeCourierOrder(page, "tracked")
  await page.getByTestId("order-tracking-loading").waitFor({ state: "detached" })
  await expect(page.getByTestId("order-tracking").count()).resolves.toBe(0)
  await expect(page.getByTestId("order-total").textContent()).resolves.toMatch(/₹/)
  await expect(page.getByTestId("order-timeline").textContent()).resolves.toMatch(/Order placed/)
  expect(errors).toEqual([])
  trackedOrder = { page, errors, orderId }
})

test("once packed, the parcel booked with the courier shows on the order page: steps, courier and AWB", async () => {
  if (!trackedOrder) throw new Error("needs the order placed by the previous test")
  const { page, errors, orderId } = trackedOrder
  // The items are packed: the parcel is booked with the courier in the background.
  const { order } = await admin<{ order: { items: { id: string; quantity: number }[] } }>(`/admin/orders/${orderId}`)
  await admin(`/admin/orders/${orderId}/fulfillment`, { body: { items: order.items.map((i) => ({ item_id: i.id, quantity: i.quantity })) } })
  const parcel = page.getByTestId("order-tracking").getByTestId("shipment").first()
  for (let i = 0; i < 30 && !(await parcel.getByTestId("shipment-courier").count()); i++) {
    await page.waitForTimeout(1000)
    await page.reload()
    await page.getByTestId("order-total").waitFor()
    await page.getByTestId("order-tracking-loading").waitFor({ state: "detached" })
  }
  await expect(parcel.getAttribute("data-kind")).resolves.toBe("forward")
  await expect(parcel.getByRole("heading").textContent()).resolves.toBe("Your parcel")
  await expect(parcel.getByRole("list", { name: "Delivery progress" }).textContent()).resolves.toMatch(/Ordered.*Picked up.*In transit.*Out for delivery.*Delivered/)
  await expect(parcel.locator('[aria-current="step"]').count()).resolves.toBe(1)
  await expect(parcel.getByTestId("shipment-courier").textContent()).resolves.toMatch(/AWB \S+/)
  await expect(parcel.textContent()).resolves.not.toMatch(/fail/i)
  await screenshot(page, "order-tracking")
  expect(await horizontalOverflow(page)).toBe(0)
  expect(errors).toEqual([])
})
