import {
  currentStepIndex,
  formatIstDateTime,
  safeTrackUrl,
  shipmentView,
  shipmentViews,
  stageStep,
  tidyLabel,
  type ShipmentView,
  type TrackingEventInput,
  type TrackingShipmentInput,
  type TrackingStage,
} from "@/lib/core/shipment-tracking"

const event = (stage: TrackingStage, at: string, activity: string | null = null, location: string | null = null, label = stage.toUpperCase().replace(/_/g, " ")): TrackingEventInput => ({ stage, label, at, location, activity })

const PICKED = event("picked_up", "2025-12-01T06:30:00.000Z", "Shipment picked up", "Surat")
const HUB = event("in_transit", "2025-12-01T18:45:00.000Z", "Reached hub", "Ahmedabad Hub")
const OFD = event("out_for_delivery", "2025-12-03T03:05:00.000Z", "Out for delivery", "Bengaluru")

function shipment(overrides: Partial<TrackingShipmentInput> = {}): TrackingShipmentInput {
  return {
    id: "shp_1",
    kind: "forward",
    state: "booked",
    awb: "1234567890123",
    courier_name: "Xpressbees Surface",
    track_url: "https://shiprocket.co/tracking/1234567890123",
    stage: "in_transit",
    status_label: "IN TRANSIT",
    status_at: "2025-12-01T18:45:00.000Z",
    etd: "2025-12-04",
    items: [{ line_item_id: "item_1", title: "Floral Wrap Dress", quantity: 1, thumbnail: null }],
    events: [PICKED, HUB],
    ...overrides,
  }
}

/** key:state pairs, the shape a shopper sees at a glance. */
const states = (view: ShipmentView) => view.steps.map((s) => `${s.key}:${s.state}`)

describe("stageStep", () => {
  it.each([
    ["pickup_pending", 0],
    ["picked_up", 1],
    ["in_transit", 2],
    ["out_for_delivery", 3],
    ["undelivered", 3],
    ["delivered", 4],
  ] as const)("a parcel at %s is at step %i", (stage, index) => {
    expect(stageStep(stage)).toBe(index)
  })

  it.each(["rto", "rto_delivered", "cancelled", "lost", "exception", "unknown"] as const)("%s is off the main steps", (stage) => {
    expect(stageStep(stage)).toBeNull()
    expect(stageStep(stage, "return")).toBeNull()
  })

  it("a return has its own steps, ending when it reaches us", () => {
    expect([stageStep("pickup_pending", "return"), stageStep("picked_up", "return"), stageStep("in_transit", "return"), stageStep("out_for_delivery", "return"), stageStep("delivered", "return")]).toEqual([0, 1, 2, 2, 3])
  })
})

describe("currentStepIndex", () => {
  it("is 'Ordered' until the shipment is booked, whatever it says", () => {
    for (const state of ["pending", "booking", "failed", "cancelled"] as const) expect(currentStepIndex(shipment({ state, stage: "in_transit" }))).toBe(0)
  })

  it("follows the stage on the main steps", () => {
    expect(currentStepIndex(shipment({ stage: "out_for_delivery" }))).toBe(3)
  })

  it("off the main steps, stays at the furthest step the scans reached", () => {
    expect(currentStepIndex(shipment({ stage: "rto", events: [PICKED, HUB, OFD, event("rto", "2025-12-04T05:00:00.000Z")] }))).toBe(3)
    expect(currentStepIndex(shipment({ stage: "exception", events: [] }))).toBe(0)
    expect(currentStepIndex(shipment({ stage: "unknown", events: [PICKED] }))).toBe(1)
  })
})

describe("formatIstDateTime", () => {
  it.each([
    ["2025-12-02T10:15:00.000Z", "Tue, 2 Dec, 3:45 pm"],
    ["2025-12-01T18:45:00Z", "Tue, 2 Dec, 12:15 am"], // past midnight in India, still the 1st in UTC
    ["2025-12-02T06:30:00Z", "Tue, 2 Dec, 12:00 pm"],
    ["2025-12-02T09:15:00+05:30", "Tue, 2 Dec, 9:15 am"],
    ["2025-12-31T20:00:00Z", "Thu, 1 Jan, 1:30 am"],
  ])("%s is %s in India", (iso, text) => {
    expect(formatIstDateTime(iso)).toBe(text)
  })

  it("whatever the server's time zone", () => {
    const tz = process.env.TZ
    try {
      process.env.TZ = "America/New_York"
      expect(formatIstDateTime("2025-12-02T10:15:00.000Z")).toBe("Tue, 2 Dec, 3:45 pm")
    } finally {
      process.env.TZ = tz
    }
  })

  it.each([null, undefined, "", "yesterday"])("%j is no time", (iso) => {
    expect(formatIstDateTime(iso)).toBeNull()
  })
})

