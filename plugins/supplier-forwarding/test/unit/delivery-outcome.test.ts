import http from "http"
import type { AddressInfo } from "net"
import { outcomeOfHttpAnswer, outcomeOfNetworkError } from "../../src/core/delivery-outcome"

// As the clients call it: fetch rejects with an Error whose cause (unknown in the types) carries the code.
type FetchError = Error & { cause?: { code?: string; message?: string } }

describe("outcomeOfHttpAnswer", () => {
  it.each([200, 201, 202, 204])("HTTP %i is delivered", (status) => {
    expect(outcomeOfHttpAnswer(status, "")).toEqual({ delivered: true, detail: `HTTP ${status}` })
  })

  it.each([408, 425, 429, 500, 502, 503, 504])("HTTP %i is retried", (status) => {
    expect(outcomeOfHttpAnswer(status, "busy")).toEqual({ delivered: false, permanent: false, error: `HTTP ${status}: busy` })
  })

  it.each([400, 401, 403, 404, 410, 422])("HTTP %i is refused for good", (status) => {
    expect(outcomeOfHttpAnswer(status, "")).toEqual({ delivered: false, permanent: true, error: `HTTP ${status}` })
  })

  it("keeps a short one-line excerpt of the supplier's answer", () => {
    const outcome = outcomeOfHttpAnswer(422, `  {"error":\n  "unknown sku"}\n${"x".repeat(1000)}`)
    expect(outcome.delivered).toBe(false)
    const error = !outcome.delivered ? outcome.error : ""
    expect(error.startsWith('HTTP 422: {"error": "unknown sku"} xxx')).toBe(true)
    expect(error).not.toContain("\n")
    expect(error).toHaveLength("HTTP 422: ".length + 300)
  })
})

describe("outcomeOfNetworkError", () => {
  it("retries a refused connection and names it (real fetch to a closed port)", async () => {
    const server = http.createServer()
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
    const { port } = server.address() as AddressInfo
    await new Promise((r) => server.close(r))
    const error = await fetch(`http://127.0.0.1:${port}/`).then(() => null, (e: FetchError) => e)
    expect(outcomeOfNetworkError(error!)).toEqual({ delivered: false, permanent: false, error: "not delivered: ECONNREFUSED" })
  })

  it("says a timeout or abort is no answer before the timeout", () => {
    for (const name of ["TimeoutError", "AbortError"]) {
      expect(outcomeOfNetworkError({ name, message: "The operation was aborted" })).toEqual({ delivered: false, permanent: false, error: "not delivered: no answer before the timeout" })
    }
  })

  it("falls back to the cause's message, the error's message, then a generic reason", () => {
    expect(outcomeOfNetworkError({ message: "fetch failed", cause: { message: "getaddrinfo failed" } })).toMatchObject({ permanent: false, error: "not delivered: getaddrinfo failed" })
    expect(outcomeOfNetworkError(new Error("socket hang up") as FetchError)).toMatchObject({ permanent: false, error: "not delivered: socket hang up" })
    expect(outcomeOfNetworkError({})).toMatchObject({ permanent: false, error: "not delivered: network error" })
  })
})
