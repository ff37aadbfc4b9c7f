import "server-only"
import { cache } from "react"
import { medusa } from "../medusa/client"
import type { Region } from "../medusa/types"

/** Regions change rarely: cached for an hour, per server. */
export const listRegions = cache(async (): Promise<Region[]> => {
  const { regions } = await medusa<{ regions: Region[] }>("/store/regions", { revalidate: 3600, tags: ["regions"] })
  return regions
})

/** The region that ships to a country, or null: a page then says so; it never redirects. */
export const getRegion = cache(async (countryCode: string): Promise<Region | null> => {
  const code = countryCode.toLowerCase()
  const regions = await listRegions()
  return regions.find((r) => r.countries.some((c) => c.iso_2 === code)) ?? null
})

/** Every country a region ships to, with its region, for the country switcher and the sitemap. */
export async function listCountries(): Promise<{ code: string; name: string; currency: string }[]> {
  const regions = await listRegions()
  return regions
    .flatMap((r) => r.countries.map((c) => ({ code: c.iso_2, name: c.display_name, currency: r.currency_code })))
    .sort((a, b) => a.name.localeCompare(b.name))
}
