import type { MiddlewaresConfig } from "@medusajs/medusa"
import { bodyParseErrorsAs400, frontDoor, storeAndAdminInputGuards, hookPathGuard } from "@fashion/plugin-kit"
import { raw } from "express"

export const config: MiddlewaresConfig = {
  routes: [
    // Signatures cover the exact bytes: keep them raw, whatever the content type says.
    { matcher: "/hooks/suppliers/:code", bodyParser: false, middlewares: [raw({ type: () => true, limit: "1mb" }), bodyParseErrorsAs400] },
    // Security headers and rate limits (plugin-kit front-door.ts), once per request, whichever router is first.
    ...frontDoor,
    ...storeAndAdminInputGuards,
    hookPathGuard,
  ],
}
