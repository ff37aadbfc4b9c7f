import { z } from "zod"
import { formatProblems, problemsFromZod } from "../../src/core"

describe("problemsFromZod", () => {
  const shape = z.object({ name: z.string(), sizes: z.array(z.object({ label: z.string() }).strict()) }).strict()

  it("names each problem by its dotted path", () => {
    const parsed = shape.safeParse({ name: 5, sizes: [{ label: "S" }, { label: 7 }] })
    expect(parsed.success).toBe(false)
    expect(problemsFromZod(parsed.success ? [] : parsed.error.issues)).toEqual([
      { field: "name", message: "Expected string, received number" },
      { field: "sizes.1.label", message: "Expected string, received number" },
    ])
  })

  it("gives each unknown key a problem of its own, nested ones with their path", () => {
    const parsed = shape.safeParse({ name: "x", sizes: [{ label: "S", colour: "red", fit: 1 }], extra: true, more: null })
    expect(problemsFromZod(parsed.success ? [] : parsed.error.issues)).toEqual([
      { field: "sizes.0.colour", message: "is not a known field" },
      { field: "sizes.0.fit", message: "is not a known field" },
      { field: "extra", message: "is not a known field" },
      { field: "more", message: "is not a known field" },
    ])
  })

  it('calls a problem with the whole input "body"', () => {
    const parsed = shape.safeParse("not an object")
    expect(problemsFromZod(parsed.success ? [] : parsed.error.issues)).toEqual([{ field: "body", message: "Expected object, received string" }])
  })

  it("returns nothing for no issues", () => {
    expect(problemsFromZod([])).toEqual([])
  })
})

describe("formatProblems", () => {
  it("joins field and message pairs with semicolons", () => {
    expect(
      formatProblems([
        { field: "bust_cm", message: "must be between 40 and 200 cm" },
        { field: "bra_size", message: "must be a band and cup such as 34B" },
      ])
    ).toBe("bust_cm: must be between 40 and 200 cm; bra_size: must be a band and cup such as 34B")
    expect(formatProblems([{ field: "rows.2.bust", message: "min 90 is above max 86" }])).toBe("rows.2.bust: min 90 is above max 86")
    expect(formatProblems([])).toBe("")
  })
})
