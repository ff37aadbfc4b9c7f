import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pathId } from "@fashion/plugin-kit"
import type StylistSessionService from "../../../../../services/stylist-session"
import { requesterOf } from "../../../../chat-input"

const sessionId = (req: MedusaRequest) => pathId(req.params.id, (id) => `No conversation ${id}`)

/** The conversation so far: her messages and the stylist's answers with their looks. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const session = await req.scope.resolve<StylistSessionService>("stylistSessionService").retrieve(sessionId(req), requesterOf(req))
  res.json({ session: { id: session.id, region_id: session.region_id, expires_at: session.expires_at, messages: session.turns } })
}

/** Forget the conversation now (it would expire on its own). */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const id = sessionId(req)
  await req.scope.resolve<StylistSessionService>("stylistSessionService").delete(id, requesterOf(req))
  res.json({ id, deleted: true })
}
