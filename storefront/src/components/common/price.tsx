import { discountPercent, formatMoney } from "@/lib/core/money"

/** Selling price, MRP struck through and the saving, as Indian shoppers expect to see them. */
export function Price({ amount, original, currencyCode, size = "md" }: { amount: number; original?: number | null; currencyCode: string; size?: "sm" | "md" | "lg" }) {
  const off = original ? discountPercent(amount, original) : 0
  const text = size === "lg" ? "text-2xl" : size === "sm" ? "text-sm" : "text-base"
  return (
    <p className={`flex flex-wrap items-baseline gap-x-2 ${text}`}>
      <span className="font-semibold text-ink">{formatMoney(amount, currencyCode)}</span>
      {off > 0 && original ? (
        <>
          <span className="text-muted line-through">
            <span className="sr-only">MRP </span>
            {formatMoney(original, currencyCode)}
          </span>
          <span className="font-semibold text-sale">({off}% off)</span>
        </>
      ) : null}
    </p>
  )
}
