import type { MiddlewaresConfig } from "@medusajs/medusa"
import { bodyParseErrorsAs400, frontDoor, storeAndAdminInputGuards } from "@fashion/plugin-kit"
import { serializeCheckoutsByVariant } from "./checkout-guard"
import { cacheStoreReads } from "./store-cache"
import { withRequestId } from "./request-id"

/**
 * A body that is not valid JSON (or is too large) answers 400 in Medusa's error shape, not 500.
 *
 * Customer authentication needs no entry here: Medusa's route loader already runs
 * authenticateCustomer() (session cookie, then Bearer JWT) on every file-based /store
 * route, so req.user.customer_id is set when a customer is logged in.
 */
export const config: MiddlewaresConfig = {
  routes: [
    // Regular expressions without groups, not "/x*" strings: Express decodes what a "*" captures
    // and, on a broken path, would skip these layers (their headers and limits) altogether.
    // First: every answer below (rate limited, failed, not found) carries the request id.
    { matcher: /^\/.*$/, middlewares: [withRequestId] },
    // Security headers and rate limits (src/loaders/front-door.ts), before the routes, so a
    // limited request costs nothing else; plugins' routers run the same, once per request.
    ...frontDoor,
    // After the limits: checkouts of the same variants run one at a time, across processes.
    { matcher: /^\/store\/carts\/[^/]+\/complete\/?$/, middlewares: [serializeCheckoutsByVariant] },
    ...storeAndAdminInputGuards,
    // After the guards (bad input is still refused), before the routes.
    { matcher: /^\/store\/(?:products|product-categories|collections|regions|catalog)(?:\/[^/]+)?\/?$/, middlewares: [cacheStoreReads] },
    { matcher: "/health/ready", middlewares: [bodyParseErrorsAs400] },
    { matcher: "/metrics", middlewares: [bodyParseErrorsAs400] },
  ],
}
