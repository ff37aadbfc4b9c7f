/** Shipment status ids -> timeline stages; tracking webhooks and the track API read into one shape. */
import {
  describeShipmentStatus,
  parseTrackingWebhook,
  parseTrackResponse,
  shouldAdvanceTimeline,
  splitWebhookOrderId,
  stageFromLabel,
  type TrackingUpdate,
} from "../../src/core"

describe("shipment status ids", () => {
  test.each([
    [1, "pickup_pending"],
    [3, "pickup_pending"],
    [19, "pickup_pending"],
    [42, "picked_up"],
    [6, "in_transit"],
    [18, "in_transit"],
    [38, "in_transit"],
    [22, "in_transit"],
    [17, "out_for_delivery"],
    [7, "delivered"],
    [21, "undelivered"],
    [9, "rto"],
    [10, "rto_delivered"],
    [8, "cancelled"],
    [12, "lost"],
    [13, "exception"],
    [20, "exception"],
  ])("%p -> %p", (id, stage) => {
    const s = describeShipmentStatus(id)
    expect(s.stage).toBe(stage)
    expect(s.id).toBe(id)
    expect(s.known).toBe(true)
  })

  test("keeps the raw id and Shiprocket's own label", () => {
    expect(describeShipmentStatus("18", "IN TRANSIT")).toEqual({ id: 18, label: "IN TRANSIT", stage: "in_transit", terminal: false, known: true })
    expect(describeShipmentStatus(7)).toMatchObject({ label: "Delivered", terminal: true })
  })

  test("an id we do not know is read from its label, or stays unknown", () => {
    expect(describeShipmentStatus(99, "RTO IN INTRANSIT")).toMatchObject({ id: 99, stage: "rto", known: false })
    expect(describeShipmentStatus(98, "Out for delivery")).toMatchObject({ stage: "out_for_delivery", known: false })
    expect(describeShipmentStatus(97)).toMatchObject({ id: 97, label: "Status 97", stage: "unknown", known: false, terminal: false })
    expect(describeShipmentStatus(null, null)).toMatchObject({ id: null, stage: "unknown" })
  })

  test.each([
    ["DELIVERED", "delivered"],
    ["UNDELIVERED", "undelivered"],
    ["RTO DELIVERED", "rto_delivered"],
    ["RTO_OFD", "rto"],
    ["CANCELLATION REQUESTED", "exception"],
    ["CANCELED", "cancelled"],
    ["PICKUP EXCEPTION", "exception"],
    ["OUT FOR PICKUP", "pickup_pending"],
    ["PICKED UP", "picked_up"],
    ["REACHED AT DESTINATION HUB", "in_transit"],
    ["DAMAGED", "lost"],
    ["SOMETHING NEW", "unknown"],
  ])("label %p -> %p", (label, stage) => expect(stageFromLabel(label)).toBe(stage))
})

describe("timeline order", () => {
  const at = (iso: string) => new Date(iso)
  test("later events advance; older ones and unknowns do not; terminal stages hold", () => {
    expect(shouldAdvanceTimeline(null, { stage: "pickup_pending", occurredAt: null })).toBe(true)
    const transit = { stage: "in_transit" as const, occurredAt: at("2026-11-24T10:00:00Z") }
    expect(shouldAdvanceTimeline(transit, { stage: "out_for_delivery", occurredAt: at("2026-11-25T04:00:00Z") })).toBe(true)
    expect(shouldAdvanceTimeline(transit, { stage: "picked_up", occurredAt: at("2026-11-23T10:00:00Z") })).toBe(false)
    expect(shouldAdvanceTimeline(transit, { stage: "unknown", occurredAt: at("2026-11-25T10:00:00Z") })).toBe(false)
    const delivered = { stage: "delivered" as const, occurredAt: at("2026-11-25T10:00:00Z") }
    expect(shouldAdvanceTimeline(delivered, { stage: "in_transit", occurredAt: at("2026-11-25T11:00:00Z") })).toBe(false)
    expect(shouldAdvanceTimeline(delivered, { stage: "lost", occurredAt: at("2026-11-26T11:00:00Z") })).toBe(true)
    // A failed attempt and then a second delivery run are both forward moves.
    const ndr = { stage: "undelivered" as const, occurredAt: at("2026-11-25T10:00:00Z") }
    expect(shouldAdvanceTimeline(ndr, { stage: "out_for_delivery", occurredAt: at("2026-11-26T04:00:00Z") })).toBe(true)
  })
})

