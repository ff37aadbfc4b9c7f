/** The request id rules (src/core/request-id.ts): a caller's plain id is kept, anything else replaced. */
import { chooseRequestId, isWellFormedRequestId } from "../../src/core/request-id"

const fresh = () => "generated-id"

describe("isWellFormedRequestId", () => {
  it.each(["a", "0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4", "sf.render:01HV8G2Z_x-9", "A".repeat(128)])("keeps %s", (id) => {
    expect(isWellFormedRequestId(id)).toBe(true)
  })

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(129)],
    ["a space", "abc def"],
    ["a newline (log injection)", "abc\n{\"level\":\"info\"}"],
    ["a quote", 'abc"def'],
    ["two ids joined by Node", "abc, def"],
    ["a slash", "a/b"],
    ["non-ASCII", "idé"],
  ])("refuses one with %s", (_why, id) => {
    expect(isWellFormedRequestId(id)).toBe(false)
  })

  it("refuses what is not a string", () => {
    expect(isWellFormedRequestId(undefined)).toBe(false)
    expect(isWellFormedRequestId(["abc"])).toBe(false)
    expect(isWellFormedRequestId(42)).toBe(false)
  })
})

describe("chooseRequestId", () => {
  it("keeps a well-formed id", () => {
    expect(chooseRequestId("req-123", fresh)).toBe("req-123")
  })

  it("makes a new one when none was sent or the one sent is malformed", () => {
    expect(chooseRequestId(undefined, fresh)).toBe("generated-id")
    expect(chooseRequestId(null, fresh)).toBe("generated-id")
    expect(chooseRequestId("bad id", fresh)).toBe("generated-id")
    expect(chooseRequestId(["a", "b"], fresh)).toBe("generated-id")
  })
})
