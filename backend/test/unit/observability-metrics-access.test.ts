import { metricsAccess } from "../../src/observability/metrics-access"

const TOKEN = "s3cr3t-metrics-token"

describe("metricsAccess with METRICS_TOKEN set", () => {
  it("admits the bearer of the token, from anywhere", () => {
    expect(metricsAccess({ token: TOKEN, authorization: `Bearer ${TOKEN}`, peer: "203.0.113.9" })).toEqual({ allowed: true })
    expect(metricsAccess({ token: TOKEN, authorization: `bearer ${TOKEN}`, peer: "127.0.0.1" })).toEqual({ allowed: true })
  })

  it.each([
    ["no header", undefined],
    ["a wrong token", "Bearer nope"],
    ["a longer token", `Bearer ${TOKEN}x`],
    ["a prefix of the token", `Bearer ${TOKEN.slice(0, 5)}`],
    ["another scheme", `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`],
    ["the bare token", TOKEN],
  ])("answers 401 to %s, even from loopback", (_, authorization) => {
    expect(metricsAccess({ token: TOKEN, authorization, peer: "127.0.0.1" })).toMatchObject({ allowed: false, status: 401 })
  })

  it("does not print the token in its message", () => {
    const result = metricsAccess({ token: TOKEN, authorization: "Bearer nope", peer: "127.0.0.1" })
    expect(JSON.stringify(result)).not.toContain(TOKEN)
  })
})

describe("metricsAccess without METRICS_TOKEN", () => {
  it.each(["127.0.0.1", "::1", "::ffff:127.0.0.1", "10.1.2.3", "172.18.0.5", "192.168.1.20", "fd12:3456::1"])("admits %s", (peer) => {
    expect(metricsAccess({ peer })).toEqual({ allowed: true })
    expect(metricsAccess({ token: "  ", peer })).toEqual({ allowed: true })
  })

  it.each(["203.0.113.9", "8.8.8.8", "2001:db8::1", "172.32.0.1", "", undefined])("refuses %s with 403", (peer) => {
    expect(metricsAccess({ peer })).toMatchObject({ allowed: false, status: 403 })
  })

  it("refuses a public client that came through our proxy", () => {
    expect(metricsAccess({ peer: "172.18.0.2", forwardedFor: "203.0.113.9" })).toMatchObject({ allowed: false, status: 403 })
    expect(metricsAccess({ peer: "127.0.0.1", forwardedFor: ["10.0.0.1", "203.0.113.9, 10.0.0.2"] })).toMatchObject({ allowed: false, status: 403 })
  })

  it("admits a scraper inside our network that came through our proxy", () => {
    expect(metricsAccess({ peer: "172.18.0.2", forwardedFor: "10.0.0.7" })).toEqual({ allowed: true })
  })

  it("ignores a forged x-forwarded-for from the internet", () => {
    expect(metricsAccess({ peer: "203.0.113.9", forwardedFor: "127.0.0.1" })).toMatchObject({ allowed: false, status: 403 })
  })
})
