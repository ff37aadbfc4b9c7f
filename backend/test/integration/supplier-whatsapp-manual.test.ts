/**
 * WhatsApp suppliers get a pre-approved template through the Cloud API (a local simulator
 * enforcing the template's parameter count); suppliers that are not forwarded
 * automatically wait in the admin's manual queue until the merchant sends or marks them.
 */
import { adminToken, api, stackInfo } from "../harness/api"
import { createProduct, deleteCreatedProducts, eventually, placeCodOrder } from "../harness/orders"
import { startWhatsAppCloudSimulator, type WhatsAppCloudSimulator } from "../simulators/whatsapp-cloud"

let auth: Record<string, string>
let cloud: WhatsAppCloudSimulator
const run = Date.now().toString(36).toUpperCase()
let variants: Record<string, string>

async function create(body: Record<string, unknown>): Promise<string> {
  const res = await api("POST", "/admin/suppliers", { headers: auth, body })
  expect(res.status).toBe(201)
  return res.body.supplier.id
}

async function onlySupplierOrder(orderId: string): Promise<any> {
  const [so] = await eventually("the supplier order", async () => {
    const list = (await api("GET", `/admin/orders/${orderId}/supplier-orders`, { headers: auth })).body.supplier_orders
    return list.length ? list : undefined
  })
  return so
}

const statusOf = (id: string, status: string) =>
  eventually(`supplier order ${id} to be ${status}`, async () => {
    const so = (await api("GET", `/admin/supplier-orders/${id}`, { headers: auth })).body.supplier_order
    return so.status === status ? so : undefined
  })

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  const port = stackInfo().whatsappApiPort
  if (!port) throw new Error("the test stack was started without a WhatsApp API port (see test/harness/global-setup.ts)")
  cloud = await startWhatsAppCloudSimulator({ port, phoneNumberId: "109876543210", token: "test-whatsapp-token", templates: { supplier_new_order: 4, supplier_order_cancelled: 2 } })
  await create({ code: `WA-${run}`, name: "Chandni Chowk Lehengas", integration: "whatsapp", whatsapp: "+919811122233", auto_forward: true })
  await create({ code: `HAND-${run}`, name: "Karol Bagh Tailors", integration: "manual", phone: "+91 98111 44455" })
  variants = await createProduct(auth, `Lehenga ${run}`, [`LEH-${run}-M`, `LEH-${run}-L`])
  const mapped = await api("POST", "/admin/supplier-mappings", {
    headers: auth,
    body: {
      mappings: [
        { variant_id: variants[`LEH-${run}-M`], supplier_code: `WA-${run}`, supplier_sku: `CC-${run}-M`, cost_price: 210000 },
        { variant_id: variants[`LEH-${run}-L`], supplier_code: `HAND-${run}`, supplier_sku: `KB-${run}-L`, cost_price: 190000 },
      ],
    },
  })
  expect(mapped.status).toBe(200)
})

afterAll(async () => {
  await deleteCreatedProducts(auth)
  await cloud?.close()
})

test("a WhatsApp supplier is sent the new-order template with the reference, items, address and payment", async () => {
  const orderId = await placeCodOrder([variants[`LEH-${run}-M`]])
  const so = await onlySupplierOrder(orderId)
  const sent = await statusOf(so.id, "sent")
  const message = cloud.sent.find((m) => m.parameters[1].includes(`CC-${run}-M`))!
  expect(message).toMatchObject({ to: "919811122233", template: "supplier_new_order", language: "en" })
  const displayId = (await api("GET", `/admin/orders/${orderId}`, { headers: auth })).body.order.display_id
  expect(message.parameters).toEqual([`PO-${displayId}-WA-${run}`, `1 x CC-${run}-M`, "Nila Shah, Surat, 395003", expect.stringMatching(/^\d{4}-\d{2}-\d{2}, COD ₹/)])
  expect(sent.history.at(-1).detail).toMatchObject({ channel: "whatsapp", answer: `WhatsApp message ${message.id}` })
})

test("a manual supplier's order waits in the manual queue until the merchant marks it as sent", async () => {
  const orderId = await placeCodOrder([variants[`LEH-${run}-L`]])
  const so = await onlySupplierOrder(orderId)
  expect(so.status).toBe("pending")
  expect(so.messages).toEqual([])
  const queue = (await api("GET", "/admin/supplier-orders?queue=manual&limit=200", { headers: auth })).body.supplier_orders
  expect(queue.map((q: any) => q.id)).toContain(so.id)

  // There is nothing to send it through.
  const resend = await api("POST", `/admin/supplier-orders/${so.id}/resend`, { headers: auth })
  expect(resend.status).toBe(400)
  expect(resend.body.message).toMatch(/handled by hand/)

  const marked = await api("POST", `/admin/supplier-orders/${so.id}/mark-sent`, { headers: auth, body: { note: "phoned Ravi at 11:40" } })
  expect(marked.status).toBe(200)
  expect(marked.body.supplier_order).toMatchObject({ status: "sent" })
  expect(marked.body.supplier_order.history.at(-1).detail).toMatchObject({ channel: "manual", note: "phoned Ravi at 11:40" })
  const after = (await api("GET", "/admin/supplier-orders?queue=manual&limit=200", { headers: auth })).body.supplier_orders
  expect(after.map((q: any) => q.id)).not.toContain(so.id)

  // Marking it again changes nothing.
  const twice = await api("POST", `/admin/supplier-orders/${so.id}/mark-sent`, { headers: auth, body: {} })
  expect(twice.status).toBe(200)
})

test("the seed's WhatsApp supplier (not forwarded automatically) is sent from the manual queue by hand", async () => {
  const delhi = (await api("GET", "/admin/suppliers", { headers: auth })).body.suppliers.find((s: any) => s.code === "DELHI-WA")
  const products = (await api("GET", "/store/products?limit=100")).body.products
  const product = products.find((p: any) => p.metadata?.supplier_code === "DELHI-WA" && p.variants.some((v: any) => v.inventory_quantity > 0))
  const variant = product.variants.find((v: any) => v.inventory_quantity > 0)
  const orderId = await placeCodOrder([variant.id])
  const so = await onlySupplierOrder(orderId)
  expect(so).toMatchObject({ supplier_id: delhi.id, status: "pending", messages: [] })

  const before = cloud.sent.length
  const res = await api("POST", `/admin/supplier-orders/${so.id}/resend`, { headers: auth })
  expect(res.status).toBe(200)
  await statusOf(so.id, "sent")
  expect(cloud.sent.length).toBe(before + 1)
  expect(cloud.sent.at(-1)).toMatchObject({ to: "919000000303", template: "supplier_new_order" })
})
