/**
 * Settings: the tracking webhook to register in Shiprocket's panel: its URL (the backend
 * this admin talks to, followed by the webhook's path), the token Shiprocket sends in
 * x-api-key (copy, reveal, rotate unless it comes from the server's environment).
 */
import { Button, Code, Container, Copy, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, useBackendUrl, usePluginPost } from "../lib/api"
import { FORBIDDEN_WEBHOOK_WORDS, forbiddenWebhookWords, maskSecret, webhookUrl } from "../lib/format"
import type { ShiprocketSettings } from "../lib/types"
import type { Notify } from "./shipment-card"
import { ConfirmDialog } from "./dialogs"
import { ErrorNote, Field, Note } from "./ui"

const quoteList = (words: string[]) => words.map((w) => `“${w}”`).join(", ")

const CopyRow = ({ value, display, testId, label }: { value: string; display?: string; testId: string; label: string }) => (
  <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-2 rounded-md border px-3 py-2">
    <Code className="min-w-0 break-all" data-testid={testId}>
      {display ?? value}
    </Code>
    <Copy content={value} asChild>
      <Button variant="secondary" size="small" type="button" className="shrink-0" aria-label={`Copy ${label}`}>
        Copy
      </Button>
    </Copy>
  </div>
)

export const WebhookSection = ({ settings, notify }: { settings: ShiprocketSettings; notify: Notify }) => {
  const backendUrl = useBackendUrl()
  const rotate = usePluginPost<Record<string, never>, ShiprocketSettings>("/shiprocket/webhook-token")
  const [confirm, setConfirm] = useState(false)
  const [reveal, setReveal] = useState(false)
  const [rotateError, setRotateError] = useState<string | null>(null)

  const { path, token, token_source } = settings.webhook
  const origin = typeof window !== "undefined" ? window.location.origin : "http://localhost"
  const url = webhookUrl(path, backendUrl, origin)
  const host = new URL(url).hostname
  const forbidden = forbiddenWebhookWords(url)
  const local = host === "localhost" || host === "127.0.0.1" || host === "::1" || host.endsWith(".local")
  const fromEnv = token_source === "env"

  const rotateToken = () => {
    setRotateError(null)
    rotate.mutate({} as never, {
      onSuccess: () => {
        setReveal(true)
        notify.success("Shiprocket", token ? "New webhook token: enter it in Shiprocket's panel now" : "Webhook token created")
      },
      onError: (e) => {
        const message = errorMessage(e)
        setRotateError(message)
        notify.error("Shiprocket", message)
      },
    })
  }

  return (
    <Container data-testid="shiprocket-webhook">
      <div className="mb-4">
        <Heading level="h2">Tracking webhook</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Shiprocket posts every status change of a shipment here. In Shiprocket › Settings › API › Webhooks, enter this URL and the token
          below; Shiprocket sends the token in the x-api-key header and we refuse calls without it. A periodic poll catches up on anything missed.
        </Text>
      </div>
      <div className="flex flex-col gap-y-4">
        <Field
          label="Webhook URL"
          hint={
            <>
              The backend this admin talks to, followed by <span className="font-mono">{path}</span>. If Shiprocket must reach the backend at another
              public address, use that address followed by the same path.
            </>
          }
        >
          <CopyRow value={url} testId="webhook-url" label="webhook URL" />
        </Field>
        {forbidden.length > 0 ? (
          <ErrorNote
            title="Shiprocket will refuse this URL"
            message={`It contains ${quoteList(forbidden)}. Shiprocket does not accept webhook URLs containing ${quoteList(FORBIDDEN_WEBHOOK_WORDS)}: serve the backend from a host name without them.`}
          />
        ) : (
          <Note>The URL must not contain {quoteList(["shiprocket", "sr", "kr"])} anywhere (host name included): Shiprocket's panel refuses such URLs.</Note>
        )}
        {local && <Note>This address is local: Shiprocket can only reach a public HTTPS address of the backend.</Note>}

        <Field
          label="Token"
          hint={
            fromEnv
              ? "Set by SHIPROCKET_WEBHOOK_TOKEN on the server: change it there (and in Shiprocket's panel) and restart the server to rotate it."
              : token
                ? "Rotating makes the current token stop working at once: enter the new one in Shiprocket's panel straight away."
                : undefined
          }
        >
          {token ? (
            <div className="flex flex-col gap-y-2">
              <CopyRow value={token} display={reveal ? token : maskSecret(token)} testId="webhook-token" label="webhook token" />
              <div>
                <Button size="small" variant="transparent" onClick={() => setReveal(!reveal)} aria-pressed={reveal}>
                  {reveal ? "Hide token" : "Show token"}
                </Button>
              </div>
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle" data-testid="webhook-token-missing">
              No token yet: webhooks are refused until one is created and entered in Shiprocket's panel.
            </Text>
          )}
        </Field>
        {rotateError && <ErrorNote title="Token not changed" message={rotateError} />}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="small"
            variant="secondary"
            disabled={fromEnv || rotate.isLoading}
            isLoading={rotate.isLoading}
            onClick={() => (token ? setConfirm(true) : rotateToken())}
            title={fromEnv ? "The token comes from SHIPROCKET_WEBHOOK_TOKEN" : undefined}
            data-testid="rotate-token"
          >
            {token ? "Rotate token" : "Create token"}
          </Button>
          {fromEnv && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              Disabled: the token comes from SHIPROCKET_WEBHOOK_TOKEN in the server's environment, not from the database.
            </Text>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="Rotate the webhook token?"
        description="The current token stops working at once: Shiprocket's tracking updates are refused until you enter the new token in its panel. The periodic poll keeps shipments up to date meanwhile."
        confirmLabel="Rotate token"
        onConfirm={rotateToken}
      />
    </Container>
  )
}
