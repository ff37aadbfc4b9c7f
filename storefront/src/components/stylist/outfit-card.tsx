import Image from "next/image"
import Link from "next/link"
import { stylistMoney, type Outfit, type StylistItem } from "@/lib/core/stylist"
import { AddLookButton } from "./add-look-button"

/**
 * One piece of a look: thumbnail, title linking to its page, size, colour, price. Shared by
 * the stylist page (client) and "Complete the look" (server), so it holds no state itself.
 */
export function LookItem({ item, countryCode }: { item: StylistItem; countryCode: string }) {
  const size = !item.size ? null : /^one[ -]?size$/i.test(item.size) ? "One size" : `Size ${item.size}`
  const details = [size, item.color ? `Colour: ${item.color}` : null].filter(Boolean).join(" · ")
  return (
    <li className="flex items-center gap-3" data-testid="outfit-item" data-variant-id={item.variant_id} data-colour={item.color} data-size={item.size} data-price={item.unit_price}>
      <div className="relative h-20 w-16 flex-none overflow-hidden rounded-lg bg-sand">
        {/* The title beside it says what it is: the picture needs no words of its own. */}
        {item.thumbnail ? <Image src={item.thumbnail} alt="" fill sizes="64px" className="object-cover" /> : null}
      </div>
      <div className="min-w-0 flex-1 text-sm">
        <Link href={`/${countryCode}/products/${item.handle}`} className="font-medium hover:text-plum hover:underline" data-testid="outfit-item-link">
          {item.title}
        </Link>
        {details ? <p className="text-muted">{details}</p> : null}
      </div>
      <p className="flex-none text-sm font-semibold">{stylistMoney(item.unit_price, item.currency)}</p>
    </li>
  )
}

/** A look as a card: its pieces, the total and "Add the look to bag". `alternative` marks one that is not quite what she asked for. */
export function OutfitCard({ outfit, countryCode, alternative = false }: { outfit: Outfit; countryCode: string; alternative?: boolean }) {
  return (
    <article className="flex flex-col rounded-2xl border border-line bg-white p-4" data-testid="outfit" data-total={outfit.total} data-currency={outfit.currency}>
      {alternative ? <p className="mb-1 text-xs font-semibold uppercase tracking-wider text-gold">Alternative</p> : null}
      <h3 className="font-sans text-base font-semibold">{outfit.title}</h3>
      {outfit.rationale ? <p className="mt-1 text-sm text-muted">{outfit.rationale}</p> : null}
      <ul className="mt-3 flex-1 space-y-3">
        {outfit.items.map((item) => (
          <LookItem key={item.variant_id} item={item} countryCode={countryCode} />
        ))}
      </ul>
      <p className="mt-3 flex items-baseline justify-between border-t border-line pt-3 text-sm">
        <span className="font-medium">Total for the look</span>
        <span className="text-base font-semibold" data-testid="outfit-total">
          {stylistMoney(outfit.total, outfit.currency)}
        </span>
      </p>
      <AddLookButton countryCode={countryCode} items={outfit.items} />
    </article>
  )
}
