import Image from "next/image"
import Link from "next/link"
import type { ProductCard as Card } from "@/lib/medusa/types"
import { Price } from "@/components/common/price"
import { WishlistButton } from "@/components/wishlist/wishlist-button"

export function ProductCard({ product, countryCode, priority = false, wishlistItemId }: { product: Card; countryCode: string; priority?: boolean; wishlistItemId?: string | null }) {
  const href = `/${countryCode}/products/${product.handle}`
  return (
    <article className="group relative flex flex-col" data-testid="product-card" data-handle={product.handle}>
      <div className="relative aspect-[4/5] overflow-hidden rounded-xl bg-sand">
        {product.thumbnail ? (
          <Image
            src={product.thumbnail}
            alt={product.title}
            fill
            priority={priority}
            fetchPriority={priority ? "high" : undefined}
            sizes="(min-width: 1280px) 300px, (min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
            className="object-cover transition-transform duration-500 group-hover:scale-[1.03]"
          />
        ) : null}
        {!product.in_stock ? <span className="absolute left-2 top-2 rounded-full bg-white/90 px-2 py-1 text-xs font-semibold">Sold out</span> : null}
        <div className="absolute right-2 top-2">
          <WishlistButton countryCode={countryCode} productId={product.id} productTitle={product.title} itemId={wishlistItemId ?? null} />
        </div>
      </div>
      <div className="mt-3 flex flex-1 flex-col gap-1">
        <h3 className="font-sans text-sm font-medium leading-snug">
          <Link href={href} className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none">
            {product.title}
          </Link>
        </h3>
        {product.price ? <Price amount={product.price.amount} original={product.price.original} currencyCode={product.price.currency_code} size="sm" /> : <p className="text-sm text-muted">Not sold in this country</p>}
        {product.colors.length > 1 ? (
          <ul className="mt-1 flex gap-1.5" aria-label={`${product.colors.length} colours`}>
            {product.colors.slice(0, 6).map((c) => (
              <li key={c.name} title={c.name} className="h-3.5 w-3.5 rounded-full border border-black/15" style={{ backgroundColor: c.hex }}>
                <span className="sr-only">{c.name}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  )
}

export function ProductGrid({ products, countryCode, priorityCount = 0, wishlist }: { products: Card[]; countryCode: string; priorityCount?: number; wishlist?: Map<string, string> }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4" data-testid="product-grid">
      {products.map((p, i) => (
        <li key={p.id} className="relative">
          <ProductCard product={p} countryCode={countryCode} priority={i < priorityCount} wishlistItemId={wishlist?.get(p.id)} />
        </li>
      ))}
    </ul>
  )
}
