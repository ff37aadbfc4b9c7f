import {
  OVERFLOW_ROUTE,
  RouteLabelBudget,
  UNMATCHED_ROUTE,
  joinRoutePattern,
  methodLabel,
  mountSegment,
  routeLabel,
  statusClass,
} from "../../src/observability/route-label"

describe("joinRoutePattern", () => {
  it.each([
    // Medusa core: router at /store, then /products, then route "/"
    ["/store/products", "/", "/store/products"],
    ["/store/products", "/:id", "/store/products/:id"],
    // file-based routes are mounted at "/" with their whole path
    ["", "/store/catalog/products", "/store/catalog/products"],
    ["", "/store/wishlist/items/:item_id", "/store/wishlist/items/:item_id"],
    ["", "/health", "/health"],
    ["", "/", "/"],
    ["/", "/", "/"],
    ["/admin//orders/", "//:id/", "/admin/orders/:id"],
  ])("%s + %s -> %s", (base, path, expected) => {
    expect(joinRoutePattern(base, path)).toBe(expected)
  })

  it("replaces ids in mount paths (routers mounted on a parameter)", () => {
    expect(joinRoutePattern("/admin/collections/pcol_01HV8G2Z4KQ1T3W5Y7A9C0E2F4", "/products/batch")).toBe("/admin/collections/:id/products/batch")
    expect(joinRoutePattern("/admin/discounts/disc_01HV8G2Z4KQ1T3W5Y7A9C0E2F4/conditions/discon_01HV8G2Z4KQ1T3W5Y7A9C0E2F5", "/batch")).toBe(
      "/admin/discounts/:id/conditions/:id/batch"
    )
    expect(joinRoutePattern("/admin/batch-jobs/123", "/")).toBe("/admin/batch-jobs/:id")
    expect(joinRoutePattern("/admin/sales-channels/3f2b8c1e-0d6a-4e7b-9c55-2a1d4e6f8b90", "/products/batch")).toBe(
      "/admin/sales-channels/:id/products/batch"
    )
  })

  it("keeps the route's own pattern as written, including regular expressions and lists", () => {
    expect(joinRoutePattern("", /^\/files\/.+$/)).toBe("/^\\/files\\/.+$")
    expect(joinRoutePattern("/a", ["/b", "/c"])).toBe("/a/b|/c")
  })
})

describe("mountSegment", () => {
  it.each([
    ["products", "products"],
    ["customer-groups", "customer-groups"],
    ["3d-models", "3d-models"],
    ["v1", "v1"],
    ["prod_01HV8G2Z4KQ1T3W5Y7A9C0E2F4", ":id"],
    ["01HV8G2Z4KQ1T3W5Y7A9C0E2F4", ":id"],
    ["42", ":id"],
    ["caf%C3%A9", ":id"],
    ["a.b", ":id"],
    ["", ""],
  ])("%s -> %s", (segment, expected) => {
    expect(mountSegment(segment)).toBe(expected)
  })
})

describe("routeLabel", () => {
  it("uses the matched route whatever the URL held", () => {
    expect(routeLabel({ matched: { baseUrl: "/store/products", path: "/:id" }, rawUrl: "/store/products/prod_123?x=1", statusCode: 200 })).toBe(
      "/store/products/:id"
    )
    expect(routeLabel({ matched: { baseUrl: "/store/products", path: "/:id" }, rawUrl: "/store/products/nope", statusCode: 404 })).toBe(
      "/store/products/:id"
    )
  })

  it("files every path no route knows under one label", () => {
    for (const rawUrl of ["/wp-login.php", "/store/nope", "/admin/../../etc/passwd", "/.env", "/?a=1", ""]) {
      expect(routeLabel({ rawUrl, statusCode: 404 })).toBe(UNMATCHED_ROUTE)
    }
    expect(routeLabel({ rawUrl: "/wp-login.php", statusCode: 200 })).toBe(UNMATCHED_ROUTE)
  })

  it("names the area of answers given by middleware (static files, preflights, errors before a route)", () => {
    expect(routeLabel({ rawUrl: "/app/assets/index-abc.js", statusCode: 200 })).toBe("/app/*")
    expect(routeLabel({ rawUrl: "/uploads/p/1.webp", statusCode: 304 })).toBe("/uploads/*")
    expect(routeLabel({ rawUrl: "/store/carts?x=1", statusCode: 204 })).toBe("/store/*")
    expect(routeLabel({ rawUrl: "/admin/products", statusCode: 500 })).toBe("/admin/*")
    expect(routeLabel({ rawUrl: "/storefront", statusCode: 500 })).toBe(UNMATCHED_ROUTE)
  })
})

describe("methodLabel and statusClass", () => {
  it("keeps the HTTP methods and folds the rest", () => {
    expect(methodLabel("get")).toBe("GET")
    expect(methodLabel("DELETE")).toBe("DELETE")
    expect(methodLabel("PROPFIND")).toBe("OTHER")
    expect(methodLabel(undefined)).toBe("OTHER")
  })

  it("classes statuses, and responses the client abandoned", () => {
    expect(statusClass(200, true)).toBe("2xx")
    expect(statusClass(304, true)).toBe("3xx")
    expect(statusClass(404, true)).toBe("4xx")
    expect(statusClass(503, true)).toBe("5xx")
    expect(statusClass(200, false)).toBe("aborted")
    expect(statusClass(0, true)).toBe("unknown")
  })
})

describe("RouteLabelBudget", () => {
  it("admits labels up to the limit, then folds new ones into one", () => {
    const budget = new RouteLabelBudget(3)
    expect(["/a", "/b", "/c"].map((l) => budget.admit(l))).toEqual(["/a", "/b", "/c"])
    expect(budget.admit("/d")).toBe(OVERFLOW_ROUTE)
    expect(budget.admit("/a")).toBe("/a")
    expect(budget.admit(UNMATCHED_ROUTE)).toBe(UNMATCHED_ROUTE)
  })
})
