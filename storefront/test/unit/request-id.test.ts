import { chooseRequestId, isWellFormedRequestId, withRequestId } from "@/lib/core/request-id"

const fresh = () => "made-here"

describe("isWellFormedRequestId", () => {
  it("keeps the ids nginx and the backend make, and other plain ones", () => {
    expect(isWellFormedRequestId("4f6c0b3c9d2a4e1f8b7a6c5d4e3f2a1b")).toBe(true) // nginx's $request_id
    expect(isWellFormedRequestId("0f8b1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4")).toBe(true)
    expect(isWellFormedRequestId("lb:abc.123_x-y")).toBe(true)
    expect(isWellFormedRequestId("a".repeat(128))).toBe(true)
  })

  it("refuses what could break a log line or a header", () => {
    for (const bad of ["", "a".repeat(129), "two words", "a\nb", 'a"b', "a,b", "a/b", "é"]) expect(isWellFormedRequestId(bad)).toBe(false)
    expect(isWellFormedRequestId(null)).toBe(false)
    expect(isWellFormedRequestId(undefined)).toBe(false)
  })
})

describe("chooseRequestId", () => {
  it("passes on the proxy's id", () => {
    expect(chooseRequestId("from-nginx-1", fresh)).toBe("from-nginx-1")
  })

  it("makes one when there is none or it is malformed", () => {
    expect(chooseRequestId(null, fresh)).toBe("made-here")
    expect(chooseRequestId(undefined, fresh)).toBe("made-here")
    expect(chooseRequestId("not ok", fresh)).toBe("made-here")
  })
})

describe("withRequestId", () => {
  it("names the request at the end of the message", () => {
    expect(withRequestId("wishlist merge failed", "req-1")).toBe("wishlist merge failed [request_id=req-1]")
  })
})
