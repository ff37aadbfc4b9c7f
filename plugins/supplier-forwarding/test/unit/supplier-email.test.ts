/**
 * Purchase-order emails over real SMTP (a local smtp-server): the notification provider
 * sends one message with a stable Message-ID per outbox message, and an SMTP refusal (5xx)
 * is told apart from a temporary failure.
 */
import { SMTPServer } from "smtp-server"
import type { AddressInfo } from "net"
import { isPermanentSmtpFailure } from "../../src/clients/smtp-mailer"
import { purchaseOrderEmail, type CreatedData } from "../../src/core"
import SupplierEmailNotificationService from "../../src/services/supplier-email-notification"

type Received = { from: string; to: string[]; raw: string }

let server: SMTPServer
let port: number
const received: Received[] = []

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@refused.example")) return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on("data", (c: Buffer) => chunks.push(c))
      stream.on("end", () => {
        received.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  port = (server.server.address() as AddressInfo).port
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const data: CreatedData = {
  supplier_order_id: "supord_01TEST",
  supplier_code: "JAIPUR-EMAIL",
  order_number: 1042,
  ordered_at: "2026-11-23T10:00:00.000Z",
  ship_by_days: 3,
  items: [{ supplier_sku: "JP-BLOCK-M", sku: "ZR-BLOCK-M", title: "Block-print kurta", quantity: 2, unit_cost: 45000 }],
  total_cost: 90000,
  currency: "inr",
  ship_to: { name: "Nila Shah", phone: "+919822233344", address_1: "21 Ring Rd", address_2: null, city: "Surat", province: "Gujarat", postal_code: "395003", country_code: "in" },
  payment: { method: "cod", collect_amount: 149900 },
}

function provider(smtpUrl?: string) {
  const logged: string[] = []
  const service = new SupplierEmailNotificationService({ manager: {} as never, logger: { info: (m: string) => logged.push(m) } }, { email: { smtp_url: smtpUrl, from: "Zari orders <orders@zari.example>" } })
  return { service, logged }
}

test("with SMTP configured, the purchase order is sent once with a Message-ID derived from the webhook id", async () => {
  const { service } = provider(`smtp://127.0.0.1:${port}`)
  const mail = purchaseOrderEmail(data, "Sanganer Prints & Crafts")
  const result = await service.sendNotification("order.supplier_purchase_order", { id: "order_1", to: "dispatch@sanganer.example", ...mail, supplier_order_id: data.supplier_order_id, supplier_code: data.supplier_code, webhook_id: "msg_supord_01TEST_created" })
  expect(result).toMatchObject({ to: "dispatch@sanganer.example", status: "sent", data: { transport: "smtp", subject: mail.subject } })
  const got = received.at(-1)!
  expect(got.to).toEqual(["dispatch@sanganer.example"])
  expect(got.raw).toMatch(/^Message-ID: <msg_supord_01TEST_created@suppliers\.zari>/im)
  expect(got.raw).toMatch(/^Subject: Purchase order PO-1042-JAIPUR-EMAIL: 2 items, ship by 2026-11-26/im)
  expect(got.raw).toContain("2 x JP-BLOCK-M")
})

test("a refused recipient (SMTP 5xx) is a permanent failure; the error says why", async () => {
  const { service } = provider(`smtp://127.0.0.1:${port}`)
  const mail = purchaseOrderEmail(data, "Sanganer")
  const error = await service
    .sendNotification("order.supplier_purchase_order", { id: "order_1", to: "nobody@refused.example", ...mail, supplier_order_id: "s", supplier_code: "c", webhook_id: "w" })
    .then(() => null, (e: Error & { responseCode?: number }) => e)
  expect(error?.responseCode).toBe(550)
  expect(isPermanentSmtpFailure(error!)).toBe(true)
  expect(isPermanentSmtpFailure({})).toBe(false) // connection problems: retry
})

test("without SMTP the email is logged and recorded as logged, never claimed as sent", async () => {
  const { service, logged } = provider(undefined)
  const mail = purchaseOrderEmail(data, "Sanganer")
  const result = await service.sendNotification("order.supplier_purchase_order", { id: "order_1", to: "dispatch@sanganer.example", ...mail, supplier_order_id: "s", supplier_code: "c", webhook_id: "w" })
  expect(result).toMatchObject({ status: "logged", data: { transport: "log" } })
  expect(logged.join("\n")).toMatch(/no SMTP configured, not sent.*dispatch@sanganer\.example/)
})