/** The documented sample webhook (Shiprocket API docs), as JSON. */
const SAMPLE = {
  awb: 59629792084,
  courier_name: "Delhivery Surface",
  current_status: "IN TRANSIT",
  current_status_id: 20,
  shipment_status: "IN TRANSIT",
  shipment_status_id: 18,
  current_timestamp: "23 05 2023 11:43:52",
  order_id: "1373900_150876814",
  sr_order_id: 348456385,
  awb_assigned_date: "2023-05-19 11:59:16",
  pickup_scheduled_date: "2023-05-19 16:00:00",
  etd: "2023-05-23 15:40:19",
  scans: [
    { date: "2023-05-19 11:59:16", status: "X-UCI", activity: "Manifested - Manifest uploaded", location: "Chomu_SamodRd_D (Rajasthan)", "sr-status": "5", "sr-status-label": "MANIFEST GENERATED" },
    { date: "2023-05-19 15:32:17", status: "X-PPOM", activity: "In Transit - Shipment picked up", location: "Chomu_SamodRd_D (Rajasthan)", "sr-status": "42", "sr-status-label": "PICKED UP" },
    { date: "2023-05-20 10:00:00", status: "X-XX", activity: "Something the courier said", location: "Jaipur", "sr-status": "NA", "sr-status-label": "NA" },
  ],
  is_return: 0,
  channel_id: 3422553,
  pod_status: "OTP Based Delivery",
  pod: "Not Available",
}

describe("tracking webhook", () => {
  const parse = (body: unknown): TrackingUpdate => {
    const r = parseTrackingWebhook(body)
    if (!r.ok) throw new Error(r.error)
    return r.value
  }

  test("reads the documented sample, mapping on shipment_status_id (not the order table's current_status_id)", () => {
    const u = parse(SAMPLE)
    expect(u).toMatchObject({
      awb: "59629792084",
      courierName: "Delhivery Surface",
      statusId: 18,
      statusLabel: "IN TRANSIT",
      stage: "in_transit",
      terminal: false,
      currentStatusId: 20,
      shipmentStatusId: 18,
      rawTimestamp: "23 05 2023 11:43:52",
      srOrderId: 348456385,
      rawOrderId: "1373900_150876814",
      isReturn: false,
      podStatus: "OTP Based Delivery",
    })
    expect(u.occurredAt?.toISOString()).toBe("2023-05-23T06:13:52.000Z")
    expect(u.etd?.toISOString()).toBe("2023-05-23T10:10:19.000Z")
    expect(u.scans.map((s) => [s.statusId, s.stage, s.courierStatus])).toEqual([
      [5, "pickup_pending", "X-UCI"],
      [42, "picked_up", "X-PPOM"],
      [null, "unknown", "X-XX"],
    ])
    expect(u.scans[0].at?.toISOString()).toBe("2023-05-19T06:29:16.000Z")
    expect(u.dedupeKey).toBe("59629792084|18|2023-05-23T06:13:52.000Z")
  })

  test("order_id is <our id>_<sr order id>; our id may contain underscores", () => {
    expect(parse({ ...SAMPLE, order_id: "ful_01JD3XG8W2-1_348456385" }).channelOrderId).toBe("ful_01JD3XG8W2-1")
    expect(splitWebhookOrderId("ful_01J_9-2_77", 77)).toBe("ful_01J_9-2")
    expect(splitWebhookOrderId("ful_01J_9-2_77", null)).toBe("ful_01J_9-2")
    expect(splitWebhookOrderId("ful_01J9-2", 77)).toBe("ful_01J9-2")
    expect(splitWebhookOrderId(null, 77)).toBeNull()
  })

  test("the same event twice has the same key; another status or time does not", () => {
    const a = parse(SAMPLE)
    expect(parse(JSON.parse(JSON.stringify(SAMPLE))).dedupeKey).toBe(a.dedupeKey)
    expect(parse({ ...SAMPLE, awb: "59629792084" }).dedupeKey).toBe(a.dedupeKey)
    expect(parse({ ...SAMPLE, shipment_status_id: 17, shipment_status: "OUT FOR DELIVERY" }).dedupeKey).not.toBe(a.dedupeKey)
    expect(parse({ ...SAMPLE, current_timestamp: "23 05 2023 11:43:53" }).dedupeKey).not.toBe(a.dedupeKey)
  })

  test("delivered and returns", () => {
    const d = parse({ ...SAMPLE, shipment_status: "DELIVERED", shipment_status_id: 7, current_status: "DELIVERED", current_status_id: 7, is_return: 1 })
    expect(d).toMatchObject({ stage: "delivered", terminal: true, isReturn: true })
    const rto = parse({ ...SAMPLE, shipment_status: "RTO INITIATED", shipment_status_id: 9, current_status_id: 15 })
    expect(rto.stage).toBe("rto")
  })

  test("without shipment_status_id, falls back to current_status / its label", () => {
    const u = parse({ awb: "A1", current_status: "OUT FOR DELIVERY", current_status_id: "19", current_timestamp: "24 11 2026 09:00:00" })
    expect(u).toMatchObject({ statusId: 19, stage: "out_for_delivery", shipmentStatusId: null })
  })

  test("refuses what cannot be used, and survives junk in the rest", () => {
    expect(parseTrackingWebhook(null)).toEqual({ ok: false, error: "the body is not a JSON object" })
    expect(parseTrackingWebhook([])).toMatchObject({ ok: false })
    expect(parseTrackingWebhook({ shipment_status_id: 7 })).toEqual({ ok: false, error: "awb is missing" })
    expect(parseTrackingWebhook({ awb: "A1" })).toMatchObject({ ok: false })
    const r = parseTrackingWebhook({ awb: "A1", shipment_status_id: 42, current_timestamp: "yesterday", scans: "nope", etd: 5 })
    expect(r.ok && r.value).toMatchObject({ stage: "picked_up", occurredAt: null, rawTimestamp: "yesterday", scans: [], etd: null, dedupeKey: "A1|42|yesterday" })
  })
})

