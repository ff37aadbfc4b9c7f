"use client"

import { usePathname, useRouter } from "next/navigation"
import { currencySymbol } from "@/lib/core/money"

/** Same page, other country: swaps the path's country code, so prices and payment follow. */
export function CountrySwitcher({ current, countries }: { current: string; countries: { code: string; name: string; currency: string }[] }) {
  const pathname = usePathname()
  const router = useRouter()
  if (!countries.length) return null
  return (
    <div>
      <label htmlFor="country-switcher" className="sr-only">
        Country
      </label>
      <select
        id="country-switcher"
        className="field max-w-xs"
        value={current}
        onChange={(e) => {
          const rest = pathname.split("/").slice(2).join("/")
          router.push(`/${e.target.value}${rest ? `/${rest}` : ""}`)
        }}
      >
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({currencySymbol(c.currency)} {c.currency.toUpperCase()})
          </option>
        ))}
      </select>
    </div>
  )
}
