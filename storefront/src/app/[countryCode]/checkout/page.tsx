import Link from "next/link"
import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { listShippingOptions, retrieveCart } from "@/lib/data/cart"
import { getCustomer } from "@/lib/data/customer"
import { getDeliveryEstimate } from "@/lib/data/delivery-estimate"
import { ensurePaymentSessions } from "@/lib/actions/checkout"
import { completedSteps, currentStep, STEPS, type Step } from "@/lib/core/checkout-steps"
import { formatMoney } from "@/lib/core/money"
import { codAvailability, DELIVERY_ESTIMATE_COUNTRY } from "@/lib/core/delivery-estimate"
import { AddressForm } from "@/components/checkout/address-form"
import { DeliveryForm } from "@/components/checkout/delivery-form"
import { PaymentForm } from "@/components/checkout/payment-form"
import { PlaceOrder } from "@/components/checkout/place-order"
import { OrderSummary } from "@/components/checkout/order-summary"
import { describePaymentProvider } from "@/components/checkout/payment-methods"
import { CheckIcon } from "@/components/common/icons"
import type { Cart } from "@/lib/medusa/types"

export const metadata: Metadata = { title: "Checkout", robots: { index: false } }

const TITLES: Record<Step, string> = { address: "Delivery address", delivery: "Delivery option", payment: "Payment", review: "Review and place order" }

export default async function CheckoutPage({ params, searchParams }: PageProps<"/[countryCode]/checkout">) {
  const { countryCode } = await params
  const { step: requested } = await searchParams
  const region = await getRegion(countryCode)
  if (!region) notFound()
  let cart = await retrieveCart()
  if (!cart || !cart.items.length || cart.region_id !== region.id) redirect(`/${countryCode}/cart`)

  const customer = await getCustomer()
  const state = {
    hasEmail: Boolean(cart.email),
    hasAddress: Boolean(cart.shipping_address?.address_1 && cart.shipping_address?.postal_code),
    hasShipping: cart.shipping_methods.length > 0,
    hasPayment: Boolean(cart.payment_session),
  }
  const step = currentStep(typeof requested === "string" ? requested : undefined, state)
  const done = completedSteps(state)

  if (step === "payment" && !cart.payment_sessions.length) {
    await ensurePaymentSessions(cart)
    cart = (await retrieveCart()) as Cart
  }
  const address = cart.shipping_address
  // India: delivery dates and cash on delivery for the pincode. The delivery step streams
  // them in next to options that can be chosen at once; the payment step waits briefly.
  const pincode = address?.country_code === DELIVERY_ESTIMATE_COUNTRY && address.postal_code ? address.postal_code : null
  const estimate = pincode && (step === "delivery" || step === "payment") ? getDeliveryEstimate(pincode, { cartId: cart.id }, step === "payment" ? 5000 : 8000) : null
  const shippingOptions = step === "delivery" ? await listShippingOptions(cart.id) : []
  const cod = step === "payment" && estimate ? codAvailability(await estimate) : null
  const country = region.countries.find((c) => c.iso_2 === countryCode)

  const summaries: Record<Step, React.ReactNode> = {
    address: address ? (
      <p className="text-sm text-muted">
        {[`${address.first_name ?? ""} ${address.last_name ?? ""}`.trim(), address.address_1, address.address_2, address.city, address.province, address.postal_code].filter(Boolean).join(", ")}
        <br />
        {cart.email} · {address.phone}
      </p>
    ) : null,
    delivery: cart.shipping_methods[0] ? (
      <p className="text-sm text-muted">
        {cart.shipping_methods[0].shipping_option?.name} · {cart.shipping_methods[0].price === 0 ? "Free" : formatMoney(cart.shipping_methods[0].price, region.currency_code)}
      </p>
    ) : null,
    payment: cart.payment_session ? <p className="text-sm text-muted">{describePaymentProvider(cart.payment_session.provider_id, region.currency_code).title}</p> : null,
    review: null,
  }

  return (
    <div className="container-page py-8">
      <h1 className="text-3xl">Checkout</h1>
      <ol className="mt-4 flex flex-wrap gap-2 text-xs font-medium uppercase tracking-wider text-muted" aria-label="Checkout steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? "step" : undefined} className={s === step ? "text-plum" : done[s] ? "text-ok" : ""}>
            {i + 1}. {TITLES[s]}
            {i < STEPS.length - 1 ? <span aria-hidden="true"> →</span> : null}
          </li>
        ))}
      </ol>
      <div className="mt-6 grid gap-10 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-4">
          {STEPS.map((s, i) => {
            const open = s === step
            const reachable = i <= STEPS.indexOf(step) || done[STEPS[i - 1] ?? "address"]
            return (
              <section key={s} aria-labelledby={`step-${s}`} className={`rounded-2xl border bg-white p-5 sm:p-6 ${open ? "border-ink" : "border-line"}`} data-testid={`step-${s}`}>
                <div className="flex items-center justify-between gap-4">
                  <h2 id={`step-${s}`} className="flex items-center gap-2 font-sans text-lg font-semibold">
                    {done[s] && !open ? <CheckIcon className="h-5 w-5 text-ok" /> : <span className="text-muted">{i + 1}.</span>}
                    {TITLES[s]}
                  </h2>
                  {!open && done[s] && reachable ? (
                    <Link href={`/${countryCode}/checkout?step=${s}`} className="text-sm font-semibold text-plum underline" aria-label={`Change ${TITLES[s].toLowerCase()}`}>
                      Change
                    </Link>
                  ) : null}
                </div>
                {!open && done[s] ? <div className="mt-2">{summaries[s]}</div> : null}
                {open ? <div className="mt-4">{renderStep(s)}</div> : null}
              </section>
            )
          })}
        </div>
        <OrderSummary cart={cart} />
      </div>
    </div>
  )

  function renderStep(s: Step) {
    const current = cart as Cart
    switch (s) {
      case "address":
        return (
          <AddressForm
            countryCode={countryCode}
            countryName={country?.display_name ?? countryCode.toUpperCase()}
            current={current.shipping_address}
            email={current.email ?? customer?.email ?? null}
            loggedIn={Boolean(customer)}
            savedAddresses={customer?.shipping_addresses ?? []}
          />
        )
      case "delivery":
        return (
          <DeliveryForm
            countryCode={countryCode}
            options={shippingOptions}
            selected={current.shipping_methods[0]?.shipping_option_id ?? null}
            currencyCode={region!.currency_code}
            estimate={estimate}
          />
        )
      case "payment":
        return <PaymentForm countryCode={countryCode} sessions={current.payment_sessions} selected={current.payment_session?.provider_id ?? null} currencyCode={region!.currency_code} cod={cod} />
      case "review":
        return current.payment_session ? (
          <div className="space-y-4">
            <div className="space-y-2">{summaries.address}{summaries.delivery}{summaries.payment}</div>
            <PlaceOrder
              countryCode={countryCode}
              session={current.payment_session}
              total={current.total}
              currencyCode={region!.currency_code}
              keys={{ razorpay: process.env.RAZORPAY_KEY_ID ?? null, stripe: process.env.STRIPE_PUBLISHABLE_KEY ?? null }}
              prefill={{ name: `${address?.first_name ?? ""} ${address?.last_name ?? ""}`.trim(), email: current.email ?? "", contact: address?.phone ?? "" }}
            />
          </div>
        ) : null
    }
  }
}
