/**
 * What a well-formed request to each endpoint looks like, read off its validator (zod
 * schema or hand parser). The fuzzer breaks these one field at a time, so a malformed
 * value reaches the code behind the validator's other checks instead of being refused
 * for the first missing field. `$name` values are filled from the live store (a real
 * region, product, supplier...) once it is up.
 *
 * An endpoint missing here still gets fuzzed: `learnFields` reads field names from the
 * route's source, and the generic shapes apply to them.
 */

const MEASUREMENTS = { bust_cm: 90, waist_cm: 72, hips_cm: 96, height_cm: 165, weight_kg: 60, bra_size: "34B", body_type: "pear", preferred_fit: "regular" }
const MEASUREMENT_QUERY = Object.fromEntries(Object.entries(MEASUREMENTS).map(([k, v]) => [k, String(v)]))
const CHAT = { message: "a red dress for a beach wedding under 5000", region_id: "$region", session_id: null, context: { budget: 5000, size: "M", occasion: "beach wedding", colors: ["red"], avoid: ["black"] } }
const TRACKING = {
  awb: "$awb",
  courier_name: "Delhivery",
  current_status: "IN TRANSIT",
  current_status_id: 20,
  shipment_status: "IN TRANSIT",
  shipment_status_id: 18,
  current_timestamp: "23 11 2026 10:15:00",
  order_id: "$order_sr",
  sr_order_id: 123456,
  etd: "2026-11-26 18:00:00",
  scans: [{ date: "2026-11-23 10:15:00", activity: "Picked up", location: "Surat", "sr-status": "42", "sr-status-label": "PICKED UP" }],
  is_return: 0,
  channel_id: 1,
  pod_status: "",
  pod: "Not Available",
}

export const SPECS = {
  // backend
  "GET /store/catalog/products": { query: { region_id: "$region", q: "dress", size: "M", color: "Red", occasion: "party", price_min: "100", price_max: "9000", sort: "price_asc", page: "1", limit: "12", category: "$category_handle" } },
  "GET /store/catalog/suggest": { query: { region_id: "$region", q: "dre" } },
  "POST /store/customers/me/guest-orders": { body: { order_ids: ["order_01HZZZZZZZZZZZZZZZZZZZZZZZ"] } },
  "GET /store/wishlist": { query: { region_id: "$region" } },
  "POST /store/wishlist/items": { query: { region_id: "$region" }, body: { product_id: "$product", variant_id: "$variant" } },
  "DELETE /store/wishlist/items/:item_id": { query: { region_id: "$region" } },
  "POST /store/wishlist/merge": { query: { region_id: "$region" }, body: { token: "$wishlist_token" } },
  // ai-stylist
  "GET /store/products/:id/complete-the-look": { query: { region_id: "$region", variant_id: "$variant" } },
  "POST /store/stylist/chat": { body: CHAT },
  "POST /store/stylist/chat/stream": { body: CHAT },
  // reviews
  "GET /admin/reviews": { query: { limit: "20", offset: "0", status: "pending", product_id: "$product", q: "fit" } },
  "POST /admin/reviews/:id": { body: { status: "approved", note: "looks fine" } },
  "GET /store/customers/me/reviews": { query: { product_id: "$product" } },
  "GET /store/products/:id/reviews": { query: { limit: "10", offset: "0", sort: "newest" } },
  "POST /store/products/:id/reviews": { body: { variant_id: "$variant", rating: 4, title: "Lovely", body: "Fits well, soft cotton.", fit: "true_to_size", verified_purchase: false } },
  // shiprocket
  "POST /admin/shiprocket/settings": { body: { package: { length_cm: 30, breadth_cm: 20, height_cm: 5, default_item_grams: 400, packaging_grams: 50 } } },
  "GET /admin/shiprocket/shipments": { query: { state: "failed", limit: "50", offset: "0" } },
  "POST /hooks/courier-tracking": { body: TRACKING },
  "POST /hooks/shiprocket/tracking": { body: TRACKING },
  "GET /store/shiprocket/serviceability": { query: { pincode: "395003", variant_id: "$variant" } },
  // size-recommendation
  "GET /admin/size-charts": { query: { product_id: "$product" } },
  "POST /admin/size-charts": { body: { product_id: "$product", unit: "cm", measurements: ["bust", "waist"], rows: [{ size: "S", bust: [80, 85], waist: [62, 67], uk: "8" }, { size: "M", bust: [86, 91], waist: [68, 73], uk: "10" }], notes: "Measure over light clothing." } },
  "POST /admin/size-charts/:id": { body: { measurements: ["bust", "waist"], rows: [{ size: "S", bust: [80, 85], waist: [62, 67] }], notes: "updated" } },
  "POST /store/customers/me/measurements": { body: MEASUREMENTS },
  "GET /store/products/:id/size-recommendation": { query: MEASUREMENT_QUERY },
  // supplier-forwarding
  "POST /admin/supplier-mappings/import": { body: { csv: "sku,supplier_code,supplier_sku,cost_price\n$sku,$supplier_code,FUZZ-SKU-1,50000", dry_run: true } },
  "GET /admin/supplier-mappings": { query: { product_id: "$product" } },
  "POST /admin/supplier-mappings": { body: { mappings: [{ variant_id: "$variant", supplier_code: "$supplier_code", supplier_sku: "FUZZ-SKU-1", cost_price: 50000, currency_code: "inr" }], replace: false } },
  "POST /admin/supplier-orders/:id/cancel": { body: { reason: "customer changed her mind" } },
  "POST /admin/supplier-orders/:id/mark-sent": { body: { note: "phoned the supplier" } },
  "GET /admin/supplier-orders": { query: { status: "pending,sent", supplier_id: "$supplier", queue: "attention", limit: "50", offset: "0" } },
  "POST /admin/suppliers/:id": { body: { name: "Fuzz Param Supplier", contact_name: "Asha", phone: "+91 98765 43210", city: "Surat", pincode: "395003", processing_days: 2, auto_forward: false } },
  "POST /admin/suppliers": {
    body: { code: "FUZZ-NEW", name: "Fuzz New", integration: "email", email: "orders@fuzz.example", contact_name: "Asha", phone: "+91 98765 43210", whatsapp: "+919876543210", address: "1 Ring Rd", city: "Surat", state: "Gujarat", pincode: "395003", pickup_location: "Surat", processing_days: 2, auto_forward: false, is_active: true },
  },
  // the Medusa core baseline (see run.mjs)
  "POST /store/carts": { body: { region_id: "$region" } },
  "POST /hooks/suppliers/:code": { body: { type: "supplier_order.accepted", timestamp: "$now", data: { supplier_order_id: "$supplier_order", expected_ship_date: "2026-11-25", note: "ok" } } },
}

