import { securityHeaders } from "../../src/core/security-headers"

describe("securityHeaders", () => {
  it("gives the API the strictest content policy and the admin page none", () => {
    expect(securityHeaders("/store/products", false)["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(securityHeaders("/app/a/products", false)["Content-Security-Policy"]).toBeUndefined()
    expect(securityHeaders("/application", false)["Content-Security-Policy"]).toBeDefined()
  })

  it("adds HSTS only in production", () => {
    expect(securityHeaders("/store", true)["Strict-Transport-Security"]).toMatch(/max-age=31536000/)
    expect(securityHeaders("/store", false)["Strict-Transport-Security"]).toBeUndefined()
  })
})
