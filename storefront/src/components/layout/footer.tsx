import Link from "next/link"
import { listCategories } from "@/lib/data/catalog"
import { listCountries } from "@/lib/data/regions"
import { CountrySwitcher } from "./country-switcher"
import { STORE_NAME } from "@/lib/config/site"

export async function Footer({ countryCode }: { countryCode: string }) {
  const [categories, countries] = await Promise.all([listCategories().catch(() => []), listCountries().catch(() => [])])
  const base = `/${countryCode}`
  return (
    <footer className="mt-16 border-t border-line bg-sand/60">
      <div className="container-page grid gap-8 py-10 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <p className="font-display text-xl font-semibold tracking-[0.2em] text-plum">{STORE_NAME.toUpperCase()}</p>
          <p className="mt-2 max-w-xs text-muted">Occasion-ready women&apos;s fashion from independent Indian makers, shipped across India and the US.</p>
        </div>
        <nav aria-label="Shop">
          <h2 className="mb-3 font-sans text-xs font-semibold uppercase tracking-wider text-muted">Shop</h2>
          <ul className="space-y-2">
            {categories.map((c) => (
              <li key={c.id}>
                <Link href={`${base}/categories/${c.handle}`} className="hover:text-plum hover:underline">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="Your account">
          <h2 className="mb-3 font-sans text-xs font-semibold uppercase tracking-wider text-muted">You</h2>
          <ul className="space-y-2">
            <li><Link href={`${base}/account`} className="hover:text-plum hover:underline">Account and orders</Link></li>
            <li><Link href={`${base}/wishlist`} className="hover:text-plum hover:underline">Wishlist</Link></li>
            <li><Link href={`${base}/cart`} className="hover:text-plum hover:underline">Bag</Link></li>
          </ul>
        </nav>
        <div>
          <h2 className="mb-3 font-sans text-xs font-semibold uppercase tracking-wider text-muted">Shipping to</h2>
          <CountrySwitcher current={countryCode} countries={countries} />
        </div>
      </div>
      <p className="container-page border-t border-line py-4 text-xs text-muted">© {new Date().getFullYear()} {STORE_NAME}. Prices include GST in India.</p>
    </footer>
  )
}