/**
 * Field names a route reads, guessed from its source when SPECS has no entry: query and body
 * property reads, destructuring, and the plugin kit's `queryId(req.query, "x")`.
 */
export function learnFields(source) {
  const query = new Set()
  const body = new Set()
  for (const m of source.matchAll(/queryId\(\s*[\w.]+\s*,\s*"(\w+)"/g)) query.add(m[1])
  for (const m of source.matchAll(/req\.query(?:\s+as\s+[^)\n]+)?\)?\.(\w+)/g)) query.add(m[1])
  for (const m of source.matchAll(/const\s*\{([^}]+)\}\s*=\s*(?:\()?req\.query/g)) for (const n of m[1].split(",")) query.add(n.split(/[:=]/)[0].trim())
  for (const m of source.matchAll(/req\.body(?:\s+as\s+[^)\n]+)?\)?\.(\w+)/g)) body.add(m[1])
  for (const m of source.matchAll(/const\s*\{([^}]+)\}\s*=\s*(?:\()?req\.body/g)) for (const n of m[1].split(",")) body.add(n.split(/[:=]/)[0].trim())
  for (const m of source.matchAll(/\bbody\.(\w+)/g)) body.add(m[1])
  const clean = (set) => [...set].filter((n) => /^[A-Za-z_]\w*$/.test(n))
  return { query: clean(query), body: clean(body) }
}

/** Which live resource a path parameter names, from the segment before it. */
export function resourceOfParam(path, param) {
  const before = path.split("/").slice(0, path.split("/").indexOf(`:${param}`)).pop() ?? ""
  if (param === "variant_id") return "variant"
  if (param === "code") return "supplier_code_param"
  if (param === "item_id") return "wishlist_item"
  const byFolder = {
    products: "product",
    suppliers: "supplier",
    "supplier-orders": "supplier_order",
    orders: "order",
    "size-charts": "size_chart",
    reviews: "review",
    shipments: "shipment",
    "3d-models": "model",
    sessions: "session",
  }
  return byFolder[before] ?? null
}
