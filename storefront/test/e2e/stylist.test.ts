/**
 * The AI stylist (plugins/ai-stylist; the offline engine, as no OpenAI key is set here):
 * - a guest asks for a party dress within her budget and size, without black, and gets
 *   looks that keep to all three; she adds a whole look to her bag in one go, follows a
 *   suggestion, finds the conversation again after a reload, carries on when the stylist
 *   has forgotten it, and starts a new one, which the stylist forgets too;
 * - the chat streams its answer, or answers in one piece when asked not to stream; a budget
 *   below the cheapest look gets an honest answer, with the nearest options shown apart and
 *   labelled as alternatives;
 * - the product page completes the look around the product, and that look goes in the bag.
 */
import type { Browser, BrowserContext, Page } from "playwright-core"
import { BACKEND, DESKTOP, collectPageErrors, horizontalOverflow, launchBrowser, newShopper, screenshot, storeApi } from "./support"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const LETTER_SIZE = /^(XXS|XS|S|M|L|XL|XXL)$/

async function bagCount(page: Page): Promise<number> {
  const badge = page.getByTestId("bag-count")
  return (await badge.count()) ? Number(await badge.textContent()) : 0
}

async function waitForBagCount(page: Page, expected: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="bag-count"]')?.textContent ?? "0") === n, expected)
}

/** Sends a message the way a shopper does (typing, then Enter) and waits for the stylist's complete answer. */
async function ask(page: Page, message: string): Promise<ReturnType<Page["locator"]>> {
  const answers = page.getByTestId("stylist-message")
  const before = await answers.count()
  const box = page.getByTestId("stylist-form").getByLabel("Your message")
  await box.fill(message)
  await box.press("Enter")
  const answer = answers.nth(before)
  await answer.getByTestId("stylist-engine").waitFor({ timeout: 60000 })
  return answer
}

type Look = { total: number; currency: string; shownTotal: string; items: { colour: string; size: string; price: number }[] }

async function looksIn(scope: ReturnType<Page["locator"]>): Promise<Look[]> {
  return scope.getByTestId("outfit").evaluateAll((cards) =>
    cards.map((card) => ({
      total: Number(card.getAttribute("data-total")),
      currency: card.getAttribute("data-currency") ?? "",
      shownTotal: card.querySelector('[data-testid="outfit-total"]')?.textContent ?? "",
      items: Array.from(card.querySelectorAll('[data-testid="outfit-item"]')).map((li) => ({
        colour: li.getAttribute("data-colour") ?? "",
        size: li.getAttribute("data-size") ?? "",
        price: Number(li.getAttribute("data-price")),
      })),
    }))
  )
}

/** The conversation id kept in her httpOnly cookie once it is not `other` (it is kept when an answer completes). */
async function keptSession(context: BrowserContext, other: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const value = (await context.cookies()).find((c) => c.name === "zari_stylist_in")?.value
    if (value && value !== other) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error("the new conversation was never kept")
}

const rupees = (text: string) => Number(text.replace(/[^\d.]/g, ""))

