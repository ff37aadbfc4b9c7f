import Link from "next/link"
import { listCountries } from "@/lib/data/regions"
import { defaultCountry, STORE_NAME } from "@/lib/config/site"

/** Unknown page, product or country: says so and offers a way on; never redirects. */
export default async function NotFound() {
  const countries = await listCountries().catch(() => [])
  return (
    <main id="main" className="container-page flex flex-1 flex-col items-center justify-center py-24 text-center">
      <Link href={`/${defaultCountry()}`} className="font-display text-3xl font-semibold tracking-[0.2em] text-plum">
        {STORE_NAME.toUpperCase()}
      </Link>
      <h1 className="mt-6 text-3xl">We could not find that page</h1>
      <p className="mt-3 max-w-md text-muted">It may have sold out and been retired, or the link may be wrong.</p>
      {countries.length ? (
        <>
          <p className="mt-8 text-sm font-medium">We ship to:</p>
          <ul className="mt-3 flex flex-wrap justify-center gap-2">
            {countries.map((c) => (
              <li key={c.code}>
                <Link href={`/${c.code}`} className="btn-secondary">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Link href={`/${defaultCountry()}`} className="btn-primary mt-8">
          Go to the shop
        </Link>
      )}
    </main>
  )
}
