import type { MiddlewaresConfig } from "@medusajs/medusa"
import { bodyParseErrorsAs400, rejectUnstorableInput, frontDoor, storeAndAdminInputGuards, hookPathGuard } from "@fashion/plugin-kit"
import { json } from "express"

// Shiprocket sends JSON, sometimes labelled otherwise: parse whatever arrives as JSON.
const trackingBody = { bodyParser: false as const, middlewares: [json({ type: () => true, limit: "512kb" }), rejectUnstorableInput, bodyParseErrorsAs400] }

export const config: MiddlewaresConfig = {
  routes: [
    { matcher: "/hooks/courier-tracking", ...trackingBody },
    { matcher: "/hooks/shiprocket/tracking", ...trackingBody },
    // Security headers and rate limits (plugin-kit front-door.ts), once per request, whichever router is first.
    ...frontDoor,
    ...storeAndAdminInputGuards,
    hookPathGuard,
  ],
}
