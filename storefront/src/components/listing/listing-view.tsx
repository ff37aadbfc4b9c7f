import Link from "next/link"
import type { CatalogPage } from "@/lib/medusa/types"
import { activeFilterCount, clearFilters, listingQuery, toggleValue, type ListingState } from "@/lib/core/listing-params"
import { formatMoney } from "@/lib/core/money"
import { humanize } from "@/lib/core/units"
import { ProductGrid } from "@/components/product/product-card"
import { FilterForm } from "./filter-form"
import { Pagination } from "./pagination"

/**
 * A product listing (category, collection or search): filters with counts, sort,
 * active-filter chips and pages. Everything is in the URL; links work without JavaScript.
 */
export function ListingView({
  basePath,
  countryCode,
  state,
  page,
  title,
  intro,
  wishlist,
  defaultSort,
}: {
  basePath: string
  countryCode: string
  state: ListingState
  page: CatalogPage
  title: string
  intro?: React.ReactNode
  wishlist: Map<string, string>
  defaultSort: "relevance" | "newest"
}) {
  const href = (next: ListingState) => `${basePath}${listingQuery(next)}`
  const chips = [
    ...state.size.map((v) => ({ label: `Size ${v}`, href: href(toggleValue(state, "size", v)) })),
    ...state.color.map((v) => ({ label: v, href: href(toggleValue(state, "color", v)) })),
    ...state.occasion.map((v) => ({ label: humanize(v), href: href(toggleValue(state, "occasion", v)) })),
    ...(state.price_min !== null || state.price_max !== null
      ? [{ label: priceLabel(state, page.products[0]?.price?.currency_code ?? "inr"), href: href({ ...state, price_min: null, price_max: null, page: 1 }) }]
      : []),
  ]
  const filters = activeFilterCount(state)

  return (
    <div className="container-page py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl md:text-4xl">{title}</h1>
          {intro ? <div className="mt-2 max-w-2xl text-sm text-muted">{intro}</div> : null}
        </div>
        <p className="text-sm text-muted" role="status" data-testid="result-count">
          {page.count} {page.count === 1 ? "style" : "styles"}
        </p>
      </div>

      {chips.length ? (
        <ul className="mt-4 flex flex-wrap gap-2" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.label}>
              <Link href={chip.href} className="inline-flex items-center gap-1 rounded-full border border-ink px-3 py-1 text-sm hover:bg-sand" aria-label={`Remove filter ${chip.label}`}>
                {chip.label} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href={href(clearFilters(state))} className="inline-flex rounded-full px-3 py-1 text-sm font-semibold text-plum underline">
              Clear all
            </Link>
          </li>
        </ul>
      ) : null}

      <div className="mt-6 grid gap-8 lg:grid-cols-[16rem_1fr]">
        <FilterForm basePath={basePath} state={state} facets={page.facets} currencyCode={page.products[0]?.price?.currency_code ?? null} activeCount={filters} defaultSort={defaultSort} />
        <div data-testid="listing-results">
          <h2 className="sr-only">Products</h2>
          {page.products.length ? (
            <ProductGrid products={page.products} countryCode={countryCode} priorityCount={2} wishlist={wishlist} />
          ) : (
            <div className="rounded-xl border border-dashed border-line p-10 text-center">
              <p className="text-lg font-medium">Nothing matches all of these filters.</p>
              <p className="mt-1 text-sm text-muted">Try removing a filter or two.</p>
              {filters ? (
                <Link href={href(clearFilters(state))} className="btn-secondary mt-4">
                  Clear filters
                </Link>
              ) : null}
            </div>
          )}
          <Pagination page={page.page} pages={page.pages} hrefFor={(p) => href({ ...state, page: p })} />
        </div>
      </div>
    </div>
  )
}

function priceLabel(state: ListingState, currency: string): string {
  const fmt = (n: number) => formatMoney(n * 100, currency)
  if (state.price_min !== null && state.price_max !== null) return `${fmt(state.price_min)} – ${fmt(state.price_max)}`
  if (state.price_min !== null) return `From ${fmt(state.price_min)}`
  return `Up to ${fmt(state.price_max!)}`
}
