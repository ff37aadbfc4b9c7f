import type { MiddlewaresConfig } from "@medusajs/medusa"
import { frontDoor, storeAndAdminInputGuards } from "@fashion/plugin-kit"

export const config: MiddlewaresConfig = {
  routes: [
    // Security headers and rate limits (plugin-kit front-door.ts), once per request, whichever router is first.
    ...frontDoor,
    ...storeAndAdminInputGuards,
  ],
}
