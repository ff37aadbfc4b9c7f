import { getCustomer, getMeasurements } from "@/lib/data/customer"
import { getSizeAdvice } from "@/lib/data/size-advice"
import { SizeAdvice } from "./size-advice"

/**
 * The server half of size advice: the store's first answer for this shopper (her saved
 * measurements and reviews count when she is logged in) and her saved measurements to
 * fill the form. Renders nothing when the store has no size advice (plugin off: 404).
 */
export async function SizeAdviceSection({ productId, productHandle, countryCode }: { productId: string; productHandle: string; countryCode: string }) {
  // Her saved measurements are asked for alongside: without a login that asks nothing (no token).
  const [customer, answer, measurements] = await Promise.all([getCustomer().catch(() => null), getSizeAdvice(productId), getMeasurements().catch(() => null)])
  const saved = customer ? measurements : null
  if (!answer.ok && answer.status === 404) return null
  const loginHref = `/${countryCode}/account/login?next=${encodeURIComponent(`/${countryCode}/products/${productHandle}`)}`
  return (
    <SizeAdvice
      productId={productId}
      defaultUnit={countryCode === "us" ? "in" : "cm"}
      loggedIn={Boolean(customer)}
      saved={saved ? { bust_cm: saved.bust_cm, waist_cm: saved.waist_cm, hips_cm: saved.hips_cm, height_cm: saved.height_cm, preferred_fit: saved.preferred_fit } : null}
      initialAdvice={answer.ok ? answer.advice : null}
      initialError={answer.ok ? null : "Size advice is unavailable right now. You can still try with your measurements below."}
      loginHref={loginHref}
    />
  )
}

/** While the advice loads: the box's shape, and a word for screen readers. */
export function SizeAdviceSkeleton() {
  return (
    <div className="rounded-xl border border-line bg-white p-4" data-testid="size-advice-skeleton">
      <span role="status" className="sr-only">
        Loading size advice…
      </span>
      <div aria-hidden="true" className="animate-pulse space-y-2">
        <div className="h-4 w-32 rounded bg-sand" />
        <div className="h-3 w-56 rounded bg-sand" />
        <div className="h-3 w-44 rounded bg-sand" />
      </div>
    </div>
  )
}
