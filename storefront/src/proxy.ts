import { NextResponse, type NextRequest } from "next/server"
import { knownCountriesFromEnv, routeCountry } from "@/lib/core/country-routing"
import { defaultCountry } from "@/lib/config/site"

const COUNTRY_COOKIE = "zari_country"

/** Puts every page under a country code; see lib/core/country-routing.ts for why this cannot loop. */
export function proxy(request: NextRequest) {
  const fallback = defaultCountry()
  const route = routeCountry(request.nextUrl.pathname, request.nextUrl.search, {
    cookieCountry: request.cookies.get(COUNTRY_COOKIE)?.value,
    geoCountry: request.headers.get("x-vercel-ip-country") ?? request.headers.get("cf-ipcountry"),
    knownCountries: knownCountriesFromEnv(process.env.STOREFRONT_COUNTRIES, fallback),
    defaultCountry: fallback,
  })
  if (route.action === "redirect") return NextResponse.redirect(new URL(route.to, request.url), 307)
  const response = NextResponse.next()
  if (request.cookies.get(COUNTRY_COOKIE)?.value !== route.country) {
    response.cookies.set(COUNTRY_COOKIE, route.country, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" })
  }
  return response
}

export const config = {
  // Pages only: not API routes, Next's assets, PWA files, metadata routes or anything with a file extension.
  matcher: ["/((?!api|_next|icons|offline|sw\\.js|manifest\\.webmanifest|robots\\.txt|sitemap\\.xml|favicon\\.ico|.*\\..*).*)"],
}
