import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/**
 * What every request passes before any route, whichever router it reaches first.
 *
 * Medusa 1.20 mounts the routers of the plugins and of the project concurrently, in the order
 * their route files finish loading, so middlewares in one router do not run for routes
 * mounted before it (the project's security headers and rate limits missed the stylist's
 * and the reviews' routes). Every router spreads `frontDoor` among its middlewares: the
 * first to see a request runs the store's handler, registered in the container as
 * `frontDoorHandler` (the backend's src/loaders/front-door.ts), and the others let the
 * request through. Without a registered handler (a plugin in another project) it does nothing.
 */
export type FrontDoorHandler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void | Promise<void>

const passed = new WeakSet<object>()

export function passFrontDoor(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  if (passed.has(req)) return next()
  passed.add(req)
  let handler: FrontDoorHandler | undefined
  try {
    handler = req.scope.resolve<FrontDoorHandler>("frontDoorHandler", { allowUnregistered: true })
  } catch {
    handler = undefined
  }
  if (!handler) return next()
  Promise.resolve(handler(req, res, next)).catch(next)
}

/**
 * After any entry that sets a route's own body parser: Medusa takes a route's body parser
 * from the first entry that matches it.
 */
export const frontDoor = [{ matcher: /^\/.*$/, middlewares: [passFrontDoor] }]
