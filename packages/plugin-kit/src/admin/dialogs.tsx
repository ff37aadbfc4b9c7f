/** Confirmation dialog (a Radix alert dialog from @medusajs/ui). */
import { Prompt } from "@medusajs/ui"
import type { ReactNode } from "react"

export const ConfirmDialog = ({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = "Go back",
  variant = "danger",
  onConfirm,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: ReactNode
  confirmLabel: string
  cancelLabel?: string
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
          <Prompt.Cancel>{cancelLabel}</Prompt.Cancel>
          <Prompt.Action onClick={onConfirm}>{confirmLabel}</Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
