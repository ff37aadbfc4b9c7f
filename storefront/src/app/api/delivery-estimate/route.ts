import { NextResponse, type NextRequest } from "next/server"
import { getDeliveryEstimate } from "@/lib/data/delivery-estimate"
import { DATES_UNAVAILABLE, DELIVERY_ESTIMATE_COUNTRY, normalisePincode, pincodeError } from "@/lib/core/delivery-estimate"

const VARIANT_ID = /^[A-Za-z0-9_]{1,100}$/

/** The product page's "Check delivery": delivery date and cash on delivery for a pincode and a variant (India only). */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams
  if (params.get("country") !== DELIVERY_ESTIMATE_COUNTRY) return NextResponse.json({ message: "Delivery checks are for India only" }, { status: 400 })
  const typed = params.get("pincode") ?? ""
  const pincode = normalisePincode(typed)
  if (!pincode) return NextResponse.json({ type: "invalid_data", message: pincodeError(typed) }, { status: 400 })
  const variantId = params.get("variant_id") ?? ""
  const answer = await getDeliveryEstimate(pincode, { variantId: VARIANT_ID.test(variantId) ? variantId : undefined })
  if (!answer) return NextResponse.json({ message: DATES_UNAVAILABLE }, { status: 503 })
  // A real answer is shared briefly (the store caches it too); "unavailable" is asked again next time.
  return NextResponse.json(answer, { headers: { "cache-control": answer.estimate ? "public, max-age=300" : "no-store" } })
}
