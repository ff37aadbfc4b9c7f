/**
 * The 3D models widget on the product page, rendered by the real admin build (backend/build,
 * served at /app) in Chromium: Fox.glb chosen in the widget's file input is uploaded with its
 * progress shown, then followed from queued to ready, with its levels of detail, size and
 * preview link; a JPEG renamed .glb is refused with the reason in words; Set as primary and
 * Delete (confirmed) act on the product's models.
 *
 * The scene: a draft product (drafts are not in the store, so other suites never see it).
 */
import path from "path"
import type { CDPSession, Locator, Page } from "playwright-core"
import { openAdminBrowser, type AdminBrowser } from "../harness/admin-browser"
import { adminToken, api } from "../harness/api"
import { eventually } from "../harness/orders"

const MODELS_DIR = path.resolve(__dirname, "../../../../shared/data/3d")
const FOX = path.join(MODELS_DIR, "Fox.glb")
const JPEG_AS_GLB = path.join(MODELS_DIR, "broken_jpeg_renamed.glb")
const run = Date.now().toString(36).toUpperCase()
/** Processing runs in a child process on shared cores: generous, and never asserted as a duration. */
const PROCESSING_TIMEOUT_MS = 120000

let auth: Record<string, string>
let ui: AdminBrowser
let page: Page
let widget: Locator
let productId: string | null = null

type Seen = { upload: string[]; progress: { now: number; text: string }[]; cards: { id: string; status: string; progress: number; primary: string }[] }

const listModels = async (): Promise<any[]> => {
  const res = await api("GET", `/admin/products/${productId}/3d-models`, { headers: auth })
  expect(res.status).toBe(200)
  return res.body.models
}

/** As the widget words them (en-IN, binary units): the tests read the page as the merchant does. */
const oneDecimal = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 1 })
const kbOrMb = (bytes: number) => (bytes < 1024 * 1024 ? `${oneDecimal.format(bytes / 1024)} KB` : `${oneDecimal.format(bytes / (1024 * 1024))} MB`)
const count = (n: number) => n.toLocaleString("en-IN")

/**
 * Records, from the page itself, every state the widget commits: the upload panel's state, each
 * value of the upload progress bar, and each card's status. Polling and a quick upload pass
 * through states faster than a test could look at them; a MutationObserver sees each render.
 */
async function recordWidget(): Promise<void> {
  await page.evaluate(() => {
    const seen: Seen = { upload: [], progress: [], cards: [] }
    ;(window as unknown as { __seen3d: Seen }).__seen3d = seen
    const root = () => document.querySelector("[data-testid=product-3d-models]")
    const record = () => {
      const w = root()
      if (!w) return
      const state = w.querySelector("[data-testid=model-upload]")?.getAttribute("data-state")
      if (state && seen.upload[seen.upload.length - 1] !== state) seen.upload.push(state)
      const bar = w.querySelector("[data-testid=upload-progress] [role=progressbar]")
      if (bar) {
        const now = Number(bar.getAttribute("aria-valuenow"))
        const text = bar.getAttribute("aria-valuetext") ?? ""
        const last = seen.progress[seen.progress.length - 1]
        if (!last || last.now !== now || last.text !== text) seen.progress.push({ now, text })
      }
      for (const card of Array.from(w.querySelectorAll("[data-testid=model-card]"))) {
        const id = card.getAttribute("data-model-id") ?? ""
        const status = card.getAttribute("data-status") ?? ""
        const progress = Number(card.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow") ?? -1)
        const primary = card.getAttribute("data-primary") ?? ""
        const last = [...seen.cards].reverse().find((c) => c.id === id)
        if (!last || last.status !== status || last.progress !== progress || last.primary !== primary) seen.cards.push({ id, status, progress, primary })
      }
    }
    record()
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
}

const seenSoFar = () => page.evaluate(() => (window as unknown as { __seen3d: Seen }).__seen3d)

/** Slows the browser's uploads, so a small model's upload shows progress between 0 and 100%. */
async function throttleUploads(cdp: CDPSession, bytesPerSecond: number): Promise<void> {
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond })
}

const cardNamed = (name: string) => widget.locator("[data-testid=model-card]", { has: page.getByText(name, { exact: true }) })

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  const product = await api("POST", "/admin/products", { headers: auth, body: { title: `UI 3D model tote ${run}`, status: "draft" } })
  expect(product.status).toBe(200)
  productId = product.body.product.id
  ui = await openAdminBrowser(auth)
  page = ui.page
  widget = page.getByTestId("product-3d-models")
}, 90000)

