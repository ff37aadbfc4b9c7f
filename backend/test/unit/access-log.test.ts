/** The access line (src/core/access-log.ts): fields, levels and the two formats. */
import { AccessEntry, MAX_ERROR_LENGTH, accessLevel, formatAccessLine, levelEnabled } from "../../src/core/access-log"

const entry: AccessEntry = {
  requestId: "req-1",
  method: "GET",
  route: "/store/products/:id",
  status: 200,
  durationMs: 12.345,
  time: new Date("2025-03-01T10:00:00.000Z"),
}

describe("formatAccessLine (json)", () => {
  it("writes the agreed fields, in order, on one line", () => {
    const line = formatAccessLine(entry, "json")
    expect(line).not.toContain("\n")
    expect(JSON.parse(line)).toEqual({
      level: "info",
      msg: "request",
      request_id: "req-1",
      method: "GET",
      route: "/store/products/:id",
      status: 200,
      duration_ms: 12.3,
      time: "2025-03-01T10:00:00.000Z",
    })
    expect(Object.keys(JSON.parse(line))).toEqual(["level", "msg", "request_id", "method", "route", "status", "duration_ms", "time"])
  })

  it("logs a 5xx as an error with the error's message, and a 4xx as info without one", () => {
    const failed = JSON.parse(formatAccessLine({ ...entry, status: 503, error: "database\n  went away" }, "json"))
    expect(failed).toMatchObject({ level: "error", status: 503, error: "database went away" })
    const refused = JSON.parse(formatAccessLine({ ...entry, status: 404, error: "not found" }, "json"))
    expect(refused.level).toBe("info")
    expect(refused).not.toHaveProperty("error")
  })

  it("cuts a runaway error message", () => {
    const line = JSON.parse(formatAccessLine({ ...entry, status: 500, error: "x".repeat(5000) }, "json"))
    expect(line.error.length).toBe(MAX_ERROR_LENGTH + 1)
  })

  it("marks a request whose client hung up", () => {
    expect(JSON.parse(formatAccessLine({ ...entry, aborted: true }, "json")).aborted).toBe(true)
  })
})

describe("formatAccessLine (text)", () => {
  it("is one readable line with the same facts", () => {
    expect(formatAccessLine(entry, "text")).toBe("2025-03-01T10:00:00.000Z info GET /store/products/:id 200 12.3ms request_id=req-1")
    const failed = formatAccessLine({ ...entry, status: 500, error: 'bad "thing"\nhappened', aborted: true }, "text")
    expect(failed).toBe(`2025-03-01T10:00:00.000Z error GET /store/products/:id 500 12.3ms request_id=req-1 aborted error="bad 'thing' happened"`)
  })
})

describe("levels", () => {
  it("treats 5xx as error and everything else as info", () => {
    expect(accessLevel(500)).toBe("error")
    expect(accessLevel(599)).toBe("error")
    expect(accessLevel(429)).toBe("info")
    expect(accessLevel(200)).toBe("info")
  })

  it("follows winston's npm levels", () => {
    expect(levelEnabled("info", "silly")).toBe(true)
    expect(levelEnabled("info", "info")).toBe(true)
    expect(levelEnabled("info", "warn")).toBe(false)
    expect(levelEnabled("error", "error")).toBe(true)
  })
})
