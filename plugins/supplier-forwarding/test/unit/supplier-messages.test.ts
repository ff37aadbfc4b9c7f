import {
  cancellationEmail,
  formatMoney,
  purchaseOrderEmail,
  purchaseOrderReference,
  whatsappCancelParameters,
  whatsappOrderParameters,
  type CancelledData,
  type CreatedData,
} from "../../src/core/supplier-messages"

const order: CreatedData = {
  supplier_order_id: "supord_01TEST",
  supplier_code: "JAIPUR",
  order_number: 1042,
  ordered_at: "2026-11-23T10:00:00.000Z",
  ship_by_days: 3,
  items: [
    { supplier_sku: "JP-1", sku: "ZR-1", title: `<script>alert("x")</script> Kurta & Dupatta`, quantity: 2, unit_cost: 45000 },
    { supplier_sku: "JP-2", sku: null, title: "Stole", quantity: 1, unit_cost: 39950 },
  ],
  total_cost: 129950,
  currency: "inr",
  ship_to: { name: "Nila <b>Shah</b>", phone: "+919822233344", address_1: "21 Ring Rd", address_2: null, city: "Surat", province: "Gujarat", postal_code: "395003", country_code: "in" },
  payment: { method: "cod", collect_amount: 1234500 },
}
const cancelled: CancelledData = { supplier_order_id: "supord_01TEST", supplier_code: "JAIPUR", order_number: 1042, reason: "customer <cancelled>\n  before   dispatch" }

describe("formatMoney and purchaseOrderReference", () => {
  it("formats minor units in rupees (Indian grouping) and dollars", () => {
    expect(formatMoney(129950, "inr")).toBe("₹1,299.50")
    expect(formatMoney(10000000, "INR")).toBe("₹1,00,000.00")
    expect(formatMoney(123456, "usd")).toBe("$1,234.56")
  })

  it("builds the reference the supplier quotes back", () => {
    expect(purchaseOrderReference(1042, "JAIPUR")).toBe("PO-1042-JAIPUR")
  })
})

describe("purchaseOrderEmail", () => {
  const mail = purchaseOrderEmail(order, "Sanganer Prints & Crafts")

  it("says what, by when, and the cash to collect", () => {
    expect(mail.subject).toBe("Purchase order PO-1042-JAIPUR: 3 items, ship by 2026-11-26")
    expect(mail.text).toContain("- 2 x JP-1")
    expect(mail.text).toContain("@ ₹450.00 = ₹900.00")
    expect(mail.text).toContain("Total cost: ₹1,299.50")
    expect(mail.text).toContain("Cash on delivery: the courier collects ₹12,345.00")
    expect(mail.text).toContain("Supplier order id: supord_01TEST")
    expect(mail.html).toContain("₹1,299.50")
    expect(mail.html).toContain("Cash on delivery: the courier collects ₹12,345.00")
  })

  it("escapes HTML in item titles, names and addresses", () => {
    expect(mail.html).not.toContain("<script>")
    expect(mail.html).not.toContain("<b>Shah")
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Kurta &amp; Dupatta")
    expect(mail.html).toContain("Dear Sanganer Prints &amp; Crafts,")
    expect(mail.html).toContain("Nila &lt;b&gt;Shah&lt;/b&gt;")
  })

  it("uses the singular for one unit, dollars for a USD order, and asks nothing for prepaid", () => {
    const one = purchaseOrderEmail({ ...order, items: [order.items[1]], total_cost: 39950, currency: "usd", payment: { method: "prepaid", collect_amount: 0 } }, "Acme")
    expect(one.subject).toBe("Purchase order PO-1042-JAIPUR: 1 item, ship by 2026-11-26")
    expect(one.text).toContain("Total cost: $399.50")
    expect(one.text).toContain("Prepaid: collect nothing")
    expect(one.text).not.toContain("₹")
  })
})

describe("cancellationEmail", () => {
  it("tells the supplier not to ship, with the reason escaped in html", () => {
    const mail = cancellationEmail(cancelled, "Sanganer & Co")
    expect(mail.subject).toBe("Cancelled: purchase order PO-1042-JAIPUR, do not ship")
    expect(mail.text).toContain("Please do not ship it")
    expect(mail.html).toContain("Dear Sanganer &amp; Co,")
    expect(mail.html).toContain("customer &lt;cancelled&gt;")
    expect(mail.html).not.toContain("<cancelled>")
  })
})

describe("WhatsApp template parameters", () => {
  const noLayoutBreaks = (p: string) => !/[\n\r\t]/.test(p) && !/ {5,}/.test(p)

  it("gives exactly the 4 order parameters, on one line each", () => {
    const params = whatsappOrderParameters({ ...order, ship_to: { ...order.ship_to, name: "Nila\n   Shah" } })
    expect(params).toEqual(["PO-1042-JAIPUR", "2 x JP-1, 1 x JP-2", "Nila Shah, Surat, 395003", "2026-11-26, COD ₹12,345.00"])
    expect(params.every(noLayoutBreaks)).toBe(true)
  })

  it("says prepaid when there is nothing to collect", () => {
    expect(whatsappOrderParameters({ ...order, payment: { method: "prepaid", collect_amount: 0 } })[3]).toBe("2026-11-26, prepaid")
  })

  it("gives exactly the 2 cancel parameters, the reason on one line", () => {
    const params = whatsappCancelParameters(cancelled)
    expect(params).toEqual(["PO-1042-JAIPUR", "customer <cancelled> before dispatch"])
    expect(params.every(noLayoutBreaks)).toBe(true)
  })
})