describe("track API", () => {
  test("reads activities oldest first with the webhook's key shape", () => {
    const snap = parseTrackResponse("190000000001", {
      tracking_data: {
        track_status: 1,
        shipment_status: 18,
        shipment_track: [{ current_status: "In Transit", edd: "2026-11-27 18:00:00" }],
        shipment_track_activities: [
          { date: "2026-11-24 18:00:00", status: "X", activity: "Bag added", location: "Delhi hub", "sr-status": "18", "sr-status-label": "IN TRANSIT" },
          { date: "2026-11-24 11:00:00", status: "Y", activity: "Picked", location: "Okhla", "sr-status": "42", "sr-status-label": "PICKED UP" },
        ],
        track_url: "https://shiprocket.co/tracking/190000000001",
        etd: "2026-11-27 18:00:00",
      },
    })
    expect(snap).toMatchObject({ found: true, statusId: 18, stage: "in_transit", trackUrl: "https://shiprocket.co/tracking/190000000001", error: null })
    expect(snap.events.map((e) => [e.statusId, e.stage])).toEqual([
      [42, "picked_up"],
      [18, "in_transit"],
    ])
    expect(snap.events[0].dedupeKey).toBe("190000000001|42|2026-11-24T05:30:00.000Z")
    expect(snap.etd?.toISOString()).toBe("2026-11-27T12:30:00.000Z")
  })

  test("scans in the same second keep Shiprocket's order (it lists newest first)", () => {
    const at = "2026-11-24 11:00:00"
    const snap = parseTrackResponse("X", {
      tracking_data: {
        track_status: 1,
        shipment_status: 42,
        shipment_track_activities: [
          { date: at, "sr-status": "42", "sr-status-label": "PICKED UP" },
          { date: at, "sr-status": "3", "sr-status-label": "PICKUP GENERATED" },
          { date: at, "sr-status": "1", "sr-status-label": "AWB ASSIGNED" },
        ],
      },
    })
    expect(snap.events.map((e) => e.statusId)).toEqual([1, 3, 42])
  })

  test("no activity yet", () => {
    const snap = parseTrackResponse("X", { tracking_data: { track_status: 0, shipment_status: 0, shipment_track: [], shipment_track_activities: null, error: "Aahh! no activities" } })
    expect(snap).toMatchObject({ found: false, stage: "unknown", terminal: false, events: [], error: "Aahh! no activities" })
    expect(parseTrackResponse("X", "not json")).toMatchObject({ found: false, events: [] })
  })
})
