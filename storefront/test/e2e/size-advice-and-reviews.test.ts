/**
 * The product page's size advice and reviews, against the real plugins:
 * - a guest types her measurements (cm, then inches) and gets her size with how sure the
 *   store is, how each size may fit, and a button that picks that size; bad values are
 *   explained and nothing is stored;
 * - a logged-in shopper saves the measurements she types, and the page knows her size on arrival;
 * - a shopper who bought the dress (an order placed through the Store API) reviews the
 *   size she bought; it waits for moderation, a moderator approves it (Admin API), and the
 *   page then shows it with the rating summary and the fit bar, overall and for her size.
 */
import type { Browser, Page } from "playwright-core"
import { BACKEND, DESKTOP, admin, collectPageErrors, horizontalOverflow, launchBrowser, logIn, newShopper, placeOrderAs, registerCustomer, screenshot, storeApi } from "./support"

// A bodycon dress (the bodycon-dresses size chart: M is bust 86-91, waist 68-73, hips 92-97)
// in two colours with every size in stock, which no other test reviews.
const HANDLE = "striped-knit-bodycon-mini"
const PAGE = `/in/products/${HANDLE}`

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type StoreProduct = { id: string; title: string; variants: { id: string; options: { value: string }[] }[] }

async function product(): Promise<StoreProduct> {
  const res = await fetch(`${BACKEND}/store/products?handle=${HANDLE}&expand=variants,variants.options`)
  const { products } = (await res.json()) as { products: StoreProduct[] }
  if (!products[0]) throw new Error(`the seeded catalog has no ${HANDLE}`)
  return products[0]
}

/** The variant in that size of the colour the page opens on (the first colour, all in stock). */
function variantIn(p: StoreProduct, size: string): string {
  const colour = p.variants[0].options.find((o) => !/^(XXS|XS|S|M|L|XL|XXL)$/.test(o.value))!.value
  const variant = p.variants.find((v) => v.options.some((o) => o.value === size) && v.options.some((o) => o.value === colour))
  if (!variant) throw new Error(`${HANDLE} has no ${colour} ${size}`)
  return variant.id
}

