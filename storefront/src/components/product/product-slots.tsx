import { Suspense } from "react"
import type { Product } from "@/lib/medusa/types"
import { pickerModel } from "@/lib/core/variants"
import { ProductReviews, ProductReviewsSkeleton } from "@/components/reviews/product-reviews"
import { CompleteTheLook, CompleteTheLookSkeleton } from "@/components/stylist/complete-the-look"
import { SizeAdviceSection, SizeAdviceSkeleton } from "./size-advice-section"
import { Product3d } from "./product-3d"

/**
 * Places on the product page that belong to other plugins: size advice
 * (size-recommendation), the 3D viewer (3d-assets), reviews (reviews) and "complete the
 * look" (ai-stylist). Each plugin's issue puts its view here; until then a slot renders
 * nothing and costs nothing (no request to an endpoint that does not exist yet).
 *
 * Size advice, reviews and complete the look stream in (Suspense): the product itself never
 * waits for them, and each renders nothing when its plugin is off. So does the 3D viewer,
 * without a skeleton: most products have no model, and a placeholder that then vanished
 * would move everything below it.
 */
export type SlotName = "size-advice" | "3d-viewer" | "reviews" | "complete-the-look"

export function ProductSlot({ name, product, regionId, countryCode }: { name: SlotName; product: Product; regionId: string; countryCode: string }) {
  if (name === "size-advice") {
    // Only for products a shopper chooses a size of (not bags or earrings).
    const model = pickerModel(product.options, product.variants)
    if (!model.hasSizes || model.sizes.length < 2) return null
    return (
      <Suspense fallback={<SizeAdviceSkeleton />}>
        <SizeAdviceSection productId={product.id} productHandle={product.handle} countryCode={countryCode} />
      </Suspense>
    )
  }
  if (name === "reviews") {
    return (
      <Suspense fallback={<ProductReviewsSkeleton />}>
        <ProductReviews productId={product.id} productHandle={product.handle} countryCode={countryCode} />
      </Suspense>
    )
  }
  if (name === "complete-the-look") {
    return (
      <Suspense fallback={<CompleteTheLookSkeleton />}>
        <CompleteTheLook productId={product.id} regionId={regionId} countryCode={countryCode} />
      </Suspense>
    )
  }
  if (name === "3d-viewer") {
    return (
      <Suspense fallback={null}>
        <Product3d productId={product.id} title={product.title} thumbnail={product.thumbnail} />
      </Suspense>
    )
  }
  return <div data-slot={name} hidden />
}
