import Link from "next/link"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { getProduct } from "@/lib/data/catalog"
import { getSizeChart } from "@/lib/data/size-chart"
import { getWishlist } from "@/lib/data/wishlist"
import { isInStock } from "@/lib/core/variants"
import { humanize } from "@/lib/core/units"
import { DELIVERY_ESTIMATE_COUNTRY } from "@/lib/core/delivery-estimate"
import { ProductView } from "@/components/product/product-view"
import { SizeGuide } from "@/components/product/size-guide"
import { ProductSlot } from "@/components/product/product-slots"
import { TruckIcon } from "@/components/common/icons"
import { siteUrl, STORE_NAME } from "@/lib/config/site"
import type { Product, Region } from "@/lib/medusa/types"

type Props = PageProps<"/[countryCode]/products/[handle]">

async function load(props: Props) {
  const { countryCode, handle } = await props.params
  const region = await getRegion(countryCode)
  if (!region) notFound()
  const product = await getProduct(handle, region.id)
  if (!product) notFound()
  return { countryCode, handle, region, product }
}

function priceOf(product: Product, region: Region) {
  const prices = product.variants
    .map((v) => (region.includes_tax ? v.calculated_price_incl_tax : v.calculated_price) ?? v.calculated_price)
    .filter((p): p is number => typeof p === "number")
  return prices.length ? Math.min(...prices) : null
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { product, countryCode, handle } = await load(props)
  const description = product.description?.slice(0, 160) ?? undefined
  return {
    title: product.title,
    description,
    alternates: { canonical: `/${countryCode}/products/${handle}` },
    openGraph: {
      type: "website",
      title: product.title,
      description,
      siteName: STORE_NAME,
      url: `/${countryCode}/products/${handle}`,
      images: product.thumbnail ? [{ url: product.thumbnail, width: 800, height: 1000, alt: product.title }] : undefined,
    },
    twitter: { card: "summary_large_image", title: product.title, description, images: product.thumbnail ? [product.thumbnail] : undefined },
  }
}

export default async function ProductPage(props: Props) {
  const { product, countryCode, handle, region } = await load(props)
  const search = await props.searchParams
  const [chart, wishlist] = await Promise.all([getSizeChart(product.id).catch(() => null), getWishlist(region.id)])
  const wishlistItem = wishlist.items.find((i) => i.product_id === product.id)
  const meta = (product.metadata ?? {}) as Record<string, unknown>
  const price = priceOf(product, region)
  const category = product.categories?.[0]
  const url = `${siteUrl()}/${countryCode}/products/${handle}`
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    image: product.images.map((i) => i.url),
    sku: product.variants[0]?.sku ?? undefined,
    brand: { "@type": "Brand", name: STORE_NAME },
    category: category?.name,
    material: product.material ?? undefined,
    offers: price !== null
      ? {
          "@type": "AggregateOffer",
          url,
          priceCurrency: region.currency_code.toUpperCase(),
          lowPrice: (price / 100).toFixed(2),
          highPrice: (Math.max(...product.variants.map((v) => (region.includes_tax ? v.calculated_price_incl_tax : v.calculated_price) ?? 0)) / 100).toFixed(2),
          offerCount: product.variants.length,
          availability: product.variants.some(isInStock) ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
        }
      : undefined,
  }

  const details: [string, unknown][] = [
    ["Fabric", meta.fabric],
    ["Material", product.material],
    ["Fit", meta.fit_type ? humanize(String(meta.fit_type)) : null],
    ["Neckline", meta.neckline ? humanize(String(meta.neckline)) : null],
    ["Sleeve", meta.sleeve ? humanize(String(meta.sleeve)) : null],
    ["Length", meta.length ? humanize(String(meta.length)) : null],
    ["Occasion", Array.isArray(meta.occasion) ? meta.occasion.map((o) => humanize(String(o))).join(", ") : null],
  ]

  return (
    <div className="container-page py-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href={`/${countryCode}`} className="hover:underline">Home</Link> /
          </li>
          {category ? (
            <li>
              <Link href={`/${countryCode}/categories/${category.handle}`} className="hover:underline">{category.name}</Link> /
            </li>
          ) : null}
          <li aria-current="page" className="text-ink">{product.title}</li>
        </ol>
      </nav>

      <ProductView
        product={product}
        countryCode={countryCode}
        initialColour={typeof search.color === "string" ? search.color : null}
        wishlistItemId={wishlistItem?.id ?? null}
        taxInclusive={region.includes_tax}
        currencyCode={region.currency_code}
        sizeGuide={chart ? <SizeGuide chart={chart} productTitle={product.title} defaultUnit={countryCode === "us" ? "in" : "cm"} /> : null}
        sizeAdvice={<ProductSlot name="size-advice" product={product} regionId={region.id} countryCode={countryCode} />}
        deliveryCheck={countryCode === DELIVERY_ESTIMATE_COUNTRY}
      />

      <div className="mt-10 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="details-title">
          <h2 id="details-title" className="text-2xl">Details</h2>
          {product.description ? <p className="mt-3 leading-relaxed text-ink/90">{product.description}</p> : null}
          <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            {details
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-muted">{k}</dt>
                  <dd>{String(v)}</dd>
                </div>
              ))}
          </dl>
          {meta.care ? (
            <details className="mt-4 rounded-lg border border-line bg-white p-4 text-sm">
              <summary className="cursor-pointer font-medium">Care</summary>
              <p className="mt-2 text-muted">{String(meta.care)}</p>
            </details>
          ) : null}
        </section>
        <section aria-labelledby="delivery-title" className="rounded-2xl bg-sand/70 p-5 text-sm">
          <h2 id="delivery-title" className="flex items-center gap-2 text-2xl">
            <TruckIcon className="h-6 w-6" /> Delivery
          </h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-ink/90">
            <li>Ships from our partner workshop in India.</li>
            {region.currency_code === "inr" ? <li>Cash on delivery for most pincodes: checkout tells you if yours qualifies.</li> : null}
            <li>Delivery options and prices for your address are shown at checkout.</li>
          </ul>
        </section>
      </div>

      <ProductSlot name="3d-viewer" product={product} regionId={region.id} countryCode={countryCode} />
      <ProductSlot name="reviews" product={product} regionId={region.id} countryCode={countryCode} />
      <ProductSlot name="complete-the-look" product={product} regionId={region.id} countryCode={countryCode} />
    </div>
  )
}
