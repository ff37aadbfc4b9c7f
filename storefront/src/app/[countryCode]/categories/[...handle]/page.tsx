import Link from "next/link"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { listCatalog } from "@/lib/data/catalog"
import { getWishlist } from "@/lib/data/wishlist"
import { MedusaError } from "@/lib/medusa/client"
import { parseListingParams } from "@/lib/core/listing-params"
import { ListingView } from "@/components/listing/listing-view"

type Props = PageProps<"/[countryCode]/categories/[...handle]">

async function load(props: Props) {
  const { countryCode, handle } = await props.params
  const state = parseListingParams(await props.searchParams)
  const region = await getRegion(countryCode)
  if (!region) notFound()
  const category = handle[handle.length - 1]
  try {
    const page = await listCatalog(region.id, { category }, state)
    return { countryCode, handle, state, region, page }
  } catch (error) {
    if (error instanceof MedusaError && error.status === 404) notFound()
    throw error
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { page, countryCode, handle, state } = await load(props)
  const filtered = state.size.length + state.color.length + state.occasion.length > 0 || state.price_min !== null || state.price_max !== null
  return {
    title: page.category?.name ?? "Shop",
    description: page.category?.description || undefined,
    alternates: { canonical: `/${countryCode}/categories/${handle.join("/")}` },
    // Filtered and sorted variants of a category are for shoppers, not for the index.
    robots: filtered || state.page > 1 || state.sort ? { index: false, follow: true } : undefined,
  }
}

export default async function CategoryPage(props: Props) {
  const { page, countryCode, handle, state, region } = await load(props)
  const wishlist = await getWishlist(region.id)
  const category = page.category
  return (
    <>
      <nav aria-label="Breadcrumb" className="container-page pt-6 text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href={`/${countryCode}`} className="hover:underline">
              Home
            </Link>{" "}
            /
          </li>
          {category?.parent ? (
            <li>
              <Link href={`/${countryCode}/categories/${category.parent.handle}`} className="hover:underline">
                {category.parent.name}
              </Link>{" "}
              /
            </li>
          ) : null}
          <li aria-current="page" className="text-ink">
            {category?.name}
          </li>
        </ol>
      </nav>
      <ListingView
        basePath={`/${countryCode}/categories/${handle.join("/")}`}
        countryCode={countryCode}
        state={state}
        page={page}
        title={category?.name ?? "Shop"}
        defaultSort="newest"
        wishlist={new Map(wishlist.items.map((i) => [i.product_id, i.id]))}
        intro={
          <>
            {category?.description}
            {category?.children.length ? (
              <span className="mt-3 flex flex-wrap gap-2">
                {category.children.map((c) => (
                  <Link key={c.handle} href={`/${countryCode}/categories/${category.handle}/${c.handle}`} className="rounded-full border border-line bg-white px-3 py-1 text-ink hover:border-ink">
                    {c.name}
                  </Link>
                ))}
              </span>
            ) : null}
          </>
        }
      />
    </>
  )
}
