import { notFound } from "next/navigation"
import { Header } from "@/components/layout/header"
import { Footer } from "@/components/layout/footer"
import { getRegion } from "@/lib/data/regions"

export default async function CountryLayout({ children, params }: LayoutProps<"/[countryCode]">) {
  const { countryCode } = await params
  // An unknown country gets the not-found page (with the countries we ship to), never a redirect.
  if (!(await getRegion(countryCode))) notFound()
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-full focus:bg-ink focus:px-4 focus:py-2 focus:text-ivory">
        Skip to content
      </a>
      <Header countryCode={countryCode} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <Footer countryCode={countryCode} />
    </>
  )
}
