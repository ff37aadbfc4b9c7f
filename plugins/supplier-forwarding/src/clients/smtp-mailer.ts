/**
 * Sends an email over SMTP (nodemailer), from a URL such as smtp://user:pass@host:587.
 */
import nodemailer, { type Transporter } from "nodemailer"

export type Mail = { from: string; to: string; subject: string; text: string; html: string; headers?: Record<string, string> }

export class SmtpMailer {
  private readonly transport: Transporter

  constructor(smtpUrl: string, timeoutMs: number) {
    this.transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs })
  }

  async send(mail: Mail): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail(mail)
    return { messageId: info.messageId }
  }
}

/** SMTP 5xx answers are permanent (bad address, refused); 4xx and connection problems are worth a retry. */
export function isPermanentSmtpFailure(error: { responseCode?: number }): boolean {
  return typeof error.responseCode === "number" && error.responseCode >= 500
}
