"use client"

import Image from "next/image"
import Link from "next/link"
import { useState, useTransition } from "react"
import type { LineItem } from "@/lib/medusa/types"
import { changeLineItemVariant, removeLineItem, updateLineItem } from "@/lib/actions/cart"
import { isInStock } from "@/lib/core/variants"
import { formatMoney } from "@/lib/core/money"

const SIZE = /^size$/i
const COLOUR = /^colou?r$/i

/** One line of the bag: change size or quantity, or remove it; each change is saved at once. */
export function CartLine({ item, countryCode, currencyCode }: { item: LineItem; countryCode: string; currencyCode: string }) {
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const variant = item.variant
  const product = variant?.product
  const optionTitle = (id: string) => product?.options?.find((o) => o.id === id)?.title ?? ""
  type WithOptions = { options?: { option_id: string; value: string }[] } | null | undefined
  const valueOf = (v: WithOptions, title: RegExp) => v?.options?.find((o) => title.test(optionTitle(o.option_id)))?.value ?? null
  const sizeOf = (v: WithOptions) => valueOf(v, SIZE)
  const colourOf = (v: WithOptions) => valueOf(v, COLOUR)

  const currentSize = variant ? sizeOf(variant) : null
  const currentColour = colourOf(variant)
  // Same colour, other sizes: the only change that keeps it the same piece.
  const siblings = (product?.variants ?? []).filter((v) => colourOf(v) === currentColour && sizeOf(v))
  const stockLimit = variant && variant.manage_inventory && !variant.allow_backorder ? variant.inventory_quantity : 10
  const maxQty = Math.max(item.quantity, Math.min(10, stockLimit))

  function run(action: () => Promise<{ ok: boolean; error?: string }>) {
    setError(null)
    startTransition(async () => {
      const result = await action()
      if (!result.ok) setError(result.error ?? "Something went wrong")
    })
  }

  const href = product ? `/${countryCode}/products/${product.handle}` : null
  return (
    <li className={`flex gap-4 py-5 ${pending ? "opacity-60" : ""}`} data-testid="cart-line" aria-busy={pending}>
      <div className="relative h-32 w-24 flex-none overflow-hidden rounded-lg bg-sand">
        {item.thumbnail ? <Image src={item.thumbnail} alt="" fill sizes="96px" className="object-cover" /> : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex justify-between gap-3">
          <div className="min-w-0">
            <h3 className="font-sans text-sm font-medium">{href ? <Link href={href} className="hover:underline">{item.title}</Link> : item.title}</h3>
            <p className="text-sm text-muted">{item.description}</p>
          </div>
          <p className="text-sm font-semibold tabular-nums">{formatMoney(item.total ?? item.unit_price * item.quantity, currencyCode)}</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          {siblings.length > 1 ? (
            <div>
              <label htmlFor={`size-${item.id}`} className="text-xs text-muted">
                Size
              </label>
              <select
                id={`size-${item.id}`}
                className="field min-h-10 w-24 text-sm"
                value={variant?.id}
                disabled={pending}
                onChange={(e) => run(() => changeLineItemVariant(item.id, e.target.value))}
              >
                {siblings.map((v) => (
                  <option key={v.id} value={v.id} disabled={v.id !== variant?.id && !isInStock(v)}>
                    {sizeOf(v)}
                    {v.id !== variant?.id && !isInStock(v) ? " (sold out)" : ""}
                  </option>
                ))}
              </select>
            </div>
          ) : currentSize ? (
            <p className="text-sm">Size {currentSize}</p>
          ) : null}
          <div>
            <label htmlFor={`qty-${item.id}`} className="text-xs text-muted">
              Quantity
            </label>
            <select id={`qty-${item.id}`} className="field min-h-10 w-20 text-sm" value={item.quantity} disabled={pending} onChange={(e) => run(() => updateLineItem(item.id, Number(e.target.value)))} data-testid="qty-select">
              {Array.from({ length: maxQty }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="min-h-10 text-sm font-medium text-plum underline" disabled={pending} onClick={() => run(() => removeLineItem(item.id))} aria-label={`Remove ${item.title} from bag`}>
            Remove
          </button>
        </div>
        {stockLimit < item.quantity ? (
          <p className="text-sm font-medium text-sale" data-testid="stock-warning">
            {stockLimit <= 0 ? "Sold out in this size. Choose another size or remove it to check out." : `Only ${stockLimit} left. Lower the quantity to check out.`}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-sale">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  )
}
