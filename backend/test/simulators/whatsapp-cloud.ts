/**
 * A local WhatsApp Cloud API for tests, following the documented contract
 * (../shared/CONTRACTS.md): POST /<version>/<phone_number_id>/messages with a bearer token
 * and a template message; the template must exist and its body parameter count must
 * match, as Meta enforces. Answers {messaging_product, contacts, messages: [{id}]}.
 */
import http from "http"

export type SentTemplate = { to: string; template: string; language: string; parameters: string[]; id: string }

export type WhatsAppCloudSimulator = { sent: SentTemplate[]; close(): Promise<void> }

export async function startWhatsAppCloudSimulator(options: { port: number; phoneNumberId: string; token: string; templates: Record<string, number> }): Promise<WhatsAppCloudSimulator> {
  const sent: SentTemplate[] = []
  const fail = (res: http.ServerResponse, status: number, code: number, message: string) => {
    res.writeHead(status, { "content-type": "application/json" })
    res.end(JSON.stringify({ error: { message, type: "OAuthException", code } }))
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const match = /^\/v\d+\.\d+\/([^/]+)\/messages$/.exec(req.url ?? "")
      if (req.method !== "POST" || !match) return fail(res, 404, 803, "Unknown path components")
      if (req.headers.authorization !== `Bearer ${options.token}`) return fail(res, 401, 190, "Invalid OAuth access token")
      if (match[1] !== options.phoneNumberId) return fail(res, 400, 100, "Unsupported post request: unknown phone number id")
      let body: any
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
      } catch {
        return fail(res, 400, 100, "Invalid JSON")
      }
      if (body.messaging_product !== "whatsapp" || body.type !== "template" || !/^\d{8,15}$/.test(body.to ?? "")) return fail(res, 400, 100, "Invalid parameter")
      const name = body.template?.name
      const expected = options.templates[name]
      if (expected === undefined) return fail(res, 404, 132001, `Template name does not exist in the translation: ${name}`)
      const parameters: string[] = (body.template.components ?? []).filter((c: any) => c.type === "body").flatMap((c: any) => c.parameters.map((p: any) => p.text))
      if (parameters.length !== expected) return fail(res, 400, 132000, `Number of parameters does not match the expected number of params (${parameters.length} != ${expected})`)
      if (parameters.some((p) => /\n|\s{5,}/.test(p))) return fail(res, 400, 132018, "Param text cannot have new-line/tab characters or more than 4 consecutive spaces")
      const id = `wamid.${Buffer.from(`${Date.now()}-${sent.length}`).toString("base64url")}`
      sent.push({ to: body.to, template: name, language: body.template.language?.code, parameters, id })
      res.writeHead(200, { "content-type": "application/json" })
      res.end(JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] }))
    })
  })
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port, "127.0.0.1", resolve))
  return { sent, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
