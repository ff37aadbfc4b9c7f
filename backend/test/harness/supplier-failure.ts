/**
 * A real failed supplier order, for tests of what the admin shows about it: a supplier whose
 * endpoint (the supplier simulator) fails every delivery, a product mapped to it, and a COD
 * order; the dispatcher retries (SUPPLIER_RETRY_MAX_ATTEMPTS=4 in the test stack) and marks
 * the supplier order failed. `recover` lets deliveries through again and resends it by hand.
 */
import { startSupplierSimulator, type SupplierSimulator } from "medusa-plugin-supplier-forwarding/simulator/supplier-simulator"
import { api } from "./api"
import { createProduct, eventually, placeCodOrder } from "./orders"

export type FailingSupplier = {
  sim: SupplierSimulator
  /** places an order of the mapped variant and waits until its supplier order has failed for good */
  failOne(): Promise<{ orderId: string; supplierOrderId: string }>
  /** deliveries succeed again, and the failed supplier order is resent and delivered */
  recover(supplierOrderId: string): Promise<void>
  close(): Promise<void>
}

export async function failingSupplier(auth: Record<string, string>, label: string): Promise<FailingSupplier> {
  const run = `${label}${Date.now().toString(36)}`.toUpperCase()
  const code = `FAIL-${run}`
  const sim = await startSupplierSimulator({ failRate: 1 })
  const created = await api("POST", "/admin/suppliers", {
    headers: auth,
    body: { code, name: `Unreachable ${code}`, integration: "api", endpoint: sim.endpointFor(code), pickup_location: `${code}-WH`, processing_days: 2 },
  })
  if (created.status !== 201) throw new Error(`creating supplier ${code}: ${created.status} ${created.text}`)
  sim.addSupplier(code, created.body.secret)
  const sku = `${code}-M`
  const variants = await createProduct(auth, `Failing supplier kurta ${run}`, [sku])
  const mapping = await api("POST", "/admin/supplier-mappings", {
    headers: auth,
    body: { mappings: [{ variant_id: variants[sku], supplier_code: code, supplier_sku: `X-${sku}`, cost_price: 50000 }] },
  })
  if (mapping.status !== 200) throw new Error(`mapping ${sku}: ${mapping.status} ${mapping.text}`)

  const supplierOrder = async (id: string) => (await api("GET", `/admin/supplier-orders/${id}`, { headers: auth })).body.supplier_order

  return {
    sim,
    async failOne() {
      sim.setFailRate(1)
      const orderId = await placeCodOrder([variants[sku]])
      const [so] = await eventually("the supplier order", async () => {
        const list = (await api("GET", `/admin/orders/${orderId}/supplier-orders`, { headers: auth })).body.supplier_orders
        return list?.length ? list : undefined
      })
      await eventually("the deliveries to run out", async () => (await supplierOrder(so.id))?.status === "failed", 60000)
      return { orderId, supplierOrderId: so.id }
    },
    async recover(supplierOrderId: string) {
      sim.setFailRate(0)
      const resent = await api("POST", `/admin/supplier-orders/${supplierOrderId}/resend`, { headers: auth })
      if (resent.status !== 200) throw new Error(`resending ${supplierOrderId}: ${resent.status} ${resent.text}`)
      await eventually("the resend to be delivered", async () => (await supplierOrder(supplierOrderId))?.status === "sent", 30000)
    },
    close: () => sim.close(),
  }
}
