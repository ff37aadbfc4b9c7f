"use server"

import { readSessionId } from "../core/stylist"
import { deleteStylistSession } from "../data/stylist"
import { getRegion } from "../data/regions"
import { clearStylistSessionId, getStylistSessionId, setStylistSessionId } from "../session"
import type { ActionResult } from "./result"

/**
 * Keeps the conversation the stylist just started. A streamed answer names its session only
 * in its last event, after the response's headers (and so its cookies) have gone, so the
 * page hands the id back here once the answer is complete.
 */
export async function keepStylistSession(countryCode: string, sessionId: string): Promise<ActionResult> {
  const id = readSessionId(sessionId)
  if (!id || !(await getRegion(countryCode))) return { ok: false, error: "Unknown conversation" }
  if ((await getStylistSessionId(countryCode)) !== id) await setStylistSessionId(countryCode, id)
  return { ok: true }
}

/** "New conversation": the stylist forgets this one (it holds her messages), and so do we. */
export async function endStylistConversation(countryCode: string): Promise<ActionResult> {
  const id = await getStylistSessionId(countryCode)
  if (!id) return { ok: true }
  await clearStylistSessionId(countryCode)
  try {
    await deleteStylistSession(id)
    return { ok: true }
  } catch (error) {
    console.warn("The stylist's conversation could not be deleted:", error instanceof Error ? error.message : error)
    return { ok: true, message: "A new conversation has started. The earlier one could not be deleted just now; it will expire on its own." }
  }
}
