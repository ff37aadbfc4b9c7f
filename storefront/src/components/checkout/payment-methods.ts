/** How each payment provider is described to the shopper. */
export function describePaymentProvider(providerId: string, currencyCode: string): { title: string; detail: string } {
  switch (providerId) {
    case "cod":
      return { title: "Cash on delivery", detail: "Pay in cash or by UPI to the courier when your order arrives." }
    case "razorpay":
      return { title: "UPI, cards, net banking and wallets", detail: "Secure payment by Razorpay." }
    case "stripe":
      return { title: "Credit or debit card", detail: "Secure payment by Stripe." }
    case "manual":
      return currencyCode === "usd"
        ? { title: "Pay later", detail: "We confirm your order by email and collect payment before it ships. Card payments are not switched on in this store yet." }
        : { title: "Pay later", detail: "We confirm your order and collect payment before it ships." }
    default:
      return { title: providerId, detail: "" }
  }
}
