/**
 * The reviews admin UI, rendered by the real admin build (backend/build, served at /app) in
 * Chromium: the Reviews page lists a shopper's pending review and approves it with a note; the
 * product page's widget then shows the product's rating and fit, and the review.
 */
import type { Page } from "playwright-core"
import { openAdminBrowser, type AdminBrowser } from "../harness/admin-browser"
import { adminToken, api } from "../harness/api"
import { createProduct, deleteCreatedProducts, eventually } from "../harness/orders"

const run = Date.now().toString(36).toUpperCase()
let auth: Record<string, string>
let productId: string
let reviewId: string
let ui: AdminBrowser
let page: Page

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  const variants = await createProduct(auth, `UI review dress ${run}`, [`UIREV-${run}-1`, `UIREV-${run}-2`])
  productId = (await api("GET", `/admin/variants/${variants[`UIREV-${run}-1`]}`, { headers: auth })).body.variant.product_id
  const email = `ui-reviewer-${run.toLowerCase()}@example.com`
  expect((await api("POST", "/store/customers", { body: { first_name: "Kavya", last_name: "Rao", email, password: "review-me-123" } })).status).toBe(200)
  const token = (await api("POST", "/store/auth/token", { body: { email, password: "review-me-123" } })).body.access_token
  const created = await api("POST", `/store/products/${productId}/reviews`, {
    headers: { authorization: `Bearer ${token}` },
    body: { variant_id: variants[`UIREV-${run}-1`], rating: 5, title: `Lovely ${run}`, body: "Fits like a dream.", fit: "true_to_size" },
  })
  expect(created.status).toBe(201)
  reviewId = created.body.review.id
  ui = await openAdminBrowser(auth)
  page = ui.page
})

afterAll(async () => {
  await ui?.close()
  await deleteCreatedProducts(auth)
})

afterEach(() => {
  expect(ui.pageErrors).toEqual([])
})

test("the Reviews page lists the pending review and approves it with a note", async () => {
  await ui.open("/app/a/reviews", `[data-testid=reviews-page] [data-review-id="${reviewId}"]`)
  const card = page.locator(`[data-review-id="${reviewId}"]`)
  await expect(card.textContent()).resolves.toContain(`Lovely ${run}`)
  await expect(card.textContent()).resolves.toContain("Kavya R.")
  await card.getByRole("button", { name: "Add a note" }).click()
  await card.getByLabel("Moderation note").fill("Checked by UI test")
  await card.locator("[data-action=approve]").click()
  // Approved, it leaves the Pending tab.
  await card.waitFor({ state: "detached" })
  const review = await eventually("the review to be approved", async () => {
    const res = await api("GET", `/admin/reviews/${reviewId}`, { headers: auth })
    return res.body.review.status === "approved" ? res.body.review : null
  })
  expect(review.moderation_note).toBe("Checked by UI test")
})

test("the product page shows the rating summary and the review", async () => {
  await ui.open(`/app/a/products/${productId}`, "[data-testid=product-reviews-widget] [data-testid=rating-summary]")
  const widget = page.getByTestId("product-reviews-widget")
  await expect(widget.getByTestId("average-rating").textContent()).resolves.toBe("5.0 / 5")
  await expect(widget.getByTestId("fit-summary").textContent()).resolves.toContain("True to size: 1 (100%)")
  await expect(widget.locator(`[data-review-id="${reviewId}"]`).getAttribute("data-status")).resolves.toBe("approved")
})
