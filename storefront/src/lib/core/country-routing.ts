/**
 * Which country a request is for. Every storefront path starts with a two-letter country
 * code (/in/..., /us/...). A path without one is redirected once to a path with one;
 * a path with one is never redirected, so no backend state (a missing region, a region
 * without countries) can ever cause a redirect loop. Whether the backend serves that
 * country is the page's business: it shows a "we don't ship there" page.
 */
export type CountryContext = {
  cookieCountry?: string | null
  geoCountry?: string | null
  knownCountries: string[]
  defaultCountry: string
}

export type CountryRoute = { action: "next"; country: string } | { action: "redirect"; to: string }

const CODE = /^[a-z]{2}$/i

export function preferredCountry(ctx: CountryContext): string {
  const known = new Set(ctx.knownCountries.map((c) => c.toLowerCase()))
  for (const candidate of [ctx.cookieCountry, ctx.geoCountry]) {
    const code = candidate?.trim().toLowerCase()
    if (code && CODE.test(code) && known.has(code)) return code
  }
  // The answer becomes the first path segment, so it must itself be a code, or the redirect would redirect again.
  const fallback = ctx.defaultCountry.trim().toLowerCase()
  if (CODE.test(fallback)) return fallback
  return [...known].find((c) => CODE.test(c)) ?? "in"
}

export function routeCountry(pathname: string, search: string, ctx: CountryContext): CountryRoute {
  if (!pathname.startsWith("/")) pathname = `/${pathname}`
  const [, first = "", ...rest] = pathname.split("/")
  if (CODE.test(first)) {
    if (first === first.toLowerCase()) return { action: "next", country: first }
    return { action: "redirect", to: `/${[first.toLowerCase(), ...rest].join("/")}${search}` }
  }
  const path = pathname === "/" ? "" : pathname
  return { action: "redirect", to: `/${preferredCountry(ctx)}${path}${search}` }
}

export function knownCountriesFromEnv(value: string | undefined, fallback: string): string[] {
  const list = (value || "in,us").split(",").map((c) => c.trim().toLowerCase()).filter((c) => CODE.test(c))
  const extra = fallback.trim().toLowerCase()
  return [...new Set(CODE.test(extra) ? [...list, extra] : list)]
}