test("a guest gets looks within her budget and size without black, adds one to her bag, follows a suggestion and starts again", async () => {
  const { context, page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  await page.goto("/in")
  // The stylist is in the menu.
  await page.locator("header summary").click()
  await expect(page.getByRole("link", { name: "Ask our stylist" }).getAttribute("href")).resolves.toBe("/in/stylist")
  await page.goto("/in/stylist")
  await page.getByTestId("stylist-empty").waitFor()

  // A budget that is not a number is said next to the field, before anything is sent.
  const form = page.getByTestId("stylist-form")
  await form.getByLabel("Budget (₹)").fill("lots")
  await form.getByLabel("Your message").fill("party dress")
  await form.getByRole("button", { name: "Send" }).click()
  await form.getByText("Enter your budget as a number, like 3000").waitFor()
  await expect(form.getByLabel("Budget (₹)").getAttribute("aria-invalid")).resolves.toBe("true")
  await expect(page.getByTestId("stylist-message").count()).resolves.toBe(0)
  await form.getByLabel("Budget (₹)").fill("3,000")
  await form.getByLabel("Your size").selectOption("M")

  const answer = await ask(page, "party dress under 3000 rupees, size M, no black")
  await expect(page.getByTestId("shopper-message").first().textContent()).resolves.toContain("party dress under 3000 rupees, size M, no black")
  await expect(answer.getByTestId("stylist-engine").textContent()).resolves.toBe("Answered by our catalogue stylist (offline)")
  await expect(answer.getByTestId("stylist-reply").textContent()).resolves.toMatch(/\S/)
  await expect(page.getByTestId("stylist-announcer").textContent()).resolves.toMatch(/^The stylist replied: /)

  const looks = await looksIn(answer.getByTestId("stylist-outfits"))
  expect(looks.length).toBeGreaterThan(0)
  for (const look of looks) {
    expect(look.currency).toBe("inr")
    expect(look.total).toBeLessThanOrEqual(3000)
    expect(rupees(look.shownTotal)).toBe(look.total)
    expect(look.shownTotal).toMatch(/^₹[\d,]+(\.\d{2})?$/)
    expect(look.items.reduce((sum, i) => sum + i.price, 0)).toBeCloseTo(look.total, 2)
    for (const item of look.items) {
      expect(item.colour).not.toMatch(/black/i)
      if (LETTER_SIZE.test(item.size)) expect(item.size).toBe("M")
    }
  }
  // Each piece links to its product page.
  const firstLink = answer.getByTestId("outfit").first().getByTestId("outfit-item-link").first()
  await expect(firstLink.getAttribute("href")).resolves.toMatch(/^\/in\/products\/[a-z0-9-]+$/)
  await screenshot(page, "stylist-answer")
  expect(await horizontalOverflow(page)).toBe(0)

  // The whole look goes in the bag in one go, and the header counts it.
  const before = await bagCount(page)
  const look = answer.getByTestId("outfit").first()
  const pieces = await look.getByTestId("outfit-item").count()
  await look.getByTestId("add-look").click()
  await look.getByTestId("add-look-status").getByText(`Added ${pieces} ${pieces === 1 ? "item" : "items"} to your bag`).waitFor()
  await waitForBagCount(page, before + pieces)

  // A suggestion is one tap.
  const chip = page.getByTestId("follow-up").first()
  const suggestion = (await chip.textContent())!.trim()
  await chip.click()
  await page.getByTestId("stylist-message").nth(1).getByTestId("stylist-engine").waitFor({ timeout: 60000 })
  await expect(page.getByTestId("shopper-message").nth(1).textContent()).resolves.toContain(suggestion)
  const second = await looksIn(page.getByTestId("stylist-message").nth(1))
  // What she said first still holds: her budget and no black.
  for (const l of second) {
    expect(l.total).toBeLessThanOrEqual(3000)
    for (const item of l.items) expect(item.colour).not.toMatch(/black/i)
  }

  // The conversation is there again after a reload (kept for her, per country).
  await page.reload()
  await page.getByTestId("stylist-conversation").waitFor()
  await expect(page.getByTestId("shopper-message").count()).resolves.toBe(2)
  await expect(page.getByTestId("shopper-message").first().textContent()).resolves.toContain("party dress under 3000 rupees")
  const kept = (await context.cookies()).find((c) => c.name === "zari_stylist_in")
  expect(kept?.httpOnly).toBe(true)
  await storeApi(`/store/stylist/sessions/${kept!.value}`)

  // The stylist forgets the conversation (as when it expires): her next message starts a new one, and says so.
  await storeApi(`/store/stylist/sessions/${kept!.value}`, { method: "DELETE" })
  const again = await ask(page, "something in blue")
  await expect(again.getByTestId("stylist-notice").textContent()).resolves.toBe("Your earlier conversation had ended, so the stylist started a new one.")
  await expect(again.getByTestId("stylist-error").count()).resolves.toBe(0)
  const sessionId = await keptSession(context, kept!.value)
  await storeApi(`/store/stylist/sessions/${sessionId}`)

  // A new conversation: the page is empty, and the stylist has forgotten the old one.
  await page.getByTestId("stylist-new-conversation").click()
  await page.getByTestId("stylist-empty").waitFor()
  await expect(page.getByTestId("stylist-conversation").count()).resolves.toBe(0)
  await page.getByTestId("stylist-reset-note").getByText("New conversation started.").waitFor()
  await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe("message")
  const gone = await fetch(`${BACKEND}/store/stylist/sessions/${sessionId}`)
  expect(gone.status).toBe(404)
  await page.reload()
  await page.getByTestId("stylist-empty").waitFor()
  expect((await context.cookies()).some((c) => c.name === "zari_stylist_in")).toBe(false)
  expect(errors).toEqual([])
}, 240000)

test("a budget below the cheapest look gets an honest answer, with alternatives shown apart and labelled", async () => {
  const { page } = await newShopper(browser, DESKTOP)
  const errors = collectPageErrors(page)
  await page.goto("/in/stylist")
  // On a wide screen the stylist is in the main navigation.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stylist" }).getAttribute("href")).resolves.toBe("/in/stylist")

  // The page's chat answers as a stream of events; asked not to stream, it answers in one piece with the same answer's shape.
  const raw = await page.evaluate(async () => {
    const ask = (stream: boolean) =>
      fetch("/api/stylist/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ country: "in", message: "a skirt for brunch", fresh: true, stream }) })
    const streamed = await ask(true)
    const plain = await ask(false)
    return { streamedType: streamed.headers.get("content-type"), events: await streamed.text(), plainType: plain.headers.get("content-type"), plain: await plain.json() }
  })
  expect(raw.streamedType).toMatch(/^text\/event-stream/)
  expect(raw.events).toMatch(/^event: status$/m)
  expect(raw.events).toMatch(/^event: reply$/m)
  expect(raw.events).toMatch(/^event: done$/m)
  expect(raw.plainType).toMatch(/^application\/json/)
  expect(Object.keys(raw.plain).sort()).toEqual(["alternatives", "engine", "follow_ups", "notes", "outfits", "reply", "session_id"])

  const answer = await ask(page, "a dress under 50 rupees")
  await expect(answer.getByTestId("stylist-reply").textContent()).resolves.toMatch(/can.t|couldn.t|cannot|no .*under|sorry/i)
  // Nothing is passed off as within her budget...
  await expect(answer.getByTestId("stylist-outfits").count()).resolves.toBe(0)
  // ...the nearest options are apart, under a heading and each labelled.
  const alternatives = answer.getByTestId("stylist-alternatives")
  await expect(alternatives.getByRole("heading", { name: "Alternatives" }).count()).resolves.toBe(1)
  const groups = alternatives.getByTestId("stylist-alternative")
  expect(await groups.count()).toBeGreaterThan(0)
  for (const label of await alternatives.getByTestId("stylist-alternative-label").allTextContents()) expect(label.trim()).not.toBe("")
  const cards = alternatives.locator('[data-testid="outfit"], [data-testid="stylist-alternative-item"]')
  expect(await cards.count()).toBeGreaterThan(0)
  for (const text of await cards.allTextContents()) expect(text).toMatch(/^Alternative/)
  // A complete look cannot be had for ₹50: the one offered says what it costs.
  for (const l of await looksIn(alternatives)) expect(l.total).toBeGreaterThan(50)
  await screenshot(page, "stylist-alternatives")
  expect(await horizontalOverflow(page)).toBe(0)
  expect(errors).toEqual([])
}, 180000)

test("the product page completes the look around the product, and the look goes in the bag", async () => {
  const { regions } = await storeApi<{ regions: { id: string; currency_code: string }[] }>("/store/regions")
  const india = regions.find((r) => r.currency_code === "inr")!
  const { products } = await storeApi<{ products: { id: string; handle: string }[] }>("/store/products?limit=40&expand=variants")
  let found: { id: string; handle: string } | null = null
  for (const p of products) {
    const { outfits } = await storeApi<{ outfits: unknown[] }>(`/store/products/${p.id}/complete-the-look?region_id=${india.id}`)
    if (outfits.length) {
      found = p
      break
    }
  }
  if (!found) throw new Error("the stylist completes the look for none of the first 40 products")

  const { page } = await newShopper(browser, DESKTOP)
  const errors = collectPageErrors(page)
  await page.goto(`/in/products/${found.handle}`)
  const section = page.getByTestId("complete-the-look")
  await section.waitFor({ timeout: 30000 })
  await expect(section.getByRole("heading", { name: "Complete the look" }).count()).resolves.toBe(1)
  const cards = section.getByTestId("outfit")
  expect(await cards.count()).toBeGreaterThan(0)
  // Every look is built around this product.
  for (const hrefs of await cards.evaluateAll((all) => all.map((c) => Array.from(c.querySelectorAll('[data-testid="outfit-item-link"]')).map((a) => a.getAttribute("href"))))) {
    expect(hrefs).toContain(`/in/products/${found.handle}`)
  }
  for (const l of await looksIn(section)) expect(l.shownTotal).toMatch(/^₹[\d,]+(\.\d{2})?$/)

  const before = await bagCount(page)
  const look = cards.first()
  const pieces = await look.getByTestId("outfit-item").count()
  await look.scrollIntoViewIfNeeded()
  await screenshot(page, "product-complete-the-look")
  await look.getByTestId("add-look").click()
  await look.getByTestId("add-look-status").getByText(`Added ${pieces} ${pieces === 1 ? "item" : "items"} to your bag`).waitFor()
  await waitForBagCount(page, before + pieces)
  expect(await horizontalOverflow(page)).toBe(0)
  expect(errors).toEqual([])
}, 180000)
