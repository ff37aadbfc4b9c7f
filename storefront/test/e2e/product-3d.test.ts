/**
 * The 3D viewer (plugins/3d-assets) on the product page:
 * - a merchant's model (SunglassesKhronos.glb, Draco-compressed by the plugin, uploaded through the admin API and processed into levels of
 *   detail) shows as "View in 3D"; nothing of model-viewer loads until she asks; then the
 *   level of detail for her screen comes from the storefront's own origin and loads, or,
 *   where the browser has no WebGL, the page says so and keeps the photos;
 * - the box does not move or grow when the viewer opens; Escape closes it and gives focus back;
 * - a model that cannot be fetched ends in the same fallback, with "Try again";
 * - a product without a model shows no viewer and fetches nothing for one;
 * - the storefront passes on only the backend's files, never another of its paths.
 */
import fs from "fs"
import http from "http"
import path from "path"
import type { Browser, Page } from "playwright-core"
import { chooseLod, preferredLodLevel, type DeviceHints, type ModelLod } from "@/lib/core/model-viewer"
import { BACKEND, DESKTOP, MOBILE, STORE, admin, adminAuthToken, collectPageErrors, horizontalOverflow, launchBrowser, newShopper, screenshot, storeApi } from "./support"

// A static model: the plugin compresses it with Draco, decoded by the storefront's own copy of the decoder.
const MODEL = path.resolve(__dirname, "..", "..", "..", "..", "shared", "data", "3d", "SunglassesKhronos.glb")

type StoreProduct = { id: string; handle: string; title: string }
type StoreModel = { id: string; lods: ModelLod[]; bbox: { min: number[]; max: number[] } | null; poster_url: string | null }
type AdminModel = { id: string; status: "queued" | "processing" | "ready" | "failed"; error: string | null }

let browser: Browser
let withModel: StoreProduct
let withoutModel: StoreProduct
let modelId: string | null = null
let storeModels: StoreModel[] = []

/** Two products the other browser tests leave alone (the end of the catalogue), so a model on one changes none of their pages. */
async function quietProducts(): Promise<[StoreProduct, StoreProduct]> {
  const { count } = await storeApi<{ count: number }>("/store/products?limit=1")
  const { products } = await storeApi<{ products: StoreProduct[] }>(`/store/products?limit=2&offset=${Math.max(0, count - 2)}`)
  if (products.length < 2) throw new Error("the seeded catalogue has fewer than two products")
  return [products[0], products[1]]
}

async function uploadModel(productId: string): Promise<AdminModel> {
  const form = new FormData()
  form.append("file", new Blob([fs.readFileSync(MODEL)], { type: "model/gltf-binary" }), "SunglassesKhronos.glb")
  const res = await fetch(`${BACKEND}/admin/products/${productId}/3d-models`, { method: "POST", headers: { authorization: `Bearer ${await adminAuthToken()}` }, body: form })
  const text = await res.text()
  if (res.status !== 202) throw new Error(`POST /admin/products/${productId}/3d-models: ${res.status} ${text}`)
  return (JSON.parse(text) as { model: AdminModel }).model
}

async function waitUntilReady(id: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const { model } = await admin<{ model: AdminModel }>(`/admin/3d-models/${id}`)
    if (model.status === "ready") return
    if (model.status === "failed") throw new Error(`the model failed to process: ${model.error}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`3D model ${id} never became ready`)
}

/**
 * Until the product page carries this model: the storefront caches the store's answer
 * briefly and serves the stale copy once while it refreshes, so a page rendered before the
 * model was ready (by another test, or a reused store) may still show none at first.
 */
async function waitForPageWith(handle: string, id: string): Promise<void> {
  for (let tries = 0; tries < 60; tries++) {
    const html = await (await fetch(`${STORE}/in/products/${handle}`)).text()
    if (html.includes(`/3d-models/${id}/`)) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the product page never showed 3D model ${id}`)
}

beforeAll(async () => {
  ;[withModel, withoutModel] = await quietProducts()
  const model = await uploadModel(withModel.id)
  modelId = model.id
  await waitUntilReady(model.id)
  storeModels = await storeApi<StoreModel[]>(`/store/products/${withModel.id}/3d-models`)
  await waitForPageWith(withModel.handle, model.id)
  browser = await launchBrowser()
}, 300000)

afterAll(async () => {
  await browser?.close()
  if (modelId) await admin(`/admin/3d-models/${modelId}`, { method: "DELETE" })
})

/** What the viewer reads from the browser to choose a level of detail. */
function hintsOf(page: Page): Promise<DeviceHints> {
  return page.evaluate(() => {
    const nav = navigator as Navigator & { deviceMemory?: number; connection?: { saveData?: boolean; effectiveType?: string; downlink?: number } }
    return { screenWidth: window.innerWidth, deviceMemory: nav.deviceMemory ?? null, saveData: nav.connection?.saveData ?? null, effectiveType: nav.connection?.effectiveType ?? null, downlink: nav.connection?.downlink ?? null }
  })
}

