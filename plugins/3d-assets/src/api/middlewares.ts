import type { MiddlewaresConfig } from "@medusajs/medusa"
import { frontDoor, storeAndAdminInputGuards } from "@fashion/plugin-kit"
import { receiveModelUpload } from "./model-upload"

export const config: MiddlewaresConfig = {
  routes: [
    // Security headers and rate limits (plugin-kit front-door.ts), once per request, whichever router is
    // first; before the upload, so a refused request is not received onto disk first.
    ...frontDoor,
    { matcher: "/admin/products/:id/3d-models", method: "POST", middlewares: [receiveModelUpload] },
    ...storeAndAdminInputGuards,
  ],
}
