import { receiveTrackingWebhook } from "../tracking-webhook"

/** POST /hooks/courier-tracking: the URL to register in Shiprocket's panel (it refuses URLs containing "shiprocket", "sr" or "kr"). */
export const POST = receiveTrackingWebhook
