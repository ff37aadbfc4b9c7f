"use client"

import Link from "next/link"
import { usePathname } from "next/navigation"
import { logout } from "@/lib/actions/account"

const LINKS = [
  ["", "Overview"],
  ["/orders", "Orders"],
  ["/addresses", "Addresses"],
  ["/measurements", "Body measurements"],
  ["/profile", "Profile"],
] as const

export function AccountNav({ countryCode }: { countryCode: string }) {
  const pathname = usePathname()
  const base = `/${countryCode}/account`
  return (
    <nav aria-label="Account">
      <ul className="flex flex-wrap gap-1 lg:flex-col">
        {LINKS.map(([path, label]) => {
          const href = `${base}${path}`
          const active = path === "" ? pathname === base : pathname.startsWith(href)
          return (
            <li key={path}>
              <Link href={href} aria-current={active ? "page" : undefined} className={`block whitespace-nowrap rounded-lg px-3 py-2 text-sm ${active ? "bg-ink text-ivory" : "hover:bg-sand"}`}>
                {label}
              </Link>
            </li>
          )
        })}
        <li>
          <form action={logout.bind(null, countryCode)}>
            <button type="submit" className="block w-full whitespace-nowrap rounded-lg px-3 py-2 text-left text-sm text-plum hover:bg-sand">
              Log out
            </button>
          </form>
        </li>
      </ul>
    </nav>
  )
}
