import type { PaymentSession } from "@/lib/medusa/types"
import { loadScript } from "./load-script"

type RazorpayResult = { ok: true } | { ok: false; error: string }
type RazorpayInstance = { open: () => void; on: (event: string, cb: (r: { error?: { description?: string } }) => void) => void }
declare global {
  interface Window {
    Razorpay?: new (options: Record<string, unknown>) => RazorpayInstance
  }
}

/**
 * Razorpay Checkout for the session's Razorpay order (session.data.id). Medusa's
 * Razorpay provider authorises the payment by asking Razorpay for that order's status
 * when the cart is completed, so nothing from the browser is trusted as proof.
 */
export async function payWithRazorpay({ key, session, prefill }: { key: string | null; session: PaymentSession; prefill: { name: string; email: string; contact: string } }): Promise<RazorpayResult> {
  const orderId = String(session.data?.id ?? "")
  if (!key || !orderId) return { ok: false, error: "Online payment is not available right now. Choose cash on delivery or try again later." }
  try {
    await loadScript("https://checkout.razorpay.com/v1/checkout.js")
  } catch {
    return { ok: false, error: "Could not reach Razorpay. Check your connection and try again." }
  }
  if (!window.Razorpay) return { ok: false, error: "Could not start Razorpay. Please try again." }
  const Razorpay = window.Razorpay
  return new Promise<RazorpayResult>((resolve) => {
    const checkout = new Razorpay({
      key,
      order_id: orderId,
      amount: session.data?.amount,
      currency: String(session.data?.currency ?? "INR"),
      name: "Zari",
      description: "Your order",
      prefill,
      theme: { color: "#5b1f3a" },
      handler: () => resolve({ ok: true }),
      modal: { ondismiss: () => resolve({ ok: false, error: "Payment was cancelled. Your bag is saved; you can try again." }) },
    })
    checkout.on("payment.failed", (response) => resolve({ ok: false, error: response.error?.description ?? "The payment failed. You have not been charged; please try again." }))
    checkout.open()
  })
}
