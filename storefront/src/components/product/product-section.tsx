/**
 * A section of the product page below the fold (reviews, complete the look), and the same
 * section while it streams in. The loading one gets no id, so the two never share one, and
 * says "busy" to assistive technology.
 */
export function ProductSection({ id, title, loading = false, children }: { id: string; title: string; loading?: boolean; children: React.ReactNode }) {
  const titleId = loading ? `${id}-loading-title` : `${id}-title`
  return (
    <section
      id={loading ? undefined : id}
      aria-labelledby={titleId}
      aria-busy={loading || undefined}
      className="mt-12 scroll-mt-20 border-t border-line pt-8"
      data-testid={loading ? `${id}-loading` : id}
    >
      <h2 id={titleId} className="mb-6 text-2xl">
        {title}
      </h2>
      {children}
    </section>
  )
}
