import { ProductGridSkeleton } from "@/components/product/product-card"

/** Shown while a page's data loads: the layout (header, footer) stays, the content shimmers. */
export default function Loading() {
  return (
    <div className="container-page py-8" role="status" aria-label="Loading">
      <div className="skeleton h-9 w-64" />
      <div className="mt-8">
        <ProductGridSkeleton />
      </div>
    </div>
  )
}
