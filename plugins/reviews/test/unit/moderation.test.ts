import { MODERATION_TRANSITIONS, isPublished, moderate } from "../../src/core"

describe("moderate", () => {
  it.each([
    ["pending", "approved"],
    ["pending", "rejected"],
    ["approved", "rejected"],
    ["rejected", "approved"],
  ] as const)("moves a %s review to %s", (from, to) => {
    expect(moderate(from, { status: to, note: "why" })).toEqual({ ok: true, change: { status: to, note: "why", status_changed: true } })
  })

  it.each([["approved"], ["rejected"]] as const)("keeps a %s review as it is and only changes its note", (status) => {
    expect(moderate(status, { status, note: null })).toEqual({ ok: true, change: { status, note: null, status_changed: false } })
  })

  it("never sends a review back to pending", () => {
    for (const targets of Object.values(MODERATION_TRANSITIONS)) expect(targets).not.toContain("pending")
  })

  it("refuses a status it does not know as a starting point", () => {
    expect(moderate("archived" as never, { status: "approved", note: null })).toEqual({ ok: false, reason: "A archived review cannot be approved" })
  })

  it("publishes only approved reviews", () => {
    expect([isPublished("pending"), isPublished("approved"), isPublished("rejected")]).toEqual([false, true, false])
  })
})
