import { ANONYMOUS_AUTHOR, displayName } from "../../src/core"

describe("displayName", () => {
  it.each([
    ["Priya", "Sharma", "Priya S."],
    ["priya", "sharma", "Priya S."],
    ["  Mary   Ann ", " de Souza", "Mary Ann D."],
    ["Ananya", null, "Ananya"],
    ["Ananya", "", "Ananya"],
    ["Zoë", "Ørsted", "Zoë Ø."],
    ["Meera", "123", "Meera"],
    ["आशा", "वर्मा", "आशा व."],
  ])("names %p %p as %p", (first, last, name) => {
    expect(displayName(first, last)).toBe(name)
  })

  it.each([
    [null, "Sharma"],
    ["", "Sharma"],
    ["   ", null],
    [undefined, undefined],
  ])("calls a customer without a first name %s", (first, last) => {
    expect(displayName(first, last)).toBe(ANONYMOUS_AUTHOR)
  })

  it("never shows an email, even one typed as a name", () => {
    expect(displayName("priya@example.com", "Sharma")).toBe(ANONYMOUS_AUTHOR)
    expect(displayName("Priya", "sharma@example.com")).toBe("Priya")
  })
})