afterAll(async () => {
  if (auth && productId) {
    // A model still being processed cannot be deleted: wait for it to finish first.
    const left = await eventually("the test's models to finish processing", async () => {
      const models = await listModels()
      return models.every((m) => m.status !== "processing") ? models : null
    }, PROCESSING_TIMEOUT_MS).catch(() => [] as any[])
    for (const m of left) await api("DELETE", `/admin/3d-models/${m.id}`, { headers: auth })
    await api("DELETE", `/admin/products/${productId}`, { headers: auth })
  }
  await ui?.close()
}, PROCESSING_TIMEOUT_MS + 30000)

afterEach(() => {
  expect(ui.pageErrors).toEqual([])
})

test(
  "Fox.glb chosen in the widget uploads with its progress shown, then goes from queued through processing to ready with its LOD facts",
  async () => {
    await ui.open(`/app/a/products/${productId}`, "[data-testid=product-3d-models] [data-testid=model-upload]")
    await widget.getByText("No 3D model for this product yet.", { exact: true }).waitFor()
    await recordWidget()

    const cdp = await page.context().newCDPSession(page)
    await cdp.send("Network.enable")
    await throttleUploads(cdp, 48 * 1024)
    try {
      await widget.getByTestId("model-file-input").setInputFiles(FOX)
      const card = cardNamed("Fox.glb")
      await card.waitFor()
      await throttleUploads(cdp, -1)
      await card.locator("[data-testid=model-ready]").waitFor({ timeout: PROCESSING_TIMEOUT_MS })
    } finally {
      await throttleUploads(cdp, -1).catch(() => {})
      await cdp.detach().catch(() => {})
    }

    const models = await listModels()
    expect(models).toHaveLength(1)
    const fox = models[0]
    expect(fox).toMatchObject({ status: "ready", is_primary: true, original_name: "Fox.glb", error: null })
    expect(fox.lods.length).toBeGreaterThan(0)
    const card = widget.locator(`[data-testid=model-card][data-model-id="${fox.id}"]`)

    const seen = await seenSoFar()
    // The upload went sending -> checking (the server validates before answering) -> idle again.
    expect(seen.upload.slice(seen.upload.indexOf("sending"))).toEqual(["sending", "checking", "idle"])
    // The bar moved forward through values between 0 and 100%, counting the file's own size.
    const values = seen.progress.map((p) => p.now)
    expect(values.some((v) => v > 0 && v < 100)).toBe(true)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    expect(seen.progress[seen.progress.length - 1].text).toContain(`of ${kbOrMb(162852)}`)
    // The card appeared at once as queued (the 202's model), and its status only ever moved forward.
    const statuses = seen.cards.filter((c) => c.id === fox.id)
    const rank = { queued: 0, processing: 1, ready: 2, failed: 3 } as Record<string, number>
    expect(statuses[0].status).toBe("queued")
    expect(statuses[statuses.length - 1].status).toBe("ready")
    expect(statuses.map((s) => rank[s.status])).toEqual(statuses.map((s) => rank[s.status]).sort((a, b) => a - b))
    const processing = statuses.filter((s) => s.status === "processing").map((s) => s.progress)
    expect(processing).toEqual([...processing].sort((a, b) => a - b))

    // Ready: the status in words, the primary badge, each level's facts and the size in cm.
    await expect(card.getByTestId("model-status").textContent()).resolves.toBe("Ready")
    await expect(card.getByTestId("model-primary").textContent()).resolves.toBe("Primary")
    for (const lod of fox.lods) {
      const row = card.locator(`[data-testid=model-lod][data-level="${lod.level}"]`)
      await expect(row.locator("[data-column=triangles]").textContent()).resolves.toBe(count(lod.triangles))
      await expect(row.locator("[data-column=vertices]").textContent()).resolves.toBe(count(lod.vertices))
      await expect(row.locator("[data-column=bytes]").textContent()).resolves.toBe(kbOrMb(lod.bytes))
    }
    await expect(card.locator("[data-testid=model-lod]").count()).resolves.toBe(fox.lods.length)
    const lod0 = fox.lods.find((l: any) => l.level === 0)
    // Fox.glb has 576 triangles; LOD0 keeps every one.
    expect(lod0.triangles).toBe(576)
    const cm = (axis: number) => oneDecimal.format(Math.abs(fox.bbox.max[axis] - fox.bbox.min[axis]) * 100)
    await expect(card.getByTestId("model-bbox").textContent()).resolves.toContain(`${cm(0)} × ${cm(1)} × ${cm(2)} cm`)

    // The preview: the full-detail GLB to open, and its facts.
    const preview = card.getByTestId("model-preview")
    await expect(preview.getByRole("link", { name: "Open LOD0" }).getAttribute("href")).resolves.toBe(lod0.url)
    await expect(preview.textContent()).resolves.toContain(`${count(576)} triangles, ${kbOrMb(lod0.bytes)}`)
    // What the link opens is the GLB itself.
    const glb = await page.context().request.get(lod0.url)
    expect(glb.status()).toBe(200)
    const bytes = await glb.body()
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("glTF")
    expect(bytes.length).toBe(lod0.bytes)
  },
  PROCESSING_TIMEOUT_MS + 60000
)