describe("tidyLabel and safeTrackUrl", () => {
  it("makes shouted labels readable, keeps abbreviations and mixed case", () => {
    expect(tidyLabel("IN TRANSIT")).toBe("In transit")
    expect(tidyLabel("RTO_IN_TRANSIT")).toBe("RTO in transit")
    expect(tidyLabel("Shipment arrived at Hub")).toBe("Shipment arrived at Hub")
    expect(tidyLabel("  ")).toBe("")
    expect(tidyLabel(null)).toBe("")
  })

  it("opens only http(s) tracking pages", () => {
    expect(safeTrackUrl("https://shiprocket.co/tracking/123")).toBe("https://shiprocket.co/tracking/123")
    expect(safeTrackUrl("http://track.example/x?awb=1")).toBe("http://track.example/x?awb=1")
    expect(safeTrackUrl("javascript:alert(1)")).toBeNull()
    expect(safeTrackUrl("/relative")).toBeNull()
    expect(safeTrackUrl("")).toBeNull()
    expect(safeTrackUrl(null)).toBeNull()
  })
})

describe("shipmentView", () => {
  it("a parcel in transit: steps, headline, expected date, courier, AWB, tracking page and scans newest first in IST", () => {
    const view = shipmentView(shipment(), "Your parcel")
    expect(states(view)).toEqual(["ordered:done", "picked_up:done", "in_transit:current", "out_for_delivery:upcoming", "delivered:upcoming"])
    expect(view.steps.map((s) => s.label)).toEqual(["Ordered", "Picked up", "In transit", "Out for delivery", "Delivered"])
    expect(view).toMatchObject({
      title: "Your parcel",
      kind: "forward",
      booked: true,
      headline: "On its way to you",
      tone: "progress",
      expected: "Expected by Thu, 4 Dec",
      updated: "Updated Tue, 2 Dec, 12:15 am",
      courier: "Xpressbees Surface",
      awb: "1234567890123",
      trackUrl: "https://shiprocket.co/tracking/1234567890123",
    })
    expect(view.events.map(({ text, at, location }) => ({ text, at, location }))).toEqual([
      { text: "Reached hub", at: "Tue, 2 Dec, 12:15 am", location: "Ahmedabad Hub" },
      { text: "Shipment picked up", at: "Mon, 1 Dec, 12:00 pm", location: "Surat" },
    ])
    expect(new Set(view.events.map((e) => e.key)).size).toBe(2)
  })

  it("a scan without activity shows its label, tidied; one with neither is left out", () => {
    const view = shipmentView(shipment({ events: [event("in_transit", "2025-12-01T18:45:00.000Z", null, null, "REACHED DESTINATION HUB"), { stage: "unknown", label: " ", at: null, location: null, activity: null }] }), "Your parcel")
    expect(view.events).toEqual([{ key: expect.any(String), text: "Reached destination hub", at: "Tue, 2 Dec, 12:15 am", location: null }])
  })

  it.each(["pending", "booking", "failed"] as const)("a shipment %s is 'Preparing your parcel', at 'Ordered', with nothing to track yet", (state) => {
    const view = shipmentView(shipment({ state, awb: null, courier_name: null, track_url: null, stage: "unknown", status_label: "Failed: courier refused", events: [] }), "Your parcel")
    expect(view).toMatchObject({ headline: "Preparing your parcel", booked: false, tone: "progress", expected: null, updated: null, courier: null, awb: null, trackUrl: null, events: [] })
    expect(states(view)).toEqual(["ordered:current", "picked_up:upcoming", "in_transit:upcoming", "out_for_delivery:upcoming", "delivered:upcoming"])
    expect(JSON.stringify(view)).not.toMatch(/fail/i)
  })

  it("hides what a shipment not booked might carry over from an earlier attempt", () => {
    const view = shipmentView(shipment({ state: "failed" }), "Your parcel")
    expect(view).toMatchObject({ awb: null, courier: null, trackUrl: null, events: [], expected: null })
  })

  it("out for delivery", () => {
    const view = shipmentView(shipment({ stage: "out_for_delivery", events: [PICKED, HUB, OFD] }), "Your parcel")
    expect(states(view)).toEqual(["ordered:done", "picked_up:done", "in_transit:done", "out_for_delivery:current", "delivered:upcoming"])
    expect(view.headline).toBe("Out for delivery")
  })

  it("delivered: every step reached, the last one highlighted, no expected date", () => {
    const view = shipmentView(shipment({ stage: "delivered", status_label: "DELIVERED", events: [PICKED, HUB, OFD, event("delivered", "2025-12-03T09:00:00.000Z")] }), "Your parcel")
    expect(states(view)).toEqual(["ordered:done", "picked_up:done", "in_transit:done", "out_for_delivery:done", "delivered:current"])
    expect(view).toMatchObject({ headline: "Delivered", tone: "ok", expected: null })
  })

  it("a failed delivery attempt stays at 'Out for delivery' and says the courier will try again", () => {
    const view = shipmentView(shipment({ stage: "undelivered", events: [PICKED, HUB, OFD, event("undelivered", "2025-12-03T12:00:00.000Z", "Customer not available")] }), "Your parcel")
    expect(states(view)).toEqual(["ordered:done", "picked_up:done", "in_transit:done", "out_for_delivery:current", "delivered:upcoming"])
    expect(view).toMatchObject({ headline: "Delivery attempted: the courier will try again", tone: "attention", expected: null })
  })

  it.each([
    ["rto", "Could not be delivered: it is coming back to us"],
    ["rto_delivered", "Could not be delivered: it is back with us"],
    ["lost", "Delayed: we are looking into it with the courier"],
    ["exception", "Delayed: we are looking into it with the courier"],
    ["cancelled", "This shipment was cancelled"],
  ] as const)("%s: plain words, the steps as far as the scans got, no promised date", (stage, headline) => {
    const view = shipmentView(shipment({ stage, status_label: stage.toUpperCase(), events: [PICKED, HUB] }), "Your parcel")
    expect(view).toMatchObject({ headline, tone: "attention", expected: null })
    expect(view.steps.find((s) => s.state === "current")?.key).toBe("in_transit")
  })

  it("an unknown stage shows the courier's label, tidied", () => {
    expect(shipmentView(shipment({ stage: "unknown", status_label: "HELD AT CUSTOMS" }), "Your parcel").headline).toBe("Held at customs")
    expect(shipmentView(shipment({ stage: "unknown", status_label: "" }), "Your parcel").headline).toBe("On its way to you")
  })

  it("a return is labelled as one, with its own steps and words", () => {
    const view = shipmentView(shipment({ kind: "return", stage: "picked_up", etd: "2025-12-06", events: [PICKED] }), "Return")
    expect(states(view)).toEqual(["requested:done", "picked_up:current", "in_transit:upcoming", "received:upcoming"])
    expect(view.steps.map((s) => s.label)).toEqual(["Return requested", "Picked up", "On its way back", "Received"])
    expect(view).toMatchObject({ kind: "return", headline: "Collected from you", expected: null })
    expect(shipmentView(shipment({ kind: "return", stage: "delivered" }), "Return")).toMatchObject({ headline: "Received by us", tone: "ok" })
    expect(shipmentView(shipment({ kind: "return", state: "pending", stage: "unknown" }), "Return")).toMatchObject({ headline: "Arranging the pickup of your return", booked: false })
  })

  it("refuses a tracking link that is not a web page", () => {
    expect(shipmentView(shipment({ track_url: "javascript:alert(document.cookie)" }), "Your parcel").trackUrl).toBeNull()
  })

  it("blank courier details are left out", () => {
    expect(shipmentView(shipment({ courier_name: "  ", awb: "", track_url: null, status_at: null, etd: null }), "Your parcel")).toMatchObject({ courier: null, awb: null, trackUrl: null, updated: null, expected: null })
  })
})

describe("shipmentViews", () => {
  it("parcels first, then returns, each titled; a cancelled booking is not shown", () => {
    const views = shipmentViews([
      shipment({ id: "ret_1", kind: "return", stage: "pickup_pending" }),
      shipment({ id: "shp_1" }),
      shipment({ id: "shp_old", state: "cancelled" }),
      shipment({ id: "shp_2", state: "pending", awb: null }),
    ])
    expect(views.map((v) => [v.id, v.title])).toEqual([
      ["shp_1", "Parcel 1 of 2"],
      ["shp_2", "Parcel 2 of 2"],
      ["ret_1", "Return"],
    ])
  })

  it("one parcel is 'Your parcel'; several returns are numbered", () => {
    const views = shipmentViews([shipment(), shipment({ id: "r1", kind: "return" }), shipment({ id: "r2", kind: "return" })])
    expect(views.map((v) => v.title)).toEqual(["Your parcel", "Return 1 of 2", "Return 2 of 2"])
  })

  it("nothing to show for an order without shipments", () => {
    expect(shipmentViews([])).toEqual([])
    expect(shipmentViews([shipment({ state: "cancelled" })])).toEqual([])
  })
})
