import type { MiddlewaresConfig } from "@medusajs/medusa"
import { frontDoor, storeAndAdminInputGuards } from "@fashion/plugin-kit"

export const config: MiddlewaresConfig = {
  routes: [...frontDoor, ...storeAndAdminInputGuards],
}