test("a JPEG renamed .glb is refused with the reason in words, and nothing is stored", async () => {
  await ui.open(`/app/a/products/${productId}`, "[data-testid=product-3d-models] [data-testid=model-list]")
  await widget.getByTestId("model-file-input").setInputFiles(JPEG_AS_GLB)
  const refusal = widget.getByTestId("upload-refusal")
  await refusal.waitFor()
  await expect(refusal.getAttribute("data-code")).resolves.toBe("unsupported_format")
  await expect(refusal.getAttribute("role")).resolves.toBe("alert")
  const text = await refusal.textContent()
  expect(text).toContain("broken_jpeg_renamed.glb was not accepted")
  expect(text).toMatch(/JPEG image, not a 3D model/)

  expect(await listModels()).toHaveLength(1)
  await widget.locator("[data-testid=model-card]").first().waitFor()
  await expect(widget.locator("[data-testid=model-card]").count()).resolves.toBe(1)

  await refusal.getByRole("button", { name: "Dismiss" }).click()
  await refusal.waitFor({ state: "detached" })
})

test(
  "Set as primary moves the primary badge to another model, and Delete (confirmed) removes models",
  async () => {
    await ui.open(`/app/a/products/${productId}`, "[data-testid=product-3d-models] [data-testid=model-list]")
    const [fox] = await listModels()
    // A second model, uploaded as the first was, through the widget.
    await widget.getByTestId("model-file-input").setInputFiles(FOX)
    const second = widget.locator("[data-testid=model-card]:not([data-model-id='" + fox.id + "'])")
    await second.waitFor()
    await second.locator("[data-testid=model-ready]").waitFor({ timeout: PROCESSING_TIMEOUT_MS })
    const secondId = await second.getAttribute("data-model-id")
    const first = widget.locator(`[data-testid=model-card][data-model-id="${fox.id}"]`)
    await expect(first.getAttribute("data-primary")).resolves.toBe("true")
    await expect(second.getAttribute("data-primary")).resolves.toBe("false")
    // Only a model that is not primary offers it.
    await expect(first.getByRole("button", { name: /Set as primary/ }).count()).resolves.toBe(0)

    await second.getByRole("button", { name: /Set as primary/ }).click()
    await widget.locator(`[data-testid=model-card][data-model-id="${secondId}"][data-primary=true]`).waitFor()
    await widget.locator(`[data-testid=model-card][data-model-id="${fox.id}"][data-primary=false]`).waitFor()
    // Primary first, as the store reads them.
    await expect(widget.locator("[data-testid=model-card]").first().getAttribute("data-model-id")).resolves.toBe(secondId)
    expect((await listModels()).map((m) => [m.id, m.is_primary])).toEqual([
      [secondId, true],
      [fox.id, false],
    ])

    // Delete asks first; going back leaves the model.
    const primaryCard = widget.locator(`[data-testid=model-card][data-model-id="${secondId}"]`)
    await primaryCard.getByRole("button", { name: /^Delete/ }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Go back" }).click()
    await page.getByRole("alertdialog").waitFor({ state: "detached" })
    expect(await listModels()).toHaveLength(2)

    await primaryCard.getByRole("button", { name: /^Delete/ }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete model" }).click()
    await primaryCard.waitFor({ state: "detached" })
    // The remaining model becomes the primary one again.
    await widget.locator(`[data-testid=model-card][data-model-id="${fox.id}"][data-primary=true]`).waitFor()
    expect((await listModels()).map((m) => [m.id, m.is_primary])).toEqual([[fox.id, true]])

    await first.getByRole("button", { name: /^Delete/ }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete model" }).click()
    await widget.getByText("No 3D model for this product yet.", { exact: true }).waitFor()
    expect(await listModels()).toHaveLength(0)
  },
  PROCESSING_TIMEOUT_MS + 60000
)
