import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type StylistService from "../../../../services/stylist"
import { readChatCall } from "../../../chat-input"

/** One message to the stylist; the answer's outfits have passed the guarantees (see the plugin README). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const call = await readChatCall(req, res)
  if (!call) return
  const answer = await req.scope.resolve<StylistService>("stylistService").chat(call.request, call.who)
  res.json(answer)
}
