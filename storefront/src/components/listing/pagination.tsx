import Link from "next/link"

/** Page links around the current page; first and last always reachable. */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null
  const numbers = [...new Set([1, page - 1, page, page + 1, pages].filter((n) => n >= 1 && n <= pages))].sort((a, b) => a - b)
  return (
    <nav aria-label="Pages" className="mt-10 flex items-center justify-center gap-1">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="rounded-full px-4 py-2 text-sm hover:bg-sand" rel="prev">
          Previous
        </Link>
      ) : null}
      {numbers.map((n, i) => (
        <span key={n} className="flex items-center">
          {i > 0 && n - numbers[i - 1] > 1 ? <span className="px-1 text-muted">…</span> : null}
          <Link
            href={hrefFor(n)}
            aria-current={n === page ? "page" : undefined}
            className={`flex h-10 min-w-10 items-center justify-center rounded-full px-3 text-sm ${n === page ? "bg-ink text-ivory" : "hover:bg-sand"}`}
          >
            {n}
          </Link>
        </span>
      ))}
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className="rounded-full px-4 py-2 text-sm hover:bg-sand" rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  )
}
