/** Confirmation and one-time-secret dialogs (Radix alert dialogs from @medusajs/ui). */
import { Button, Code, Copy, Prompt, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

export const ConfirmDialog = ({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  variant = "danger",
  onConfirm,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: ReactNode
  confirmLabel: string
  variant?: "danger" | "confirmation"
  onConfirm: () => void
  children?: ReactNode
}) => {
  return (
    <Prompt open={open} onOpenChange={onOpenChange} variant={variant}>
      <Prompt.Content className="z-[100]">
        <Prompt.Header>
          <Prompt.Title>{title}</Prompt.Title>
          <Prompt.Description asChild>
            <div>{description}</div>
          </Prompt.Description>
        </Prompt.Header>
        {children && <div className="px-6 pt-4">{children}</div>}
        <Prompt.Footer>
          <Prompt.Cancel>Cancel</Prompt.Cancel>
          <Prompt.Action onClick={onConfirm}>{confirmLabel}</Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

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
