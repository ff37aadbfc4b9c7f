import Image from "next/image"
import Link from "next/link"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { listCatalog, listCategories } from "@/lib/data/catalog"
import { parseListingParams } from "@/lib/core/listing-params"
import { ProductGrid } from "@/components/product/product-card"
import { STORE_NAME } from "@/lib/config/site"
import type { ProductCard } from "@/lib/medusa/types"

export const metadata: Metadata = {
  title: { absolute: `${STORE_NAME}: dresses, co-ords and party wear for every occasion` },
  alternates: { canonical: "./" },
}

export default async function HomePage({ params }: PageProps<"/[countryCode]">) {
  const { countryCode } = await params
  const region = await getRegion(countryCode)
  if (!region) notFound()
  const none = parseListingParams({})
  const [newest, popular, categories] = await Promise.all([
    listCatalog(region.id, {}, { ...none, sort: "newest" }, 8),
    listCatalog(region.id, {}, { ...none, sort: "popular" }, 100),
    listCategories(),
  ])
  // Each category's tile shows its most popular piece.
  const coverFor = (handle: string): ProductCard | undefined => popular.products.find((p) => p.category?.handle === handle && p.thumbnail)
  const cod = region.currency_code === "inr"

  return (
    <>
      <section className="bg-gradient-to-br from-plum to-[#2c0f1d] text-ivory">
        <div className="container-page grid items-center gap-8 py-12 md:grid-cols-2 md:py-20">
          <div>
            <p className="text-sm font-semibold uppercase tracking-[0.3em] text-gold-light">The festive edit is here</p>
            <h1 className="mt-4 text-4xl leading-tight md:text-6xl">Dress for the occasion, not the algorithm.</h1>
            <p className="mt-4 max-w-md text-base text-ivory/85 md:text-lg">
              Bodycon minis, satin co-ords and sequinned party wear from independent makers in Surat, Jaipur and Delhi.
              {cod ? " Cash on delivery across India." : " Shipped to the US."}
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href={`/${countryCode}/collections/new-arrivals`} className="btn bg-ivory text-ink hover:bg-gold-light">
                Shop new arrivals
              </Link>
              <Link href={`/${countryCode}/categories/party-wear`} className="btn border border-ivory/70 text-ivory hover:bg-ivory/10">
                Party wear
              </Link>
            </div>
          </div>
          <div className="hidden grid-cols-2 gap-3 md:grid">
            {popular.products.slice(0, 2).map((p, i) =>
              p.thumbnail ? (
                <Link key={p.id} href={`/${countryCode}/products/${p.handle}`} className={`relative aspect-[4/5] overflow-hidden rounded-2xl ${i === 1 ? "mt-10" : ""}`}>
                  <Image src={p.thumbnail} alt={p.title} fill sizes="(min-width: 1280px) 300px, 25vw" className="object-cover" />
                </Link>
              ) : null
            )}
          </div>
        </div>
      </section>

      <section className="container-page py-12" aria-labelledby="shop-by-category">
        <h2 id="shop-by-category" className="text-2xl md:text-3xl">
          Shop by category
        </h2>
        <ul className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-7">
          {categories.map((c, i) => {
            const cover = coverFor(c.handle) ?? popular.products.find((p) => c.category_children?.some((child) => child.handle === p.category?.handle))
            return (
              <li key={c.id}>
                <Link href={`/${countryCode}/categories/${c.handle}`} className="group block">
                  <span className="relative block aspect-[4/5] overflow-hidden rounded-xl bg-sand">
                    {cover?.thumbnail ? <Image src={cover.thumbnail} alt="" fill priority={i < 2} fetchPriority={i < 2 ? "high" : undefined} sizes="(min-width: 1024px) 14vw, (min-width: 640px) 33vw, 50vw" className="object-cover transition-transform duration-500 group-hover:scale-105" /> : null}
                  </span>
                  <span className="mt-2 block text-center text-sm font-medium group-hover:text-plum">{c.name}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      </section>

      <section className="container-page py-8" aria-labelledby="new-arrivals">
        <div className="mb-6 flex items-end justify-between">
          <h2 id="new-arrivals" className="text-2xl md:text-3xl">
            New arrivals
          </h2>
          <Link href={`/${countryCode}/collections/new-arrivals`} className="text-sm font-semibold text-plum hover:underline">
            View all
          </Link>
        </div>
        <ProductGrid products={newest.products} countryCode={countryCode} />
      </section>

      <section className="container-page py-8" aria-labelledby="bestsellers">
        <div className="mb-6 flex items-end justify-between">
          <h2 id="bestsellers" className="text-2xl md:text-3xl">
            Bestsellers
          </h2>
          <Link href={`/${countryCode}/search?sort=popular`} className="text-sm font-semibold text-plum hover:underline">
            View all
          </Link>
        </div>
        <ProductGrid products={popular.products.slice(0, 8)} countryCode={countryCode} />
      </section>
    </>
  )
}
