import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { listCatalog } from "@/lib/data/catalog"
import { getWishlist } from "@/lib/data/wishlist"
import { parseListingParams } from "@/lib/core/listing-params"
import { ListingView } from "@/components/listing/listing-view"

type Props = PageProps<"/[countryCode]/search">

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { q } = parseListingParams(await props.searchParams)
  return { title: q ? `Search: ${q}` : "All styles", robots: { index: false, follow: true } }
}

export default async function SearchPage(props: Props) {
  const { countryCode } = await props.params
  const state = parseListingParams(await props.searchParams)
  const region = await getRegion(countryCode)
  if (!region) notFound()
  const [page, wishlist] = await Promise.all([listCatalog(region.id, {}, state), getWishlist(region.id)])
  const title = state.q ? `Results for “${state.q}”` : "All styles"
  return (
    <ListingView
      basePath={`/${countryCode}/search`}
      countryCode={countryCode}
      state={state}
      page={page}
      title={title}
      defaultSort={state.q ? "relevance" : "newest"}
      wishlist={new Map(wishlist.items.map((i) => [i.product_id, i.id]))}
      intro={
        page.corrected_query ? (
          <p data-testid="corrected-query">
            Showing results for <strong className="text-ink">{page.corrected_query}</strong>
          </p>
        ) : null
      }
    />
  )
}
