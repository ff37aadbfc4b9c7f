import Link from "next/link"
import { listCategories } from "@/lib/data/catalog"
import { cartItemCount } from "@/lib/data/cart"
import { getCustomer } from "@/lib/data/customer"
import { BagIcon, HeartIcon, MenuIcon, UserIcon } from "@/components/common/icons"
import { SearchBox } from "./search-box"
import { STORE_NAME } from "@/lib/config/site"

export async function Header({ countryCode }: { countryCode: string }) {
  const [categories, bagCount, customer] = await Promise.all([listCategories().catch(() => []), cartItemCount(), getCustomer().catch(() => null)])
  const base = `/${countryCode}`
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-ivory">
      <div className="container-page flex h-16 items-center gap-3">
        <details className="group relative xl:hidden">
          <summary className="flex h-11 w-11 cursor-pointer list-none items-center justify-center rounded-full hover:bg-sand [&::-webkit-details-marker]:hidden">
            <MenuIcon className="h-6 w-6" title="Menu" />
          </summary>
          <nav aria-label="Categories" className="fixed inset-x-0 top-16 z-40 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-line bg-ivory p-4 shadow-lg">
            <ul className="space-y-1">
              {categories.map((c) => (
                <li key={c.id}>
                  <Link href={`${base}/categories/${c.handle}`} className="block rounded-lg px-3 py-3 text-base font-medium hover:bg-sand">
                    {c.name}
                  </Link>
                  {c.category_children?.length ? (
                    <ul className="ml-4 border-l border-line pl-2">
                      {c.category_children.map((child) => (
                        <li key={child.id}>
                          <Link href={`${base}/categories/${c.handle}/${child.handle}`} className="block rounded-lg px-3 py-2 text-sm hover:bg-sand">
                            {child.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
              <li>
                <Link href={`${base}/collections/new-arrivals`} className="block rounded-lg px-3 py-3 text-base font-medium hover:bg-sand">
                  New arrivals
                </Link>
              </li>
              <li>
                <Link href={`${base}/stylist`} className="block rounded-lg px-3 py-3 text-base font-medium hover:bg-sand">
                  Ask our stylist
                </Link>
              </li>
            </ul>
          </nav>
        </details>

        <Link href={base} className="font-display text-2xl font-semibold tracking-[0.2em] text-plum" aria-label={`${STORE_NAME} home`}>
          {STORE_NAME.toUpperCase()}
        </Link>

        <nav aria-label="Main" className="ml-6 hidden xl:block">
          <ul className="flex items-center gap-1 text-sm font-medium">
            {categories.slice(0, 7).map((c) => (
              <li key={c.id}>
                <Link href={`${base}/categories/${c.handle}`} className="whitespace-nowrap rounded-full px-3 py-2 hover:bg-sand">
                  {c.name}
                </Link>
              </li>
            ))}
            <li>
              <Link href={`${base}/stylist`} className="whitespace-nowrap rounded-full px-3 py-2 text-plum hover:bg-sand">
                Stylist
              </Link>
            </li>
          </ul>
        </nav>

        <div className="ml-auto flex min-w-0 flex-1 items-center justify-end gap-1 xl:flex-none">
          <SearchBox countryCode={countryCode} />
          <Link href={`${base}/wishlist`} className="flex h-11 w-11 items-center justify-center rounded-full hover:bg-sand" aria-label="Wishlist">
            <HeartIcon className="h-6 w-6" />
          </Link>
          <Link href={customer ? `${base}/account` : `${base}/account/login`} className="hidden h-11 w-11 items-center justify-center rounded-full hover:bg-sand sm:flex" aria-label={customer ? "Your account" : "Log in"}>
            <UserIcon className="h-6 w-6" />
          </Link>
          <Link href={`${base}/cart`} className="relative flex h-11 w-11 items-center justify-center rounded-full hover:bg-sand" aria-label={`Bag, ${bagCount} ${bagCount === 1 ? "item" : "items"}`} data-testid="bag-link">
            <BagIcon className="h-6 w-6" />
            {bagCount > 0 ? (
              <span className="absolute right-0.5 top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-plum px-1 text-xs font-semibold text-white" aria-hidden="true" data-testid="bag-count">
                {bagCount}
              </span>
            ) : null}
          </Link>
        </div>
      </div>
    </header>
  )
}
