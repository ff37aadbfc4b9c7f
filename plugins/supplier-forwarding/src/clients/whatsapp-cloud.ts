/**
 * WhatsApp Cloud API: a pre-approved template message to a supplier's number.
 * POST {api_url}/{phone_number_id}/messages with a bearer token; answers {messages: [{id}]}.
 */
import { outcomeOfHttpAnswer, outcomeOfNetworkError, type DeliveryOutcome, type WhatsAppOptions } from "../core"

export type TemplateMessage = { to: string; template: string; parameters: string[] }

export async function sendWhatsAppTemplate(options: WhatsAppOptions, message: TemplateMessage, timeoutMs: number): Promise<DeliveryOutcome & { messageId?: string }> {
  const body = {
    messaging_product: "whatsapp",
    to: message.to.replace(/^\+/, ""),
    type: "template",
    template: {
      name: message.template,
      language: { code: options.language },
      components: [{ type: "body", parameters: message.parameters.map((text) => ({ type: "text", text })) }],
    },
  }
  try {
    const res = await fetch(`${options.apiUrl}/${encodeURIComponent(options.phoneNumberId)}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text().catch(() => "")
    const outcome = outcomeOfHttpAnswer(res.status, text)
    if (!outcome.delivered) return outcome
    let messageId: string | undefined
    try {
      messageId = JSON.parse(text)?.messages?.[0]?.id
    } catch {
      // a 2xx without JSON still means Meta accepted it
    }
    return { ...outcome, detail: messageId ? `WhatsApp message ${messageId}` : outcome.detail, messageId }
  } catch (error) {
    return outcomeOfNetworkError(error as Error & { cause?: { code?: string } })
  }
}
