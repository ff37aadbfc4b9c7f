import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { listCatalog } from "@/lib/data/catalog"
import { getWishlist } from "@/lib/data/wishlist"
import { MedusaError } from "@/lib/medusa/client"
import { parseListingParams } from "@/lib/core/listing-params"
import { ListingView } from "@/components/listing/listing-view"

type Props = PageProps<"/[countryCode]/collections/[handle]">

async function load(props: Props) {
  const { countryCode, handle } = await props.params
  const state = parseListingParams(await props.searchParams)
  const region = await getRegion(countryCode)
  if (!region) notFound()
  try {
    return { countryCode, handle, state, region, page: await listCatalog(region.id, { collection: handle }, state) }
  } catch (error) {
    if (error instanceof MedusaError && error.status === 404) notFound()
    throw error
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { page, countryCode, handle } = await load(props)
  return { title: page.collection?.title ?? "Collection", alternates: { canonical: `/${countryCode}/collections/${handle}` } }
}

export default async function CollectionPage(props: Props) {
  const { page, countryCode, handle, state, region } = await load(props)
  const wishlist = await getWishlist(region.id)
  return (
    <ListingView
      basePath={`/${countryCode}/collections/${handle}`}
      countryCode={countryCode}
      state={state}
      page={page}
      title={page.collection?.title ?? "Collection"}
      defaultSort="newest"
      wishlist={new Map(wishlist.items.map((i) => [i.product_id, i.id]))}
    />
  )
}
