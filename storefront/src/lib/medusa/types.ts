/**
 * The parts of Medusa v1's Store API responses (and our own store endpoints) that the
 * storefront reads. Amounts are integers in minor units (paise, cents).
 */
import type { TrackingStage } from "../core/shipment-tracking"

export type Country = { iso_2: string; display_name: string; name?: string }

export type Region = {
  id: string
  name: string
  currency_code: string
  tax_rate: number
  includes_tax: boolean
  countries: Country[]
  payment_providers: { id: string }[]
}

export type Image = { id: string; url: string }

export type ProductOption = { id: string; title: string; values: { id: string; value: string; variant_id: string }[] }

export type Variant = {
  id: string
  title: string
  sku: string | null
  product_id: string
  inventory_quantity: number
  allow_backorder: boolean
  manage_inventory: boolean
  options: { id: string; option_id: string; value: string }[]
  calculated_price: number | null
  original_price: number | null
  calculated_price_incl_tax: number | null
  original_price_incl_tax: number | null
  metadata: Record<string, unknown> | null
}

export type Category = { id: string; name: string; handle: string; description?: string; parent_category_id?: string | null; category_children?: Category[] }

export type Product = {
  id: string
  title: string
  subtitle: string | null
  handle: string
  description: string | null
  thumbnail: string | null
  images: Image[]
  options: ProductOption[]
  variants: Variant[]
  material: string | null
  metadata: Record<string, unknown> | null
  collection: { id: string; title: string; handle: string } | null
  type: { value: string } | null
  tags: { value: string }[]
  categories?: Category[]
  created_at: string
}

/** Our catalog endpoints' compact product (see backend README, "Catalog"). */
export type ProductCard = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  thumbnail: string | null
  category: { handle: string; name: string } | null
  price: { amount: number; original: number; currency_code: string; discount_percent: number } | null
  colors: { name: string; hex: string; image: string | null }[]
  sizes: { value: string; in_stock: boolean }[]
  in_stock: boolean
  popularity: number
  released_at: string | null
}

export type FacetValue = { value: string; count: number }

export type CatalogPage = {
  products: ProductCard[]
  count: number
  page: number
  limit: number
  pages: number
  facets: {
    sizes: FacetValue[]
    colors: (FacetValue & { hex: string })[]
    occasions: FacetValue[]
    price: { min: number; max: number } | null
  }
  category: {
    id: string
    handle: string
    name: string
    description: string
    parent: { handle: string; name: string } | null
    children: { handle: string; name: string }[]
  } | null
  collection: { id: string; handle: string; title: string } | null
  q: string | null
  corrected_query: string | null
}

export type Suggestions = {
  q: string
  corrected_query: string | null
  products: ProductCard[]
  categories: { handle: string; name: string }[]
}

export type Address = {
  id?: string
  first_name: string | null
  last_name: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  province: string | null
  postal_code: string | null
  country_code: string | null
  phone: string | null
  company?: string | null
}

export type LineItem = {
  id: string
  title: string
  description: string | null
  thumbnail: string | null
  quantity: number
  unit_price: number
  variant_id: string | null
  variant: (Variant & { product: { id: string; handle: string; title: string; thumbnail: string | null; options?: ProductOption[]; variants?: Variant[] } }) | null
  subtotal?: number
  total?: number
  original_total?: number
  discount_total?: number
  tax_total?: number
  includes_tax?: boolean
  created_at: string
}

export type ShippingMethod = { id: string; shipping_option_id: string; price: number; shipping_option: { id: string; name: string } }

export type PaymentSession = {
  id: string
  provider_id: string
  is_selected: boolean | null
  status: string
  data: Record<string, unknown>
  amount: number
}

export type Discount = { id: string; code: string; rule?: { type: string; value: number } }

export type Cart = {
  id: string
  email: string | null
  region_id: string
  region: Region
  items: LineItem[]
  shipping_address: Address | null
  billing_address: Address | null
  shipping_methods: ShippingMethod[]
  payment_sessions: PaymentSession[]
  payment_session: PaymentSession | null
  discounts: Discount[]
  customer_id: string | null
  completed_at: string | null
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  item_tax_total?: number
  shipping_tax_total?: number
}

export type ShippingOption = {
  id: string
  name: string
  amount: number
  price_incl_tax?: number
  price_type: string
  is_return: boolean
  /** "shiprocket" for Shiprocket's calculated options (data.id "shiprocket-cheapest" or "shiprocket-fastest") */
  provider_id?: string
  data?: Record<string, unknown>
}

