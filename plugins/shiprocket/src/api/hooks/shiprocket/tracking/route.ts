import { receiveTrackingWebhook } from "../../tracking-webhook"

/** POST /hooks/shiprocket/tracking: the same webhook under its descriptive name, for relays and tests; Shiprocket's panel needs /hooks/courier-tracking. */
export const POST = receiveTrackingWebhook
