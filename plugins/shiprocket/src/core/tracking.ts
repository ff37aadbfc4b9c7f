/**
 * Shiprocket tracking, pushed (the webhook set in the Shiprocket panel) and pulled
 * (`GET /courier/track/awb/{awb}`), read into one shape for our timeline.
 *
 * The webhook has no event id and no signature: it is deduplicated on (AWB, status id,
 * timestamp), and authenticated only by the optional `x-api-key` token (checked by the
 * route, in constant time). Its `order_id` is "<our order_id>_<shiprocket order id>".
 */
import { parseIstDateTime, parseShiprocketTimestamp } from "./ist-time"
import { describeShipmentStatus, statusIdOf, type TimelineStage } from "./shipment-status"

export type TrackingScan = {
  /** when the courier scanned (IST in the payload), null when unreadable */
  at: Date | null
  rawDate: string | null
  /** the courier's own status code, e.g. "X-PPOM" */
  courierStatus: string | null
  activity: string | null
  location: string | null
  /** Shiprocket's status id for the scan (`sr-status`), null for "NA" */
  statusId: number | null
  statusLabel: string | null
  stage: TimelineStage
}

export type TrackingUpdate = {
  awb: string
  courierName: string | null
  /** the id we map on: shipment_status_id, else current_status_id */
  statusId: number | null
  statusLabel: string
  stage: TimelineStage
  terminal: boolean
  /** raw values, kept for the record */
  currentStatus: string | null
  currentStatusId: number | null
  shipmentStatus: string | null
  shipmentStatusId: number | null
  /** current_timestamp read as IST; null when missing or unreadable */
  occurredAt: Date | null
  rawTimestamp: string | null
  /** our order_id (the part before "_<sr order id>"), null when absent */
  channelOrderId: string | null
  rawOrderId: string | null
  srOrderId: number | null
  etd: Date | null
  isReturn: boolean
  podStatus: string | null
  scans: TrackingScan[]
  /** (awb, status id, timestamp): equal keys are the same event */
  dedupeKey: string
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string }

function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim()
  if (typeof v === "number" && Number.isFinite(v)) return String(v)
  return null
}

function truthyFlag(v: unknown): boolean {
  return v === true || v === 1 || v === "1" || (typeof v === "string" && v.toLowerCase() === "true")
}

/** "ful_01J9-1_348456385" with sr id 348456385 -> "ful_01J9-1". Our id may itself contain "_". */
export function splitWebhookOrderId(orderId: string | null, srOrderId: number | null): string | null {
  if (!orderId) return null
  if (srOrderId !== null && orderId.endsWith(`_${srOrderId}`)) return orderId.slice(0, -(`_${srOrderId}`.length)) || null
  const m = /^(.+)_(\d+)$/.exec(orderId)
  return m && srOrderId === null ? m[1] : orderId
}

export function trackingDedupeKey(awb: string, statusId: number | null, occurredAt: Date | null, rawTimestamp: string | null): string {
  const when = occurredAt ? occurredAt.toISOString() : (rawTimestamp ?? "")
  return `${awb}|${statusId ?? "?"}|${when}`
}

export function parseScan(raw: unknown): TrackingScan {
  const s = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  const rawDate = str(s.date)
  const statusId = statusIdOf(s["sr-status"])
  const statusLabel = str(s["sr-status-label"])
  const described = describeShipmentStatus(statusId, statusLabel === "NA" ? null : statusLabel)
  return {
    at: parseIstDateTime(rawDate),
    rawDate,
    courierStatus: str(s.status),
    activity: str(s.activity),
    location: str(s.location),
    statusId,
    statusLabel: statusLabel === "NA" ? null : statusLabel,
    stage: statusId === null && !statusLabel ? "unknown" : described.stage,
  }
}

