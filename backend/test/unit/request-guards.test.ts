import { unstorableInputProblem } from "@fashion/plugin-kit"

describe("unstorableInputProblem", () => {
  it("refuses broken percent-encoding and NUL in the path", () => {
    expect(unstorableInputProblem("/admin/suppliers/%ZZ", {}, undefined)).toMatch(/percent-encoding/)
    expect(unstorableInputProblem("/admin/suppliers/%ED%A0%80", {}, undefined)).toMatch(/percent-encoding/)
    expect(unstorableInputProblem("/store/wishlist/items/%00", {}, undefined)).toMatch(/cannot be stored/)
    expect(unstorableInputProblem("/store/products/prod_1?q=%ZZ", {}, undefined)).toBeNull()
  })

  it("refuses NUL and lone surrogates in the query and JSON bodies, naming where", () => {
    expect(unstorableInputProblem("/store/catalog/products", { region_id: "reg_\u0000" }, undefined)).toMatch(/^query\.region_id/)
    expect(unstorableInputProblem("/admin/suppliers", {}, { name: "ok", rows: [{ city: "a\u0000" }] })).toMatch(/^body\.rows\[0\]\.city/)
    expect(unstorableInputProblem("/store/stylist/chat", {}, { message: "hi \uD800 there" })).toMatch(/^body\.message/)
    expect(unstorableInputProblem("/store/stylist/chat", {}, { ["bad\u0000key"]: 1 })).toMatch(/field name/)
  })

  it("lets ordinary unicode through, and leaves raw bodies (signed webhooks) alone", () => {
    expect(unstorableInputProblem("/store/stylist/chat", { q: "साड़ी" }, { message: "लाल ड्रेस 👗 under ₹2,000, naïve café" })).toBeNull()
    expect(unstorableInputProblem("/hooks/suppliers/x", {}, Buffer.from("\u0000"))).toBeNull()
  })
})
