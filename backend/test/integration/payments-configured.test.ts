/**
 * With Razorpay and Stripe keys set, the server loads both payment plugins and the
 * seed enables them in their regions (India: COD + Razorpay; US: manual + Stripe).
 * A second server on its own database; the keys are never used against the providers.
 */
import { RunningStack, startStack } from "../harness/stack"

let stack: RunningStack

beforeAll(async () => {
  stack = await startStack({
    RAZORPAY_KEY_ID: "rzp_test_1DP5mmOlF5G5ag",
    RAZORPAY_KEY_SECRET: "thisisnotarealsecret",
    RAZORPAY_WEBHOOK_SECRET: "whsec_test_razorpay",
    STRIPE_API_KEY: "sk_test_notarealkey",
    STRIPE_WEBHOOK_SECRET: "whsec_test_stripe",
  })
}, 300000)

afterAll(async () => {
  await stack?.stop()
})

it("offers Razorpay and COD in India and Stripe in the US", async () => {
  const res = await fetch(`${stack.info.baseUrl}/store/regions`)
  const { regions } = await res.json()
  const providers = (name: string) => regions.find((r: any) => r.name === name).payment_providers.map((p: any) => p.id).sort()
  expect(providers("India")).toEqual(["cod", "razorpay"])
  expect(providers("United States")).toEqual(["manual", "stripe"])
})

it("serves the Stripe webhook route and refuses an unsigned call", async () => {
  const res = await fetch(`${stack.info.baseUrl}/stripe/hooks`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
  expect(res.status).toBe(400)
})
