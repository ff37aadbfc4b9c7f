"use client"

import { useRouter } from "next/navigation"
import { useRef, useState, useTransition } from "react"
import type { CatalogPage } from "@/lib/medusa/types"
import { listingQuery, parseListingParams, SORT_LABELS, type ListingState, type Sort } from "@/lib/core/listing-params"
import { currencySymbol } from "@/lib/core/money"
import { humanize } from "@/lib/core/units"

/**
 * The filter panel is a plain GET form (it works with JavaScript off); with JavaScript,
 * every change navigates at once and the grid shows that it is updating.
 */
export function FilterForm({
  basePath,
  state,
  facets,
  currencyCode,
  activeCount,
  defaultSort,
}: {
  basePath: string
  state: ListingState
  facets: CatalogPage["facets"]
  currencyCode: string | null
  activeCount: number
  defaultSort: "relevance" | "newest"
}) {
  const router = useRouter()
  const formRef = useRef<HTMLFormElement>(null)
  const [open, setOpen] = useState(false)
  const [pending, startTransition] = useTransition()
  const sorts: Sort[] = state.q ? ["relevance", "newest", "popular", "price_asc", "price_desc"] : ["newest", "popular", "price_asc", "price_desc"]

  function navigate() {
    const form = formRef.current
    if (!form) return
    const data = new FormData(form)
    const raw: Record<string, string[]> = {}
    for (const [key, value] of data.entries()) (raw[key] ??= []).push(String(value))
    const next = parseListingParams(raw)
    if (next.sort === defaultSort) next.sort = null
    next.page = 1
    startTransition(() => router.push(`${basePath}${listingQuery(next)}`, { scroll: false }))
  }

  return (
    <aside aria-label="Filters">
      <button type="button" className="btn-secondary w-full lg:hidden" aria-expanded={open} aria-controls="filter-panel" onClick={() => setOpen(!open)}>
        Filter and sort{activeCount ? ` (${activeCount})` : ""}
      </button>
      <form
        key={listingQuery(state)}
        ref={formRef}
        id="filter-panel"
        method="get"
        action={basePath}
        onChange={(e) => {
          if ((e.target as HTMLElement).getAttribute("type") !== "number") navigate()
        }}
        onSubmit={(e) => {
          e.preventDefault()
          navigate()
        }}
        className={`${open ? "block" : "hidden"} mt-4 space-y-6 lg:mt-0 lg:block`}
      >
        {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
        <p role="status" aria-live="polite" className="text-xs text-muted" data-testid="filters-status">
          {pending ? "Updating…" : ""}
        </p>

        <div>
          <label htmlFor="sort" className="field-label">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={state.sort ?? defaultSort} className="field">
            {sorts.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>

        {facets.sizes.length ? (
          <fieldset>
            <legend className="field-label">Size</legend>
            <div className="flex flex-wrap gap-2">
              {facets.sizes.map((f) => (
                <label key={f.value} className={`relative ${f.count === 0 && !state.size.includes(f.value) ? "opacity-40" : ""}`}>
                  <input type="checkbox" name="size" value={f.value} defaultChecked={state.size.includes(f.value)} className="peer sr-only" />
                  <span className="flex h-10 min-w-12 cursor-pointer items-center justify-center rounded-lg border border-line bg-white px-3 text-sm peer-checked:border-ink peer-checked:bg-ink peer-checked:text-ivory peer-focus-visible:ring-2 peer-focus-visible:ring-plum">
                    {f.value}
                    <span className="ml-1 text-xs opacity-70">({f.count})</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        {facets.colors.length ? (
          <fieldset>
            <legend className="field-label">Colour</legend>
            <div className="grid grid-cols-2 gap-2">
              {facets.colors.map((f) => (
                <label key={f.value} className={`flex cursor-pointer items-center gap-2 text-sm ${f.count === 0 && !state.color.includes(f.value) ? "opacity-40" : ""}`}>
                  <input type="checkbox" name="color" value={f.value} defaultChecked={state.color.includes(f.value)} className="peer sr-only" />
                  <span className="h-6 w-6 flex-none rounded-full border border-black/15 ring-offset-2 peer-checked:ring-2 peer-checked:ring-ink peer-focus-visible:ring-2 peer-focus-visible:ring-plum" style={{ backgroundColor: f.hex }} aria-hidden="true" />
                  <span className="peer-checked:font-semibold">
                    {f.value} <span className="text-xs text-muted">({f.count})</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        {facets.occasions.length ? (
          <fieldset>
            <legend className="field-label">Occasion</legend>
            <div className="space-y-1">
              {facets.occasions.map((f) => (
                <label key={f.value} className={`flex cursor-pointer items-center gap-2 text-sm ${f.count === 0 && !state.occasion.includes(f.value) ? "opacity-40" : ""}`}>
                  <input type="checkbox" name="occasion" value={f.value} defaultChecked={state.occasion.includes(f.value)} className="h-4 w-4 accent-plum" />
                  {humanize(f.value)} <span className="text-xs text-muted">({f.count})</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        {facets.price ? (
          <fieldset>
            <legend className="field-label">Price{currencyCode ? ` (${currencySymbol(currencyCode)})` : ""}</legend>
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <label htmlFor="price_min" className="text-xs text-muted">
                  Min
                </label>
                <input id="price_min" name="price_min" type="number" inputMode="numeric" min={0} step={1} placeholder={String(facets.price.min)} defaultValue={state.price_min ?? ""} className="field" />
              </div>
              <div className="flex-1">
                <label htmlFor="price_max" className="text-xs text-muted">
                  Max
                </label>
                <input id="price_max" name="price_max" type="number" inputMode="numeric" min={0} step={1} placeholder={String(facets.price.max)} defaultValue={state.price_max ?? ""} className="field" />
              </div>
            </div>
            <button type="submit" className="btn-secondary mt-2 w-full">
              Apply price
            </button>
          </fieldset>
        ) : null}

        <noscript>
          <button type="submit" className="btn-primary w-full">
            Apply filters
          </button>
        </noscript>
      </form>
    </aside>
  )
}
