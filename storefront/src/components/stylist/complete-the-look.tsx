import Link from "next/link"
import { getCompleteTheLook } from "@/lib/data/stylist"
import { OutfitCard } from "./outfit-card"
import { ProductSection } from "@/components/product/product-section"

/**
 * "Complete the look" on the product page: outfits the stylist builds around this product
 * from what is in stock in this region. Renders nothing when it has none or cannot answer,
 * so the product page never waits on it or breaks because of it.
 */
export async function CompleteTheLook({ productId, regionId, countryCode }: { productId: string; regionId: string; countryCode: string }) {
  const outfits = await getCompleteTheLook(productId, regionId)
  if (!outfits?.length) return null
  return (
    <ProductSection id="complete-the-look" title="Complete the look">
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {outfits.slice(0, 3).map((outfit, i) => (
          <li key={`${i}-${outfit.title}`} className="flex">
            <div className="w-full">
              <OutfitCard outfit={outfit} countryCode={countryCode} />
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm">
        <Link href={`/${countryCode}/stylist`} className="font-semibold text-plum underline">
          Ask our stylist for more looks
        </Link>
      </p>
    </ProductSection>
  )
}

/** While the looks load: their shape, and a word for screen readers. */
export function CompleteTheLookSkeleton() {
  return (
    <ProductSection id="complete-the-look" title="Complete the look" loading>
      <span role="status" className="sr-only">
        Loading looks…
      </span>
      <div aria-hidden="true" className="grid animate-pulse gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1].map((i) => (
          <div key={i} className="space-y-3 rounded-2xl border border-line bg-white p-4">
            <div className="h-4 w-40 rounded bg-sand" />
            {[0, 1, 2].map((j) => (
              <div key={j} className="flex items-center gap-3">
                <div className="h-20 w-16 rounded-lg bg-sand" />
                <div className="h-3 flex-1 rounded bg-sand" />
              </div>
            ))}
            <div className="h-11 rounded-full bg-sand" />
          </div>
        ))}
      </div>
    </ProductSection>
  )
}
