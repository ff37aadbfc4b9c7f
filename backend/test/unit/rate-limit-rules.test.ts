import { completedCartId, rateRules } from "../../src/core/rate-limit-rules"

const limits = { store_per_minute: 100, auth_per_minute: 10, orders_per_minute: 10 }
const names = (method: string, path: string, address: string | null, orderer: string | null = null) => rateRules(method, path, address, orderer, limits).map((r) => `${r.name}:${r.key}`)

describe("rateRules", () => {
  it("counts every store request against the shopper's address", () => {
    expect(names("GET", "/store/products", "203.0.113.9")).toEqual(["store:store:203.0.113.9"])
    expect(names("GET", "/admin/products", "203.0.113.9")).toEqual([])
  })

  it("limits sign-in, sign-up and password resets tighter, per address", () => {
    for (const path of ["/store/auth", "/store/customers", "/store/customers/password-token", "/admin/auth", "/admin/auth/token", "/admin/users/password-token"]) {
      expect(names("POST", path, "198.51.100.1")[0]).toBe("auth:auth:198.51.100.1")
    }
    expect(names("GET", "/store/auth", "198.51.100.1")).toEqual(["store:store:198.51.100.1"])
    expect(names("POST", "/store/customers/me", "198.51.100.1")).toEqual(["store:store:198.51.100.1"])
  })

  it("limits orders per customer or guest email, whatever the address", () => {
    expect(names("POST", "/store/carts/cart_1/complete", null, "customer:cus_1")).toEqual(["orders:orders:customer:cus_1"])
    expect(names("POST", "/store/carts/cart_1/complete", "203.0.113.9", "email:a@b.c")).toEqual(["orders:orders:email:a@b.c", "store:store:203.0.113.9"])
    expect(completedCartId("POST", "/store/carts/cart_1/complete")).toBe("cart_1")
    expect(completedCartId("GET", "/store/carts/cart_1/complete")).toBeNull()
    expect(completedCartId("POST", "/store/carts/cart_1")).toBeNull()
  })

  it("never limits our own traffic (no address) except by orderer", () => {
    expect(names("GET", "/store/products", null)).toEqual([])
    expect(names("POST", "/store/auth", null)).toEqual([])
  })
})
