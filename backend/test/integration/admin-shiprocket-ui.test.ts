/**
 * The Shiprocket admin UI, rendered by the real admin build (backend/build, served at /app)
 * in Chromium against the local Shiprocket simulator: the order widget shows a booked
 * parcel and, after a tracking webhook and a refresh, where it is now; Settings >
 * Shiprocket shows the webhook to register, a live connection test with the pickup
 * locations, the default package, and the failed bookings, whose retry books them.
 *
 * Setting the scene through the API: a cheap product from the Surat supplier (pickup
 * location Surat-WH1), one COD courier order fulfilled and booked, and one whose booking
 * Shiprocket refuses (the simulator does not know Surat-WH1 for a moment).
 */
import type { Page } from "playwright-core"
import { startShiprocketSimulator, type ShiprocketSimulator, type SimPickupLocation } from "medusa-plugin-shiprocket/simulator/shiprocket-simulator"
import { openAdminBrowser, type AdminBrowser } from "../harness/admin-browser"
import { adminToken, api, stackInfo } from "../harness/api"
import { courierParcels, fulfil as fulfilItems, placeCourierOrder as placeCourierOrderIn, untilPasses, untilShiprocketConnects } from "../harness/courier"
import { createProduct, deleteCreatedProducts } from "../harness/orders"

const run = Date.now().toString(36).toUpperCase()
// Fresh pincodes per run: rates are cached for 10 minutes, also across runs on one server.
const pinBase = 400000 + Math.floor(Math.random() * 900) * 100
const pin = (n: number) => String(pinBase + n)
// The seeded suppliers' pickup addresses, as registered at Shiprocket.
const PICKUPS: SimPickupLocation[] = [
  { pickup_location: "Surat-WH1", pin_code: "395003" },
  { pickup_location: "Jaipur-WH1", pin_code: "302029" },
  { pickup_location: "Delhi-WH1", pin_code: "110020" },
]

let sim: ShiprocketSimulator
let auth: Record<string, string>
let webhookToken: string
let india: { id: string }
let variantId: string
let bookedOrderId: string
let bookedParcel: any
let failedOrderId: string
let failedParcel: any
let ui: AdminBrowser
let page: Page

const placeCourierOrder = (pincode: string) => placeCourierOrderIn(india.id, variantId, 1, pincode)
const fulfil = (order: any) => fulfilItems(auth, order.id, [{ item_id: order.items[0].id, quantity: 1 }])

/** The order's single parcel once it is in `state`. */
const parcelIn = (orderId: string, state: string) =>
  untilPasses(async () => {
    const shipments = await courierParcels(auth, orderId)
    expect(shipments).toHaveLength(1)
    expect(shipments[0].state).toBe(state)
    return shipments[0]
  })

beforeAll(async () => {
  const port = stackInfo().shiprocketApiPort
  if (!port) throw new Error("the test stack was started without a Shiprocket API port (see test/harness/global-setup.ts)")
  sim = await startShiprocketSimulator({ port, email: "api@example.com", password: "secret", pickupLocations: PICKUPS })
  auth = { authorization: `Bearer ${await adminToken()}` }
  await untilShiprocketConnects(auth)
  india = (await api("GET", "/store/regions")).body.regions.find((r: any) => r.currency_code === "inr")
  const variants = await createProduct(auth, `UI hair tie ${run}`, [`UITIE-${run}`], { inrPrice: 5000, stock: 50 })
  variantId = variants[`UITIE-${run}`]
  const mapped = await api("POST", "/admin/supplier-mappings", {
    headers: auth,
    body: { mappings: [{ variant_id: variantId, supplier_code: "SURAT-API", supplier_sku: `SUR-UITIE-${run}`, cost_price: 2000 }] },
  })
  expect(mapped.body).toEqual({ updated: 1 })
  webhookToken = (await api("GET", "/admin/shiprocket/settings", { headers: auth })).body.webhook.token
  expect(webhookToken).toBeTruthy()

  // One parcel booked...
  const booked = await placeCourierOrder(pin(1))
  bookedOrderId = booked.id
  await fulfil(booked)
  bookedParcel = await parcelIn(bookedOrderId, "booked")
  // ...and one Shiprocket refuses: it does not know the supplier's pickup location (422).
  const failing = await placeCourierOrder(pin(2))
  failedOrderId = failing.id
  sim.setPickupLocations([{ pickup_location: "Elsewhere-WH", pin_code: "110030" }])
  try {
    await fulfil(failing)
    failedParcel = await parcelIn(failedOrderId, "failed")
  } finally {
    sim.setPickupLocations(PICKUPS)
  }

  ui = await openAdminBrowser(auth)
  page = ui.page
}, 90000)

afterAll(async () => {
  if (auth) await deleteCreatedProducts(auth)
  await ui?.close()
  await sim?.close()
})

afterEach(() => {
  expect(ui.pageErrors).toEqual([])
})