const viewerDefined = (page: Page) => page.evaluate(() => Boolean(customElements.get("model-viewer")))

async function settled(page: Page): Promise<"ready" | "failed"> {
  await page.waitForFunction(() => ["ready", "failed"].includes(document.querySelector('[data-testid="product-3d"]')?.getAttribute("data-state") ?? ""), null, { timeout: 60000 })
  return (await page.getByTestId("product-3d").getAttribute("data-state")) as "ready" | "failed"
}

/** The file really is a GLB, fetched as the browser fetches it: from the storefront's origin. */
async function expectGlbThroughStorefront(pathname: string): Promise<void> {
  const res = await fetch(`${STORE}${pathname}`)
  expect(res.status).toBe(200)
  expect(res.headers.get("content-type")).toMatch(/^model\/gltf-binary/)
  const bytes = Buffer.from(await res.arrayBuffer())
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("glTF")
  expect(bytes.readUInt32LE(8)).toBe(bytes.length)
}

test("the store lists the processed model with its levels of detail", () => {
  expect(Array.isArray(storeModels)).toBe(true)
  const model = storeModels.find((m) => m.id === modelId)
  expect(model).toBeDefined()
  expect(model!.lods.map((l) => l.level).sort()).toEqual([0, 1, 2])
  for (const lod of model!.lods) {
    expect(new URL(lod.url).pathname).toMatch(/^\/uploads\/.+\.glb$/)
    expect(lod.bytes).toBeGreaterThan(0)
    expect(lod.triangles).toBeGreaterThan(0)
  }
  const byLevel = new Map(model!.lods.map((l) => [l.level, l.triangles]))
  expect(byLevel.get(2)!).toBeLessThan(byLevel.get(0)!)
})

