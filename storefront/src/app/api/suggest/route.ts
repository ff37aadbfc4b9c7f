import { NextResponse, type NextRequest } from "next/server"
import { getRegion } from "@/lib/data/regions"
import { suggest } from "@/lib/data/catalog"

/** Search-as-you-type for the search box; answers from the catalog cache when it can. */
export async function GET(request: NextRequest) {
  const q = (request.nextUrl.searchParams.get("q") ?? "").trim().slice(0, 100)
  const country = request.nextUrl.searchParams.get("country") ?? ""
  if (!q) return NextResponse.json({ q, corrected_query: null, products: [], categories: [] })
  const region = await getRegion(country).catch(() => null)
  if (!region) return NextResponse.json({ message: "Unknown country" }, { status: 400 })
  try {
    const result = await suggest(region.id, q)
    return NextResponse.json(result, { headers: { "cache-control": "public, max-age=30" } })
  } catch {
    return NextResponse.json({ message: "Suggestions are unavailable right now" }, { status: 503 })
  }
}
