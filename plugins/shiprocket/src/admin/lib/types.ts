/** The shapes of the plugin's admin API, as the admin UI reads them. */

export type ShipmentKind = "forward" | "return"
export type ShipmentState = "pending" | "booking" | "booked" | "failed" | "cancelled"
export type PaymentMethod = "cod" | "prepaid"

export type ShipmentStage =
  | "pickup_pending"
  | "picked_up"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "undelivered"
  | "rto"
  | "rto_delivered"
  | "cancelled"
  | "lost"
  | "exception"
  | "unknown"

export type ShipmentEvent = {
  stage: string
  label: string
  status_id: number | null
  at: string | null
  location: string | null
  activity: string | null
  source: "webhook" | "poll" | "booking"
}

export type Shipment = {
  id: string
  kind: ShipmentKind
  state: ShipmentState
  order_id: string
  fulfillment_id: string | null
  return_id: string | null
  supplier_id: string | null
  pickup_location: string | null
  payment_method: PaymentMethod
  channel_order_id: string | null
  attempt: number
  sr_order_id: number | null
  sr_shipment_id: number | null
  awb: string | null
  courier_name: string | null
  label_url: string | null
  manifest_url: string | null
  track_url: string | null
  pickup_scheduled_date: string | null
  pickup_token: string | null
  /** One of ShipmentStage; kept as string so a stage the UI does not know yet still shows. */
  stage: string
  status_label: string | null
  status_at: string | null
  etd: string | null
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  created_at: string
  updated_at: string
  events: ShipmentEvent[]
}

export type OrderShipmentsResponse = { configured: boolean; shipments: Shipment[] }
export type ShipmentResponse = { shipment: Shipment }
export type ShipmentListResponse = { shipments: Shipment[]; count: number }

export type PackageDefaults = {
  length_cm: number
  breadth_cm: number
  height_cm: number
  default_item_grams: number
  packaging_grams: number
}

export type WebhookSettings = {
  path: string
  token: string | null
  token_source: "env" | "database" | null
}

export type ShiprocketSettings = {
  configured: boolean
  account_email: string | null
  api_url: string
  default_pickup_location: string | null
  webhook: WebhookSettings
  package: PackageDefaults
}

export type PickupLocation = { pickup_location: string; pin_code: string | number | null }

export type TestConnectionResult =
  | { ok: true; token_expires_at: string; pickup_locations: PickupLocation[] }
  | { ok: false; error: string }
