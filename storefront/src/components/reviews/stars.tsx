import { ratingText, starFills } from "@/lib/core/reviews"

const STAR = "M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3L2.9 9.5l6.3-.9L12 2.8Z"

export function StarShape({ filled, className = "h-4 w-4" }: { filled: boolean; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={`block ${className}`} aria-hidden="true">
      <path d={STAR} fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  )
}

/** Five stars filled to the nearest half; one accessible name ("4.5 out of 5 stars, 12 reviews"). */
export function Stars({ value, count, label, className = "h-4 w-4" }: { value: number | null; count?: number; label?: string; className?: string }) {
  const fills = starFills(value)
  const name = label ?? (count === undefined ? `${value ?? 0} out of 5 stars` : ratingText(value, count))
  return (
    <span role="img" aria-label={name} className="inline-flex items-center gap-0.5 text-gold">
      {fills.map((fill, i) => (
        <span key={i} className="relative inline-block">
          <StarShape filled={false} className={className} />
          {fill > 0 ? (
            <span className="absolute inset-y-0 left-0 overflow-hidden" style={{ width: `${fill * 100}%` }}>
              <StarShape filled className={className} />
            </span>
          ) : null}
        </span>
      ))}
    </span>
  )
}