/** GET /store/shiprocket/serviceability: delivery by pincode in India (plugins/shiprocket). Rates in paise, dates "YYYY-MM-DD". */
export type DeliveryAvailability = { available: boolean; etd: string | null; estimated_days: number | null; reason: string | null }

export type DeliveryEstimate = {
  pincode: string
  serviceable: boolean
  prepaid: DeliveryAvailability
  cod: DeliveryAvailability
  options: { kind: "cheapest" | "fastest"; courier_name: string; rate: number; etd: string | null; estimated_days: number | null }[]
}

export type Serviceability = { configured: boolean; pincode: string; estimate: DeliveryEstimate | null; message: string | null }

export type Fulfillment = {
  id: string
  created_at: string
  shipped_at: string | null
  canceled_at: string | null
  tracking_links: { tracking_number: string; url: string | null }[]
  tracking_numbers: string[]
  data?: Record<string, unknown>
}

export type Order = {
  id: string
  display_id: number
  status: "pending" | "completed" | "archived" | "canceled" | "requires_action"
  fulfillment_status: string
  payment_status: string
  email: string
  created_at: string
  canceled_at: string | null
  currency_code: string
  region: Region
  items: LineItem[]
  shipping_address: Address | null
  shipping_methods: ShippingMethod[]
  payments: { id: string; provider_id: string; amount: number; captured_at: string | null }[]
  fulfillments: Fulfillment[]
  returns?: { id: string; status: string; created_at: string }[]
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
}

/** GET /store/orders/:id/tracking: the order's shipments at the courier (plugins/shiprocket). */
export type { TrackingStage }

export type TrackingShipment = {
  id: string
  kind: "forward" | "return"
  state: "pending" | "booking" | "booked" | "failed" | "cancelled"
  awb: string | null
  courier_name: string | null
  track_url: string | null
  stage: TrackingStage
  status_label: string
  status_at: string | null
  etd: string | null
  items: { line_item_id: string; title: string; quantity: number; thumbnail: string | null }[]
  /** oldest first */
  events: { stage: TrackingStage; label: string; at: string | null; location: string | null; activity: string | null }[]
}

export type OrderTracking = { order_id: string; shipments: TrackingShipment[] }

export type Customer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  has_account: boolean
  shipping_addresses: Address[]
  created_at: string
}

export type WishlistItem = { id: string; product_id: string; variant_id: string | null; created_at: string; product: ProductCard | null }
export type Wishlist = { id: string | null; items: WishlistItem[] }

export type SizeChart = {
  id: string
  source: "product" | "category"
  category_handle: string | null
  unit: "cm"
  measurements: string[]
  rows: ({ size: string } & Record<string, [number, number] | string>)[]
  notes: string | null
}

export type Measurements = {
  bust_cm: number | null
  waist_cm: number | null
  hips_cm: number | null
  height_cm: number | null
  weight_kg: number | null
  bra_size: string | null
  body_type: string | null
  preferred_fit: "snug" | "regular" | "relaxed" | null
  updated_at: string
}

/** GET /store/products/:id/size-recommendation (plugins/size-recommendation). Probabilities 0-1, sizes in size order. */
export type SizeAdvice = {
  recommended_size: string | null
  confidence: number | null
  fit_note: string | null
  probabilities: { size: string; small: number; fit: number; large: number }[]
  alternatives: { size: string; fit: number; note: string }[]
  reason: string
  based_on: { measurements: boolean; history: boolean; size_chart: boolean; reviews: number }
  model?: { trained_at: string | null; reviews: number } | null
}

/** Reviews (plugins/reviews): only approved ones reach the store's list. */
export type ReviewFit = "runs_small" | "true_to_size" | "runs_large"

export type Review = {
  id: string
  rating: number
  title: string | null
  body: string | null
  fit: ReviewFit | null
  size: string | null
  verified_purchase: boolean
  author_name: string
  created_at: string
}

export type FitCounts = Record<ReviewFit, number>

export type ReviewSummary = {
  average_rating: number | null
  count: number
  ratings: Record<"1" | "2" | "3" | "4" | "5", number>
  fit: FitCounts
  fit_by_size: (FitCounts & { size: string; count: number })[]
}

export type ReviewPage = { reviews: Review[]; count: number; limit: number; offset: number; summary: ReviewSummary }

/** The shopper's own review, in any status (GET /store/customers/me/reviews). */
export type MyReview = Review & { product_id: string; variant_id: string; status: "pending" | "approved" | "rejected"; updated_at: string }

export type ReviewableVariant = { variant_id: string; title: string; size: string | null }

export type MyReviews = { reviews: MyReview[]; reviewable_variants: ReviewableVariant[] }