/** Reads a tracking webhook body (already JSON-parsed). Refuses only what cannot be used: no AWB, no status. */
export function parseTrackingWebhook(body: unknown): ParseResult<TrackingUpdate> {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { ok: false, error: "the body is not a JSON object" }
  const b = body as Record<string, unknown>
  const awb = str(b.awb)
  if (!awb) return { ok: false, error: "awb is missing" }
  const shipmentStatusId = statusIdOf(b.shipment_status_id)
  const currentStatusId = statusIdOf(b.current_status_id)
  const shipmentStatus = str(b.shipment_status)
  const currentStatus = str(b.current_status)
  if (shipmentStatusId === null && currentStatusId === null && !shipmentStatus && !currentStatus) {
    return { ok: false, error: "no status (shipment_status_id, current_status_id, shipment_status or current_status)" }
  }
  // Map on the shipment table's id; the current_* pair is from the order table.
  const described =
    shipmentStatusId !== null || shipmentStatus
      ? describeShipmentStatus(shipmentStatusId, shipmentStatus ?? currentStatus)
      : { ...describeShipmentStatus(null, currentStatus), id: currentStatusId }
  const statusId = shipmentStatusId ?? currentStatusId
  const rawTimestamp = str(b.current_timestamp)
  const occurredAt = parseShiprocketTimestamp(rawTimestamp) ?? parseIstDateTime(rawTimestamp)
  const srOrderId = statusIdOf(b.sr_order_id)
  const rawOrderId = str(b.order_id)
  const scans = Array.isArray(b.scans) ? b.scans.map(parseScan) : []
  return {
    ok: true,
    value: {
      awb,
      courierName: str(b.courier_name),
      statusId,
      statusLabel: described.label,
      stage: described.stage,
      terminal: described.terminal,
      currentStatus,
      currentStatusId,
      shipmentStatus,
      shipmentStatusId,
      occurredAt,
      rawTimestamp,
      channelOrderId: splitWebhookOrderId(rawOrderId, srOrderId),
      rawOrderId,
      srOrderId,
      etd: parseIstDateTime(b.etd),
      isReturn: truthyFlag(b.is_return),
      podStatus: str(b.pod_status),
      scans,
      dedupeKey: trackingDedupeKey(awb, statusId, occurredAt, rawTimestamp),
    },
  }
}

export type TrackSnapshot = {
  awb: string
  /** false when Shiprocket has no activity for the AWB yet (track_status 0) */
  found: boolean
  statusId: number | null
  statusLabel: string
  stage: TimelineStage
  terminal: boolean
  etd: Date | null
  trackUrl: string | null
  /** oldest first */
  scans: TrackingScan[]
  /** the scans as timeline events, with the same dedupe key shape as webhooks (oldest first) */
  events: { statusId: number | null; statusLabel: string; stage: TimelineStage; occurredAt: Date | null; location: string | null; activity: string | null; dedupeKey: string }[]
  error: string | null
}

/** Reads a `GET /courier/track/awb/{awb}` answer, for the catch-up poll. */
export function parseTrackResponse(awb: string, body: unknown): TrackSnapshot {
  const root = (body && typeof body === "object" ? body : {}) as Record<string, any>
  const td = (root.tracking_data && typeof root.tracking_data === "object" ? root.tracking_data : {}) as Record<string, any>
  const track0 = Array.isArray(td.shipment_track) && td.shipment_track[0] && typeof td.shipment_track[0] === "object" ? td.shipment_track[0] : {}
  const statusId = statusIdOf(td.shipment_status)
  const described = describeShipmentStatus(statusId, str(track0.current_status))
  // Shiprocket lists activities newest first; scans in the same second keep their relative
  // order, so turn the list oldest-first before the (stable) sort by time.
  let scans: TrackingScan[] = Array.isArray(td.shipment_track_activities) ? td.shipment_track_activities.map(parseScan) : []
  const first = scans[0]?.at?.getTime()
  const last = scans[scans.length - 1]?.at?.getTime()
  if (!(first !== undefined && last !== undefined && first < last)) scans = scans.reverse()
  scans.sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0))
  const events = scans
    .filter((s: TrackingScan) => s.statusId !== null || s.statusLabel)
    .map((s: TrackingScan) => {
      const d = describeShipmentStatus(s.statusId, s.statusLabel)
      return { statusId: s.statusId, statusLabel: d.label, stage: d.stage, occurredAt: s.at, location: s.location, activity: s.activity, dedupeKey: trackingDedupeKey(awb, s.statusId, s.at, s.rawDate) }
    })
  const found = statusIdOf(td.track_status) === 1 || scans.length > 0
  return {
    awb,
    found,
    statusId,
    statusLabel: described.label,
    stage: found ? described.stage : "unknown",
    terminal: found && described.terminal,
    etd: parseIstDateTime(td.etd ?? track0.edd),
    trackUrl: str(td.track_url),
    scans,
    events,
    error: str(td.error) ?? str(root.message),
  }
}
