import type { Cart } from "@/lib/medusa/types"
import { formatMoney } from "@/lib/core/money"

/** Totals as Medusa computed them; India's prices already include GST, so it is shown as included. */
export function CartTotals({ cart, shippingKnown }: { cart: Cart; shippingKnown: boolean }) {
  const currency = cart.region.currency_code
  const money = (n: number) => formatMoney(n, currency)
  const inclusive = cart.region.includes_tax
  return (
    <dl className="space-y-2 text-sm" data-testid="cart-totals">
      <div className="flex justify-between">
        <dt>Subtotal</dt>
        <dd className="tabular-nums">{money(inclusive ? cart.subtotal + (cart.item_tax_total ?? 0) : cart.subtotal)}</dd>
      </div>
      {cart.discount_total > 0 ? (
        <div className="flex justify-between text-ok">
          <dt>Discount</dt>
          <dd className="tabular-nums">−{money(cart.discount_total)}</dd>
        </div>
      ) : null}
      <div className="flex justify-between">
        <dt>Delivery</dt>
        <dd className="tabular-nums">{shippingKnown ? (cart.shipping_total === 0 ? "Free" : money(inclusive ? cart.shipping_total + (cart.shipping_tax_total ?? 0) : cart.shipping_total)) : "At checkout"}</dd>
      </div>
      {inclusive ? null : (
        <div className="flex justify-between">
          <dt>Tax</dt>
          <dd className="tabular-nums">{money(cart.tax_total)}</dd>
        </div>
      )}
      <div className="flex justify-between border-t border-line pt-3 text-base font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums" data-testid="cart-total">{money(cart.total)}</dd>
      </div>
      {inclusive && cart.tax_total > 0 ? <p className="text-xs text-muted">Includes {money(cart.tax_total)} GST</p> : null}
    </dl>
  )
}
