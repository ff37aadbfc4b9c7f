/**
 * The human-readable forms of our messages to suppliers: the purchase-order email and the
 * WhatsApp template parameters. Built from the same payload as the signed webhook, so
 * every channel says the same thing.
 */
import type { ShipTo } from "./forwarding"

export type CreatedData = {
  supplier_order_id: string
  supplier_code: string
  order_number: number
  ordered_at: string
  ship_by_days: number
  items: { supplier_sku: string; sku: string | null; title: string; quantity: number; unit_cost: number }[]
  total_cost: number
  currency: string
  ship_to: ShipTo
  payment: { method: "cod" | "prepaid"; collect_amount: number }
}

export type CancelledData = { supplier_order_id: string; supplier_code: string; order_number: number; reason: string }

export type RenderedEmail = { subject: string; text: string; html: string }

export function formatMoney(minor: number, currency: string): string {
  const code = currency.toUpperCase()
  return new Intl.NumberFormat(code === "INR" ? "en-IN" : "en-US", { style: "currency", currency: code }).format(minor / 100)
}

/** Our reference for a supplier order, the same on every channel and in the admin. */
export function purchaseOrderReference(orderNumber: number, supplierCode: string): string {
  return `PO-${orderNumber}-${supplierCode}`
}

function shipByDate(orderedAt: string, days: number): string {
  const d = new Date(orderedAt)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function addressLines(to: ShipTo): string[] {
  return [to.name, to.address_1, to.address_2, [to.city, to.province, to.postal_code].filter(Boolean).join(", "), to.country_code?.toUpperCase(), to.phone ? `Phone ${to.phone}` : null].filter(
    (l): l is string => Boolean(l)
  )
}

function paymentLine(data: CreatedData): string {
  return data.payment.method === "cod" ? `Cash on delivery: the courier collects ${formatMoney(data.payment.collect_amount, data.currency)}` : "Prepaid: collect nothing"
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

export function purchaseOrderEmail(data: CreatedData, supplierName: string): RenderedEmail {
  const ref = purchaseOrderReference(data.order_number, data.supplier_code)
  const units = data.items.reduce((n, i) => n + i.quantity, 0)
  const shipBy = shipByDate(data.ordered_at, data.ship_by_days)
  const subject = `Purchase order ${ref}: ${units} item${units === 1 ? "" : "s"}, ship by ${shipBy}`
  const rows = data.items.map((i) => ({ sku: i.supplier_sku, title: i.title, qty: i.quantity, cost: formatMoney(i.unit_cost, data.currency), line: formatMoney(i.unit_cost * i.quantity, data.currency) }))
  const text = [
    `Dear ${supplierName},`,
    "",
    `Please dispatch purchase order ${ref} (our order #${data.order_number}) by ${shipBy}.`,
    "",
    ...rows.map((r) => `- ${r.qty} x ${r.sku}  ${r.title}  @ ${r.cost} = ${r.line}`),
    `Total cost: ${formatMoney(data.total_cost, data.currency)}`,
    "",
    "Ship to:",
    ...addressLines(data.ship_to).map((l) => `  ${l}`),
    "",
    paymentLine(data),
    "",
    `Reply with the AWB once shipped, quoting ${ref}. Supplier order id: ${data.supplier_order_id}`,
  ].join("\n")
  const html = [
    `<p>Dear ${escapeHtml(supplierName)},</p>`,
    `<p>Please dispatch purchase order <strong>${escapeHtml(ref)}</strong> (our order #${data.order_number}) by <strong>${shipBy}</strong>.</p>`,
    `<table cellpadding="6" style="border-collapse:collapse" border="1"><thead><tr><th>Supplier SKU</th><th>Item</th><th>Qty</th><th>Unit cost</th><th>Line</th></tr></thead><tbody>`,
    ...rows.map((r) => `<tr><td>${escapeHtml(r.sku)}</td><td>${escapeHtml(r.title)}</td><td>${r.qty}</td><td>${escapeHtml(r.cost)}</td><td>${escapeHtml(r.line)}</td></tr>`),
    `</tbody><tfoot><tr><td colspan="4">Total cost</td><td>${escapeHtml(formatMoney(data.total_cost, data.currency))}</td></tr></tfoot></table>`,
    `<p><strong>Ship to</strong><br>${addressLines(data.ship_to).map(escapeHtml).join("<br>")}</p>`,
    `<p>${escapeHtml(paymentLine(data))}</p>`,
    `<p>Reply with the AWB once shipped, quoting ${escapeHtml(ref)}. Supplier order id: ${escapeHtml(data.supplier_order_id)}</p>`,
  ].join("\n")
  return { subject, text, html }
}

export function cancellationEmail(data: CancelledData, supplierName: string): RenderedEmail {
  const ref = purchaseOrderReference(data.order_number, data.supplier_code)
  const subject = `Cancelled: purchase order ${ref}, do not ship`
  const text = [`Dear ${supplierName},`, "", `Purchase order ${ref} (our order #${data.order_number}) is cancelled: ${data.reason}.`, "Please do not ship it. If it has already left, reply with the AWB.", "", `Supplier order id: ${data.supplier_order_id}`].join("\n")
  const html = `<p>Dear ${escapeHtml(supplierName)},</p><p>Purchase order <strong>${escapeHtml(ref)}</strong> (our order #${data.order_number}) is <strong>cancelled</strong>: ${escapeHtml(data.reason)}.</p><p>Please do not ship it. If it has already left, reply with the AWB.</p><p>Supplier order id: ${escapeHtml(data.supplier_order_id)}</p>`
  return { subject, text, html }
}

/**
 * Body parameters of the pre-approved templates (Meta refuses a message whose parameter
 * count differs from the template's). New order: {{1}} reference, {{2}} items,
 * {{3}} ship to, {{4}} ship by and payment. Cancellation: {{1}} reference, {{2}} reason.
 */
export function whatsappOrderParameters(data: CreatedData): string[] {
  const items = data.items.map((i) => `${i.quantity} x ${i.supplier_sku}`).join(", ")
  const to = [data.ship_to.name, data.ship_to.city, data.ship_to.postal_code].filter(Boolean).join(", ")
  const payment = data.payment.method === "cod" ? `COD ${formatMoney(data.payment.collect_amount, data.currency)}` : "prepaid"
  // WhatsApp template parameters may not contain newlines or more than 4 consecutive spaces.
  const clean = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 1000)
  return [purchaseOrderReference(data.order_number, data.supplier_code), items, to, `${shipByDate(data.ordered_at, data.ship_by_days)}, ${payment}`].map(clean)
}

export function whatsappCancelParameters(data: CancelledData): string[] {
  return [purchaseOrderReference(data.order_number, data.supplier_code), data.reason.replace(/\s+/g, " ").trim().slice(0, 1000)]
}
