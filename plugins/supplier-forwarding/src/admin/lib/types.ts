/** The shapes of the plugin's admin API, as the admin UI reads them. */

export type Integration = "api" | "email" | "whatsapp" | "manual"
export const INTEGRATIONS: Integration[] = ["api", "email", "whatsapp", "manual"]

export type Supplier = {
  id: string
  code: string
  name: string
  contact_name: string | null
  email: string | null
  phone: string | null
  whatsapp: string | null
  address: string | null
  city: string | null
  state: string | null
  pincode: string | null
  country_code: string
  pickup_location: string | null
  integration: Integration
  endpoint: string | null
  auto_forward: boolean
  processing_days: number
  is_active: boolean
  created_at: string
  updated_at: string
}

export type SupplierOrderStatus = "pending" | "sent" | "accepted" | "rejected" | "shipped" | "failed" | "cancelled"

export type SupplierOrderItem = {
  line_item_id: string
  variant_id: string
  title: string
  sku: string | null
  supplier_sku: string
  quantity: number
  /** minor units of the supplier order's currency */
  unit_cost: number
}

export type OutboxMessage = {
  id: string
  event_type: string
  webhook_id: string
  status: "pending" | "delivered" | "failed" | "withdrawn"
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  delivered_at: string | null
  created_at?: string
}

export type HistoryEvent = {
  id: string
  type: string
  from_status: string | null
  to_status: string | null
  detail: Record<string, unknown> | string | null
  created_at: string
}

export type Shipment = { carrier?: string | null; awb?: string | null; tracking_url?: string | null } & Record<string, unknown>

export type SupplierOrder = {
  id: string
  order_id: string
  supplier_id: string
  supplier: Supplier | null
  status: SupplierOrderStatus
  items: SupplierOrderItem[]
  total_cost: number
  currency_code: string
  rejection_reason: string | null
  shipment: Shipment | null
  sent_at?: string | null
  accepted_at: string | null
  shipped_at: string | null
  cancelled_at?: string | null
  created_at: string
  messages?: OutboxMessage[]
  history?: HistoryEvent[]
}

export type SupplierPerformance = {
  supplier_id: string
  code?: string
  name?: string
  orders: number
  open?: number
  accepted: number
  rejected: number
  shipped: number
  failed: number
  cancelled?: number
  avg_hours_to_accept: number | null
  avg_hours_to_ship: number | null
  rejection_rate: number | null
}

export type VariantMapping = {
  variant_id: string
  supplier_id: string
  supplier?: { code: string; name: string } | null
  supplier_sku: string
  /** minor units */
  cost_price: number
  currency_code: string
}

export type ImportResult = {
  rows: number
  imported: number
  errors: { line: number; message: string }[]
  dry_run?: boolean
}