test("the order page shows the booked parcel, and after a tracking webhook and Refresh, its new stage", async () => {
  await ui.open(`/app/a/orders/${bookedOrderId}`, "[data-testid=shiprocket-widget] [data-testid=shiprocket-shipment]")
  const widget = page.getByTestId("shiprocket-widget")
  const card = widget.locator(`[data-testid=shiprocket-shipment][data-shipment-id="${bookedParcel.id}"]`)
  await card.waitFor()
  expect(await card.getAttribute("data-state")).toBe("booked")
  expect(bookedParcel.awb).toBeTruthy()
  expect(bookedParcel.courier_name).toBeTruthy()
  const facts = card.getByTestId("shipment-facts")
  await facts.getByText(bookedParcel.awb, { exact: true }).waitFor()
  await facts.getByText(bookedParcel.courier_name, { exact: true }).waitFor()
  await facts.getByText("Surat-WH1", { exact: true }).waitFor()
  await card.getByTestId("booking-state").getByText(`Booked: AWB ${bookedParcel.awb} with ${bookedParcel.courier_name}`).waitFor()
  await card.locator("[data-stage=pickup_pending]").getByText("Pickup pending").waitFor()

  const picked = await sim.sendTrackingWebhook({ url: `${stackInfo().baseUrl}/hooks/courier-tracking`, apiKey: webhookToken, awb: bookedParcel.awb, statusId: 42 })
  expect(picked.status).toBe(200)
  expect(picked.body).toMatchObject({ stage: "picked_up" })
  await widget.getByRole("button", { name: "Refresh", exact: true }).click()
  await widget.locator(`[data-testid=shiprocket-shipment][data-stage=picked_up]`).waitFor()
  await card.locator("[data-stage=picked_up]").getByText("Picked up", { exact: true }).waitFor()
  await card.getByTestId("current-status").getByText("Picked up").waitFor()
  // Picked up: too late to cancel, so the button is gone.
  await expect(card.getByRole("button", { name: "Cancel shipment" }).count()).resolves.toBe(0)
})

test("Settings > Shiprocket shows the webhook, the pickup locations from a connection test, and the default package", async () => {
  await ui.open("/app/a/settings/shiprocket", "[data-testid=shiprocket-settings] [data-testid=shiprocket-webhook]")
  const settings = page.getByTestId("shiprocket-settings")

  const webhook = settings.getByTestId("shiprocket-webhook")
  await expect(webhook.getByTestId("webhook-url").textContent()).resolves.toMatch(/^https?:\/\/[^/]+\/hooks\/courier-tracking$/)
  // Masked until revealed.
  await expect(webhook.getByTestId("webhook-token").textContent()).resolves.not.toBe(webhookToken)
  await webhook.getByRole("button", { name: "Show token" }).click()
  await webhook.getByTestId("webhook-token").getByText(webhookToken, { exact: true }).waitFor()

  const connection = settings.getByTestId("shiprocket-connection")
  await connection.getByText("Configured", { exact: true }).waitFor()
  await connection.getByRole("button", { name: "Test connection" }).click()
  const locations = connection.getByTestId("pickup-locations")
  await locations.waitFor()
  for (const l of PICKUPS) {
    const row = locations.locator("tbody tr", { hasText: l.pickup_location })
    await row.getByText(l.pin_code, { exact: true }).waitFor()
  }
  await expect(locations.locator("tbody tr").count()).resolves.toBe(PICKUPS.length)

  const pkg = settings.getByTestId("shiprocket-package")
  await expect(pkg.getByLabel("Length (cm)").inputValue()).resolves.toBe("30")
  await expect(pkg.getByLabel("Breadth (cm)").inputValue()).resolves.toBe("25")
  await expect(pkg.getByLabel("Height (cm)").inputValue()).resolves.toBe("5")
  await expect(pkg.getByRole("button", { name: "Save" }).isDisabled()).resolves.toBe(true)
})

test("a failed booking is listed with its reason on the settings page, and Retry booking books it", async () => {
  await ui.open("/app/a/settings/shiprocket", "[data-testid=shiprocket-failed]")
  const failed = page.getByTestId("shiprocket-failed")
  const row = failed.locator(`tr[data-shipment-id="${failedParcel.id}"]`)
  await row.waitFor()
  await row.getByText("Surat-WH1", { exact: true }).waitFor()
  await row.getByText(/Shiprocket refused the parcel: .*pickup/i).waitFor()
  await row.getByRole("link", { name: /Order #\d+/ }).waitFor()

  await row.getByRole("button", { name: "Retry booking" }).click()
  const parcel = await parcelIn(failedOrderId, "booked")
  expect(parcel.pickup_location).toBe("Surat-WH1")
  expect(parcel.awb).toBeTruthy()
  // The list refreshes after the retry: the parcel is no longer among the failed ones.
  await row.waitFor({ state: "detached" })
})
