/** Confirmation and one-time-secret dialogs (Radix alert dialogs from @medusajs/ui). */
import { ConfirmDialog as KitConfirmDialog } from "@fashion/plugin-kit/admin"
import { Button, Code, Copy, Prompt, Text } from "@medusajs/ui"
import type { ComponentProps } from "react"

/** The kit's confirmation dialog; this plugin's dialogs say "Cancel" rather than "Go back". */
export const ConfirmDialog = (props: ComponentProps<typeof KitConfirmDialog>) => <KitConfirmDialog cancelLabel="Cancel" {...props} />

/** Shows a webhook secret once, with a copy button and the warning that it will not be shown again. */
export const SecretDialog = ({ secret, supplierName, onClose }: { secret: string | null; supplierName?: string; onClose: () => void }) => {
  return (
    <Prompt open={!!secret} onOpenChange={(open) => !open && onClose()} variant="confirmation">
      <Prompt.Content className="z-[100] max-w-[560px]" data-testid="secret-dialog">
        <Prompt.Header>
          <Prompt.Title>Webhook secret{supplierName ? ` for ${supplierName}` : ""}</Prompt.Title>
          <Prompt.Description>
            Give this secret to the supplier: it signs the orders we send and verifies the webhooks they send back.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-3 px-6 pt-4">
          <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-2 rounded-md border px-3 py-2">
            <Code className="break-all" data-testid="webhook-secret">
              {secret}
            </Code>
            {secret && (
              <Copy content={secret} asChild>
                <Button variant="secondary" size="small" type="button">
                  Copy
                </Button>
              </Copy>
            )}
          </div>
          <Text size="small" weight="plus" className="text-ui-fg-error">
            Copy it now: it will not be shown again. If it is lost, rotate the secret and send the new one to the supplier.
          </Text>
        </div>
        <Prompt.Footer>
          <Prompt.Action onClick={onClose}>I have copied it</Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
