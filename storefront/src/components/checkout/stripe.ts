import type { PaymentSession } from "@/lib/medusa/types"
import { loadScript } from "./load-script"

type StripeResult = { ok: true } | { ok: false; error: string }
type StripeElements = { create: (type: string) => { mount: (el: HTMLElement) => void } }
type StripeInstance = {
  elements: (options: { clientSecret: string; appearance?: unknown }) => StripeElements
  confirmPayment: (options: { elements: StripeElements; redirect: "if_required"; confirmParams?: Record<string, unknown> }) => Promise<{ error?: { message?: string } }>
}
declare global {
  interface Window {
    Stripe?: (key: string) => StripeInstance
  }
}

let mounted: { secret: string; stripe: StripeInstance; elements: StripeElements } | null = null

/**
 * Stripe's Payment Element for the session's PaymentIntent (session.data.client_secret),
 * shown as soon as the review step opens. Medusa's Stripe provider checks the intent's
 * status when the cart is completed.
 */
export async function mountStripe({ key, session, containerId }: { key: string | null; session: PaymentSession; containerId: string }): Promise<StripeResult> {
  const secret = String(session.data?.client_secret ?? "")
  if (!key || !secret) return { ok: false, error: "Card payment is not available right now. Please try again later." }
  if (mounted?.secret === secret) return { ok: true }
  try {
    await loadScript("https://js.stripe.com/v3/")
  } catch {
    return { ok: false, error: "Could not reach Stripe. Check your connection and try again." }
  }
  const container = document.getElementById(containerId)
  if (!window.Stripe || !container) return { ok: false, error: "Could not show the card form. Please reload the page." }
  const stripe = window.Stripe(key)
  const elements = stripe.elements({ clientSecret: secret, appearance: { variables: { colorPrimary: "#5b1f3a" } } })
  elements.create("payment").mount(container)
  mounted = { secret, stripe, elements }
  return { ok: true }
}

export async function payWithStripe(args: { key: string | null; session: PaymentSession; containerId: string }): Promise<StripeResult> {
  const ready = await mountStripe(args)
  if (!ready.ok || !mounted) return ready
  const { error } = await mounted.stripe.confirmPayment({ elements: mounted.elements, redirect: "if_required" })
  if (error) return { ok: false, error: error.message ?? "Your card was declined. Please try another card." }
  return { ok: true }
}
