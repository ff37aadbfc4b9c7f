import { asValue, type AwilixContainer } from "awilix"
import type { FrontDoorHandler } from "@fashion/plugin-kit"
import { storeRateLimits } from "../api/rate-limits"
import { setSecurityHeaders } from "../api/security-headers"

/**
 * The store's front door (plugin-kit's `frontDoor`, spread by every router): security headers
 * on every answer, then the rate limits. Registered here because Medusa's routers mount in
 * no set order; the first router a request reaches runs this, once.
 */
const frontDoorHandler: FrontDoorHandler = (req, res, next) => {
  setSecurityHeaders(req, res, (error?: unknown) => (error ? next(error) : storeRateLimits(req, res, next)))
}

export default async function frontDoorLoader(container: AwilixContainer): Promise<void> {
  container.register("frontDoorHandler", asValue(frontDoorHandler))
}
