import { NextResponse, type NextRequest } from "next/server"
import { getSizeAdvice } from "@/lib/data/size-advice"
import { ADVICE_FIELDS, adviceQuery } from "@/lib/core/size-advice"

const PRODUCT_ID = /^prod_[A-Za-z0-9]{1,60}$/

/**
 * The product page's size advice for the measurements typed into its form (in cm; the
 * form converts). The shopper's login cookie goes along, so her saved measurements and
 * reviews count too. Personal, so never cached; nothing is stored.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams
  const productId = params.get("product") ?? ""
  if (!PRODUCT_ID.test(productId)) return NextResponse.json({ message: "Unknown product" }, { status: 400, headers: { "cache-control": "no-store" } })
  const given = Object.fromEntries(ADVICE_FIELDS.map((k) => [k, params.get(k) ?? ""]))
  const answer = await getSizeAdvice(productId, adviceQuery(given))
  if (answer.ok) return NextResponse.json(answer.advice, { headers: { "cache-control": "private, no-store" } })
  const status = answer.status === 400 || answer.status === 404 ? answer.status : 503
  const message = status === 503 ? "Size advice is unavailable right now. Please try again in a moment." : answer.message
  return NextResponse.json({ message }, { status, headers: { "cache-control": "no-store" } })
}