test("a guest gets her size from the measurements she types, sees how each size may fit, and picks it in one tap", async () => {
  const { page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  await page.goto(PAGE)
  const advice = page.getByTestId("size-advice")
  const result = advice.getByTestId("size-advice-result")
  const form = advice.getByTestId("size-advice-form")

  // Without measurements the store asks for them; the form is open.
  await expect(advice.getByTestId("size-advice-reason").textContent()).resolves.toMatch(/Add your measurements/)
  await expect(form.isVisible()).resolves.toBe(true)
  await expect(advice.getByTestId("size-advice-headline").count()).resolves.toBe(0)
  await expect(form.textContent()).resolves.toMatch(/never stored/)

  // Nothing typed, then a value out of range: said in words, next to the field.
  await advice.getByTestId("size-advice-submit").click()
  await form.getByText("Enter at least your bust, waist or hips").waitFor()
  await form.getByLabel("Bust (cm)").fill("300")
  await advice.getByTestId("size-advice-submit").click()
  await form.getByText("Bust: between 40 and 200 cm").waitFor()
  await expect(form.getByLabel("Bust (cm)").getAttribute("aria-invalid")).resolves.toBe("true")
  await screenshot(page, "product-size-advice-form")
  expect(await horizontalOverflow(page)).toBe(0)

  await form.getByLabel("Bust (cm)").fill("88")
  await form.getByLabel("Waist (cm)").fill("70")
  await form.getByLabel("Hips (cm)").fill("94")
  await advice.getByTestId("size-advice-submit").click()
  const headline = result.getByTestId("size-advice-headline")
  await headline.waitFor()
  await expect(headline.textContent()).resolves.toMatch(/^Your size: M( · [a-z ]+)? · \d{1,3}% confident$/)
  await expect(result.getByTestId("size-advice-reason").textContent()).resolves.toMatch(/your measurements against this product's size chart/)
  const fit = advice.getByTestId("size-advice-fit")
  await expect(fit.textContent()).resolves.toMatch(/XS: likely tight/)
  await expect(fit.textContent()).resolves.toMatch(/XXL: (likely|may be) loose/)
  // Once there is a size, the form folds away behind a button.
  await expect(form.isVisible()).resolves.toBe(false)
  await screenshot(page, "product-size-advice")
  expect(await horizontalOverflow(page)).toBe(0)

  // The button chooses M in the size picker, and the bag gets that size.
  await advice.getByTestId("size-advice-select").click()
  await expect(page.getByTestId("size-picker").locator('input[value="M"]').isChecked()).resolves.toBe(true)
  await expect(advice.getByTestId("size-advice-select").textContent()).resolves.toBe("Size M selected")
  await result.getByText("Size M is selected").waitFor()

  // In inches, the same body gets the same size.
  await advice.getByTestId("size-advice-toggle").click()
  await form.getByLabel("Inches").check()
  await expect(form.getByLabel("Bust (in)").inputValue()).resolves.toBe("34.6")
  await form.getByLabel("Fit you like").selectOption("relaxed")
  await advice.getByTestId("size-advice-submit").click()
  await result.getByTestId("size-advice-loading").waitFor({ state: "detached" })
  await expect(headline.textContent()).resolves.toMatch(/^Your size: (M|L)\b/)

  // A guest's measurements are never saved and she is not offered to save them; reviews ask her to log in.
  await expect(advice.getByTestId("size-advice-save").count()).resolves.toBe(0)
  const login = page.getByTestId("reviews").getByTestId("login-to-review")
  await expect(login.textContent()).resolves.toBe("Log in to review")
  await expect(login.getAttribute("href")).resolves.toBe(`/in/account/login?next=${encodeURIComponent(`${PAGE}#reviews`)}`)
  expect(errors).toEqual([])
})

test("a buyer reviews the size she bought; once approved the page shows it with the summary and the fit bar", async () => {
  const dress = await product()
  const buyer = await registerCustomer("Ishita", "Bose")
  await placeOrderAs(buyer, [variantIn(dress, "M")])

  const { page } = await newShopper(browser, DESKTOP)
  const errors = collectPageErrors(page)
  await logIn(page, buyer, PAGE)

  // Logged in, she may keep the measurements she types; then the page knows her size on arrival.
  const advice = page.getByTestId("size-advice")
  const adviceForm = advice.getByTestId("size-advice-form")
  await adviceForm.getByLabel("Bust (cm)").fill("90")
  await adviceForm.getByLabel("Waist (cm)").fill("72")
  await adviceForm.getByLabel("Hips (cm)").fill("96")
  await adviceForm.getByLabel("Save to my measurements").check()
  await advice.getByTestId("size-advice-submit").click()
  await advice.getByTestId("size-advice-save-status").getByText("Saved to your measurements.").waitFor()
  await advice.getByTestId("size-advice-headline").waitFor()
  const { measurements } = await storeApi<{ measurements: Record<string, unknown> }>("/store/customers/me/measurements", { token: buyer.token })
  expect(measurements).toMatchObject({ bust_cm: 90, waist_cm: 72, hips_cm: 96, height_cm: null, weight_kg: null })
  await page.reload()
  await expect(page.getByTestId("size-advice").getByTestId("size-advice-headline").textContent()).resolves.toMatch(/^Your size: M\b/)
  await expect(page.getByTestId("size-advice").getByTestId("size-advice-reason").textContent()).resolves.toMatch(/your measurements/)
  await expect(page.getByTestId("size-advice").getByLabel("Bust (cm)").inputValue()).resolves.toBe("90")

  const reviews = page.getByTestId("reviews")
  await reviews.getByTestId("write-review").click()
  await expect(reviews.getByTestId("login-to-review").count()).resolves.toBe(0)
  const form = reviews.getByTestId("review-form")
  await expect(form.getByRole("group", { name: "Size you bought" }).getByRole("radio", { name: "M" }).isChecked()).resolves.toBe(true)
  // Stars are required: said before anything is sent.
  await form.getByTestId("review-submit").click()
  await form.getByText("Choose from 1 to 5 stars").waitFor()

  await form.locator("label", { hasText: "4 stars" }).click()
  await expect(form.getByRole("radio", { name: "4 stars" }).isChecked()).resolves.toBe(true)
  await form.getByLabel("Title").fill("Cute and comfy")
  const text = "Lovely stretchy knit.\nA little snug at the bust, so size up if in doubt."
  await form.getByLabel("Your review").fill(text)
  await expect(form.getByTestId("review-body-count").textContent()).resolves.toBe(`${text.length} / 5,000 characters`)
  await form.locator("label", { hasText: "Runs small" }).click()
  await screenshot(page, "product-review-form")
  await form.getByTestId("review-submit").click()

  await reviews.getByTestId("review-sent").waitFor()
  await expect(reviews.getByTestId("review-sent").textContent()).resolves.toMatch(/will appear here once it has been checked/)
  const mine = reviews.getByTestId("my-reviews")
  await expect(mine.getByTestId("my-review-status").textContent()).resolves.toBe("Awaiting moderation")
  await expect(mine.textContent()).resolves.toContain("Cute and comfy")
  // She bought one size and has reviewed it: no form any more.
  await expect(reviews.getByTestId("write-review").count()).resolves.toBe(0)
  // Pending reviews are not in the store's list.
  await expect(reviews.getByTestId("reviews-items").count()).resolves.toBe(0)

  // A moderator approves it.
  const { reviews: pending } = await admin<{ reviews: { id: string; customer_email: string; status: string }[] }>(`/admin/reviews?product_id=${dress.id}&status=pending`)
  const hers = pending.find((r) => r.customer_email === buyer.email)
  if (!hers) throw new Error(`her review is not pending: ${JSON.stringify(pending)}`)
  await admin(`/admin/reviews/${hers.id}`, { body: { status: "approved" } })

  // The store's reviews are cached for 30 s: a shopper sees it within a minute.
  const guest = await newShopper(browser)
  const guestErrors = collectPageErrors(guest.page)
  await showsReview(guest.page, "Cute and comfy")
  const section = guest.page.getByTestId("reviews")
  const summary = section.getByTestId("review-summary")
  await expect(summary.getByTestId("review-average").textContent()).resolves.toBe("4.0")
  await expect(summary.getByTestId("review-count").textContent()).resolves.toBe("1 review")
  await expect(summary.getByRole("img", { name: "4.0 out of 5 stars, 1 review" }).count()).resolves.toBe(1)
  await expect(summary.getByRole("row", { name: /4 stars/ }).textContent()).resolves.toMatch(/1/)
  const fit = summary.getByTestId("review-fit")
  await expect(fit.textContent()).resolves.toMatch(/How it fits: mostly runs small/)
  await expect(fit.getByTestId("fit-bar").first().textContent()).resolves.toMatch(/Runs small 100%.*True to size 0%.*Runs large 0%/)
  await expect(fit.getByTestId("review-fit-by-size").getByRole("row", { name: /^M/ }).textContent()).resolves.toMatch(/runs small \(1\)/)

  const item = section.getByTestId("reviews-items").getByTestId("review").first()
  await expect(item.getByRole("heading").textContent()).resolves.toBe("Cute and comfy")
  await expect(item.getByRole("img", { name: "4 out of 5 stars" }).count()).resolves.toBe(1)
  await expect(item.getByTestId("verified-purchase").textContent()).resolves.toMatch(/Verified purchase/)
  await expect(item.textContent()).resolves.toMatch(/Ishita B\./)
  await expect(item.textContent()).resolves.toMatch(/Size bought:\s*M/)
  await expect(item.textContent()).resolves.toMatch(/Fit:\s*Runs small/)
  await expect(item.textContent()).resolves.toContain("A little snug at the bust")
  await expect(item.locator("time").textContent()).resolves.toMatch(/^\d{1,2} \w{3} \d{4}$/)
  // Sorting asks the store again and keeps the list whole.
  await section.getByTestId("review-sort").selectOption("lowest")
  await section.getByText("Sorting reviews…").waitFor({ state: "detached" })
  await expect(section.getByTestId("reviews-items").getByTestId("review").count()).resolves.toBe(1)
  await screenshot(guest.page, "product-reviews")
  expect(await horizontalOverflow(guest.page)).toBe(0)

  // She sees hers as published.
  await page.reload()
  await expect(page.getByTestId("my-reviews").getByTestId("my-review-status").textContent()).resolves.toBe("Published")
  expect(errors).toEqual([])
  expect(guestErrors).toEqual([])
}, 240000)

/** Reloads the product page until its reviews list shows the title (the tests' storefront caches reviews for 1 s). */
async function showsReview(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + 75000
  for (;;) {
    await page.goto(PAGE)
    await page.getByTestId("reviews").waitFor()
    const items = page.getByTestId("reviews-items")
    if ((await items.count()) && (await items.textContent())?.includes(title)) return
    if (Date.now() > deadline) throw new Error(`the approved review "${title}" never showed on the product page`)
    await page.waitForTimeout(3000)
  }
}