describe.each([
  ["phone", MOBILE],
  ["desktop", DESKTOP],
])("on a %s", (_kind, viewport) => {
  test("View in 3D loads model-viewer only when asked, with the level of detail for the screen, from the storefront's origin", async () => {
    const { context, page } = await newShopper(browser, viewport)
    const errors = collectPageErrors(page)
    const requested: string[] = []
    page.on("request", (r) => requested.push(r.url()))
    await page.goto(`/in/products/${withModel.handle}`)

    const section = page.getByTestId("product-3d")
    await section.waitFor()
    const open = page.getByRole("button", { name: "View in 3D" })
    await open.waitFor()
    // Nothing of the viewer before she asks: no script run, no model fetched.
    expect(await viewerDefined(page)).toBe(false)
    expect(requested.filter((url) => /\.glb(\?|$)/.test(url))).toEqual([])

    const lods = storeModels.find((m) => m.id === modelId)!.lods
    const expected = chooseLod(lods, preferredLodLevel(await hintsOf(page)))!
    const expectedPath = new URL(expected.url).pathname
    if (viewport === MOBILE) expect(expected.level).toBe(2)

    await open.scrollIntoViewIfNeeded()
    // Compared with the page as it was, not with zero: the viewer must add no sideways scroll of its own.
    const overflowBefore = await horizontalOverflow(page)
    const box = page.getByTestId("product-3d-box")
    const before = await box.boundingBox()
    await open.click()
    // Focus moves into the viewer she opened, not back to the top of the page.
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("product-3d-box")
    await expect(box.getAttribute("data-lod-level")).resolves.toBe(String(expected.level))
    await expect(box.getAttribute("data-model-src")).resolves.toBe(expectedPath)

    const state = await settled(page)
    if (state === "ready") {
      const viewer = page.getByTestId("model-viewer")
      const shown = await viewer.evaluate((el) => {
        const mv = el as HTMLElement & { src: string; loaded: boolean; ar: boolean; alt: string }
        return { src: mv.src, loaded: mv.loaded, ar: mv.ar, alt: mv.alt, cameraControls: el.hasAttribute("camera-controls"), arModes: el.getAttribute("ar-modes") }
      })
      expect(shown.src).toBe(expectedPath)
      expect(new URL(shown.src, page.url()).origin).toBe(new URL(STORE).origin)
      expect(shown.loaded).toBe(true)
      expect(shown.ar).toBe(true)
      expect(shown.cameraControls).toBe(true)
      expect(shown.arModes).toBe("webxr scene-viewer quick-look")
      expect(shown.alt).toBe(`3D model of ${withModel.title}`)
      expect(requested.some((url) => url === new URL(expectedPath, STORE).toString())).toBe(true)
      // Only the chosen level was fetched, and nothing from the backend's origin directly.
      expect(requested.filter((url) => /\.glb(\?|$)/.test(url))).toEqual([new URL(expectedPath, STORE).toString()])
      // The Draco decoder comes from the storefront's own origin, never a third party's.
      expect(requested.some((url) => url.startsWith(new URL("/3d/draco/", STORE).toString()))).toBe(true)
      expect(requested.filter((url) => /draco|gstatic/.test(url) && new URL(url).origin !== new URL(STORE).origin)).toEqual([])
    } else {
      await expect(page.getByTestId("product-3d-fallback").textContent()).resolves.toMatch(/The photos above show the product from every side/)
      await page.getByRole("button", { name: "Close 3D view" }).waitFor()
    }
    // Every model request went to the storefront, none to the backend's origin (which sends no CORS headers).
    expect(requested.filter((url) => /\.glb(\?|$)/.test(url)).every((url) => new URL(url).origin === new URL(STORE).origin)).toBe(true)
    await expectGlbThroughStorefront(expectedPath)

    // The viewer took the poster's place without moving anything.
    const after = await box.boundingBox()
    expect(after?.height).toBe(before?.height)
    expect(after?.width).toBe(before?.width)
    expect(await horizontalOverflow(page)).toBe(overflowBefore)
    await screenshot(page, "product-3d")

    // Escape closes it and focus goes back to the button that opened it.
    await page.keyboard.press("Escape")
    await page.waitForFunction(() => document.querySelector('[data-testid="product-3d"]')?.getAttribute("data-state") === "poster")
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("view-in-3d")
    await expect(page.getByTestId("model-viewer").count()).resolves.toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

test("a model that cannot be fetched ends in a message, the photos and Try again", async () => {
  const { context, page } = await newShopper(browser, DESKTOP)
  const errors = collectPageErrors(page)
  await page.route(/\/uploads\/.+\.glb(\?|$)/, (route) => route.fulfill({ status: 503, body: "down" }))
  await page.goto(`/in/products/${withModel.handle}`)
  await page.getByRole("button", { name: "View in 3D" }).click()
  await expect(settled(page)).resolves.toBe("failed")
  const fallback = page.getByTestId("product-3d-fallback")
  const webgl = await page.evaluate(() => Boolean(document.createElement("canvas").getContext("webgl")))
  await expect(fallback.textContent()).resolves.toMatch(webgl ? /could not be loaded/ : /needs WebGL/)
  // The product's own photos are still there.
  await expect(page.getByAltText(withModel.title, { exact: false }).first().isVisible()).resolves.toBe(true)
  if (webgl) {
    // Once the file answers again, Try again really fetches it again.
    await page.unroute(/\/uploads\/.+\.glb(\?|$)/)
    const fetched = page.waitForResponse((res) => /\/uploads\/.+\.glb$/.test(new URL(res.url()).pathname) && res.status() === 200)
    await fallback.getByRole("button", { name: "Try again" }).click()
    await fetched
    await expect(settled(page)).resolves.toBe("ready")
  }
  await page.getByRole("button", { name: "Close 3D view" }).click()
  await page.getByRole("button", { name: "View in 3D" }).waitFor()
  expect(errors).toEqual([])
  await context.close()
})

test("a product without a model shows no viewer and fetches nothing for one", async () => {
  const { context, page } = await newShopper(browser)
  const requested: string[] = []
  page.on("request", (r) => requested.push(r.url()))
  // The page's load event comes after the last streamed section, the viewer's slot included.
  await page.goto(`/in/products/${withoutModel.handle}`, { waitUntil: "load" })
  await page.locator("h1").first().waitFor()
  await expect(page.getByTestId("product-3d").count()).resolves.toBe(0)
  await expect(page.getByRole("button", { name: "View in 3D" }).count()).resolves.toBe(0)
  expect(await viewerDefined(page)).toBe(false)
  expect(requested.filter((url) => /\.glb(\?|$)|\/uploads\/3d-models\/|meshopt-decoder|\/3d\/draco\//.test(url))).toEqual([])
  await expect(storeApi<StoreModel[]>(`/store/products/${withoutModel.id}/3d-models`)).resolves.toEqual([])
  await context.close()
})

/** A GET with the path exactly as written: fetch() would resolve "%2e%2e" segments before sending. */
function rawGet(pathname: string): Promise<{ status: number; body: string }> {
  const url = new URL(STORE)
  return new Promise((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path: pathname }, (res) => {
        let body = ""
        res.setEncoding("utf8")
        res.on("data", (chunk: string) => (body += chunk))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }))
      })
      .on("error", reject)
  })
}

test("the storefront passes on the backend's files and nothing else", async () => {
  for (const probe of ["/uploads/..%2F..%2Fadmin%2Fusers.json", "/uploads/3d-models/%2e%2e/%2e%2e/store/products.json", "/uploads/3d-models/..%5C..%5Cpackage.json"]) {
    const res = await rawGet(probe)
    expect({ probe, status: res.status }).toEqual({ probe, status: 404 })
    expect(res.body).not.toMatch(/"products"|"users"|"dependencies"/)
  }
  await expect(rawGet("/uploads/3d-models/no-such-model/lod0.glb")).resolves.toMatchObject({ status: 404 })
})
