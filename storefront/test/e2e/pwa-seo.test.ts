/**
 * Installable and findable: the web app manifest and its icons, a service worker that
 * keeps the shell and serves the offline page, robots.txt, sitemap.xml, and the
 * product page's metadata, Open Graph tags and JSON-LD Product.
 */
import type { Browser } from "playwright-core"
import { STORE, collectPageErrors, launchBrowser, newShopper, screenshot } from "./support"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test("the manifest makes the store installable: name, standalone display, start URL and 192/512 and maskable icons that load", async () => {
  const res = await fetch(`${STORE}/manifest.webmanifest`)
  expect(res.status).toBe(200)
  const manifest = await res.json()
  expect(manifest).toMatchObject({ short_name: "Zari", display: "standalone", scope: "/", start_url: "/in?source=pwa" })
  const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? "any"}`)
  expect(sizes).toEqual(expect.arrayContaining(["192x192:any", "512x512:any", "512x512:maskable"]))
  for (const icon of manifest.icons) {
    const img = await fetch(new URL(icon.src, STORE))
    expect({ src: icon.src, status: img.status, type: img.headers.get("content-type") }).toEqual({ src: icon.src, status: 200, type: icon.type })
  }
  const home = await (await fetch(`${STORE}/in`)).text()
  expect(home).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/)
  expect(home).toMatch(/<meta name="theme-color" content="#5b1f3a"/)
})

test("the service worker caches the shell: offline, a page seen before still opens and a new one shows the offline page", async () => {
  const { context, page } = await newShopper(browser)
  const errors = collectPageErrors(page)
  await page.goto("/in")
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  // The worker controls the page after a reload (clients.claim), then caches what it serves.
  await page.reload()
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller))
  await page.goto("/in/categories/bodycon-dresses")
  await page.getByTestId("product-card").first().waitFor()

  await context.setOffline(true)
  await page.goto("/in/categories/bodycon-dresses")
  await page.getByTestId("product-card").first().waitFor()
  await page.goto("/in/categories/skirts")
  await page.getByRole("heading", { name: /offline/i }).waitFor()
  await screenshot(page, "offline")
  await context.setOffline(false)
  await page.goto("/in/categories/skirts")
  await page.getByTestId("product-card").first().waitFor()
  expect(errors).toEqual([])
})

test("robots.txt points to the sitemap and keeps private pages out; the sitemap lists products and categories for both countries", async () => {
  const robots = await (await fetch(`${STORE}/robots.txt`)).text()
  expect(robots).toMatch(/^Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml$/m)
  for (const path of ["/*/cart", "/*/checkout", "/*/account"]) expect(robots).toContain(`Disallow: ${path}`)

  const sitemap = await (await fetch(`${STORE}/sitemap.xml`)).text()
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname)
  expect(urls).toEqual(expect.arrayContaining(["/in", "/us", "/in/categories/bodycon-dresses", "/us/categories/bodycon-dresses"]))
  const products = urls.filter((u) => u.startsWith("/in/products/"))
  expect(products.length).toBeGreaterThanOrEqual(60)
  expect((await fetch(`${STORE}${products[0]}`)).status).toBe(200)
})

test("a product page has a title, description, canonical URL, Open Graph image and a JSON-LD Product with price and availability", async () => {
  const { page } = await newShopper(browser)
  await page.goto("/in/products/ruched-satin-bodycon-midi")
  const title = await page.title()
  expect(title).toMatch(/Ruched Satin Bodycon Midi Dress.*Zari/)
  const meta = (selector: string) => page.locator(selector).first().getAttribute("content")
  await expect(meta('meta[name="description"]')).resolves.toMatch(/.{40,}/)
  await expect(meta('meta[property="og:title"]')).resolves.toMatch(/Ruched Satin Bodycon Midi Dress/)
  await expect(meta('meta[property="og:image"]')).resolves.toMatch(/^https?:\/\/.+\.(webp|jpg|png)/)
  await expect(page.locator('link[rel="canonical"]').getAttribute("href")).resolves.toMatch(/\/in\/products\/ruched-satin-bodycon-midi$/)

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) as string)
  expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "Product", name: "Ruched Satin Bodycon Midi Dress" })
  const offers = Array.isArray(jsonLd.offers) ? jsonLd.offers : [jsonLd.offers]
  expect(offers[0]).toMatchObject({ priceCurrency: "INR" })
  expect(JSON.stringify(jsonLd)).toMatch(/https:\/\/schema\.org\/(InStock|OutOfStock)/)
  expect(Number(offers[0].price ?? offers[0].lowPrice)).toBeGreaterThan(0)
})
