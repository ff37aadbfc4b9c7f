"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useId, useRef, useState } from "react"
import { SearchIcon } from "@/components/common/icons"
import type { Suggestions } from "@/lib/medusa/types"
import { formatMoney } from "@/lib/core/money"

const DEBOUNCE_MS = 150

/** Search with suggestions as you type: an ARIA combobox; Enter searches, arrows pick a suggestion. */
export function SearchBox({ countryCode }: { countryCode: string }) {
  const router = useRouter()
  const listId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [q, setQ] = useState("")
  const [result, setResult] = useState<Suggestions | null>(null)
  const [loading, setLoading] = useState(false)
  const [active, setActive] = useState(-1)

  useEffect(() => {
    const term = q.trim()
    if (!term) {
      setResult(null)
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setLoading(true)
      try {
        const res = await fetch(`/api/suggest?country=${countryCode}&q=${encodeURIComponent(term)}`, { signal: controller.signal })
        if (res.ok) setResult(await res.json())
      } catch {
        // aborted by the next keystroke, or offline: the search button still works
      } finally {
        if (!controller.signal.aborted) setLoading(false)
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [q, countryCode])

  const options = [
    ...(result?.products ?? []).map((p) => ({ key: p.id, href: `/${countryCode}/products/${p.handle}`, product: p })),
    ...(result?.categories ?? []).map((c) => ({ key: c.handle, href: `/${countryCode}/categories/${c.handle}`, category: c })),
  ]
  const expanded = open && q.trim().length > 0 && (options.length > 0 || Boolean(result))

  function submit(event: React.FormEvent) {
    event.preventDefault()
    const choice = options[active]
    const href = choice ? choice.href : `/${countryCode}/search?q=${encodeURIComponent(q.trim())}`
    if (!choice && !q.trim()) return
    setOpen(false)
    router.push(href)
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "ArrowDown") {
      event.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(options.length - 1, i + 1))
    } else if (event.key === "ArrowUp") {
      event.preventDefault()
      setActive((i) => Math.max(-1, i - 1))
    } else if (event.key === "Escape") {
      setOpen(false)
      setActive(-1)
    }
  }

  return (
    <div className="relative min-w-0 flex-1 sm:flex-none">
      <form role="search" action={`/${countryCode}/search`} onSubmit={submit} className="flex w-full items-center">
        <label htmlFor={`${listId}-input`} className="sr-only">
          Search the store
        </label>
        <div className="relative w-full">
          <SearchIcon className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-muted" />
          <input
            ref={inputRef}
            id={`${listId}-input`}
            name="q"
            type="search"
            autoComplete="off"
            placeholder="Search dresses, tops…"
            value={q}
            onChange={(e) => {
              setQ(e.target.value)
              setOpen(true)
              setActive(-1)
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
            role="combobox"
            aria-expanded={expanded}
            aria-controls={`${listId}-list`}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? `${listId}-opt-${active}` : undefined}
            className="h-11 w-full min-w-0 rounded-full border border-line bg-white pl-9 pr-3 text-sm focus:border-plum focus:outline-none focus:ring-2 focus:ring-plum/20 sm:w-56 md:w-64"
          />
        </div>
      </form>
      {expanded ? (
        <div className="absolute right-0 top-12 z-50 w-[min(92vw,24rem)] overflow-hidden rounded-xl border border-line bg-white shadow-xl">
          {result?.corrected_query ? (
            <p className="border-b border-line px-4 py-2 text-xs text-muted">
              Showing results for <strong className="text-ink">{result.corrected_query}</strong>
            </p>
          ) : null}
          <ul id={`${listId}-list`} role="listbox" aria-label="Suggestions" className="max-h-96 overflow-y-auto py-1">
            {options.map((option, i) => (
              <li key={option.key} id={`${listId}-opt-${i}`} role="option" aria-selected={i === active}>
                <Link
                  href={option.href}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => setOpen(false)}
                  className={`flex items-center gap-3 px-4 py-2 text-sm ${i === active ? "bg-sand" : "hover:bg-sand"}`}
                >
                  {"product" in option && option.product ? (
                    <>
                      <span className="h-12 w-10 flex-none overflow-hidden rounded bg-sand">
                        {option.product.thumbnail ? (
                          // eslint-disable-next-line @next/next/no-img-element
                          <img src={`/_next/image?url=${encodeURIComponent(option.product.thumbnail)}&w=96&q=75`} alt="" width={40} height={48} className="h-full w-full object-cover" loading="lazy" />
                        ) : null}
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium">{option.product.title}</span>
                        {option.product.price ? <span className="text-muted">{formatMoney(option.product.price.amount, option.product.price.currency_code)}</span> : null}
                      </span>
                    </>
                  ) : (
                    <span>
                      <span className="text-muted">Category: </span>
                      <span className="font-medium">{"category" in option && option.category ? option.category.name : ""}</span>
                    </span>
                  )}
                </Link>
              </li>
            ))}
            {!options.length && !loading ? <li className="px-4 py-3 text-sm text-muted">No matches yet. Press Enter to search everything.</li> : null}
          </ul>
          <Link href={`/${countryCode}/search?q=${encodeURIComponent(q.trim())}`} onMouseDown={(e) => e.preventDefault()} className="block border-t border-line px-4 py-2 text-sm font-medium text-plum hover:bg-sand">
            See all results for “{q.trim()}”
          </Link>
        </div>
      ) : null}
    </div>
  )
}
