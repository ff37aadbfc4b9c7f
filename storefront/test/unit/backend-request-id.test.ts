/**
 * backendRequestId (src/lib/medusa/request-id.ts) with Next's headers() played by a stand-in:
 * one id per request (per headers object, as Next hands out one per request), the proxy's id
 * when it set a good one, and a fresh id per call outside any request.
 */
let current: Headers | (() => never)

jest.mock("server-only", () => ({}), { virtual: true })
jest.mock("next/headers", () => ({
  headers: async () => {
    if (typeof current === "function") current()
    return current
  },
}))

import { backendRequestId } from "@/lib/medusa/request-id"

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

it("passes on the id the proxy gave the request", async () => {
  current = new Headers({ "x-request-id": "nginx-4f6c0b3c" })
  expect(await backendRequestId()).toBe("nginx-4f6c0b3c")
})

it("makes one id per request when the proxy set none (or a malformed one), shared by all its calls", async () => {
  const render = new Headers()
  current = render
  const first = await backendRequestId()
  expect(first).toMatch(UUID)
  expect(await Promise.all([backendRequestId(), backendRequestId()])).toEqual([first, first])

  current = new Headers({ "x-request-id": "not one id" })
  const other = await backendRequestId()
  expect(other).toMatch(UUID)
  expect(other).not.toBe(first)

  current = render
  expect(await backendRequestId()).toBe(first)
})

it("gives each call its own id outside a request (headers() throws)", async () => {
  current = () => {
    throw new Error("`headers` was called outside a request scope")
  }
  const a = await backendRequestId()
  const b = await backendRequestId()
  expect(a).toMatch(UUID)
  expect(b).toMatch(UUID)
  expect(a).not.toBe(b)
})
