/** Security headers on the API's answers (src/core/security-headers.ts), errors included. */
import { api } from "../harness/api"

test.each([
  ["GET", "/store/regions", 200],
  ["GET", "/store/products/prod_nope", 404],
  ["GET", "/admin/products", 401],
])("%s %s (%i) carries the security headers", async (method, path, status) => {
  const res = await api(method, path)
  expect(res.status).toBe(status)
  expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  expect(res.headers.get("x-frame-options")).toBe("DENY")
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin")
  // Not production here (plain http): no HSTS.
  expect(res.headers.get("strict-transport-security")).toBeNull()
})

// Medusa mounts each plugin's router in no set order: these routes may be reached before the
// project's own middlewares, and get the headers from plugin-kit's front door.
test.each([
  ["GET", "/store/stylist/sessions/nope"],
  ["GET", "/store/products/prod_nope/reviews"],
  ["GET", "/store/products/prod_nope/3d-models"],
  ["GET", "/store/products/prod_nope/size-chart"],
  ["GET", "/store/shiprocket/serviceability?pincode=1"],
  ["POST", "/hooks/courier-tracking"],
  ["POST", "/hooks/suppliers/NOPE"],
])("a plugin's route, %s %s, carries them too", async (method, path) => {
  const res = await api(method, path)
  expect(res.status).toBeLessThan(500)
  expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'")
})

// STORE_CORS holds exact origins (the storefront's, http://localhost:8000 here): the browser is told
// to share an answer with that origin only, and a look-alike gets nothing to share.
test.each([
  ["http://localhost:8000", "http://localhost:8000"],
  ["http://evil.example", null],
  ["http://localhost:8000.evil.example", null],
  ["http://localhost:8001", null],
])("the Store API shares its answers with the origin %s: %s", async (origin, allowed) => {
  const preflight = await api("OPTIONS", "/store/carts", { headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } })
  expect(preflight.status).toBeLessThan(500)
  expect(preflight.headers.get("access-control-allow-origin")).toBe(allowed)
  const read = await api("GET", "/store/regions", { headers: { origin } })
  expect(read.status).toBe(200)
  expect(read.headers.get("access-control-allow-origin")).toBe(allowed)
  if (allowed) expect(read.headers.get("access-control-allow-credentials")).toBe("true")
})
