/**
 * Settings > Suppliers: the dropship suppliers (create, edit, deactivate, rotate the
 * webhook secret), how well each performs, and a CSV import of product mappings.
 */
import type { SettingConfig, SettingProps } from "@medusajs/admin"
import { ArrowLeft, BuildingsSolid, EllipsisHorizontal } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, IconButton, Table, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ConfirmDialog, SecretDialog } from "../../components/dialogs"
import { MappingImportSection } from "../../components/mapping-import"
import { PerformanceSection } from "../../components/performance-table"
import { SupplierFormDrawer } from "../../components/supplier-form"
import { Empty, ErrorNote, Loading, StatusPill } from "../../components/ui"
import { errorMessage, usePluginPost, useSuppliers } from "../../lib/api"
import { INTEGRATION_LABEL } from "../../lib/format"
import type { Supplier } from "../../lib/types"

type Notify = SettingProps["notify"]

const SupplierRow = ({ supplier, notify, onEdit, onSecret }: { supplier: Supplier; notify: Notify; onEdit: () => void; onSecret: (secret: string) => void }) => {
  const update = usePluginPost<{ is_active: boolean }, { supplier: Supplier }>(`/suppliers/${supplier.id}`)
  const rotate = usePluginPost<Record<string, never>, { supplier: Supplier; secret: string }>(`/suppliers/${supplier.id}/rotate-secret`)
  const [confirm, setConfirm] = useState<null | "deactivate" | "rotate">(null)

  const setActive = (is_active: boolean) =>
    update.mutate(
      { is_active },
      {
        onSuccess: () => notify.success("Suppliers", `${supplier.name} is ${is_active ? "active" : "inactive"}`),
        onError: (e) => notify.error("Suppliers", errorMessage(e)),
      }
    )

  const rotateSecret = () =>
    rotate.mutate({} as never, {
      onSuccess: (res) => onSecret(res.secret),
      onError: (e) => notify.error("Suppliers", errorMessage(e)),
    })

  const target = supplier.integration === "api" ? supplier.endpoint : supplier.integration === "email" ? supplier.email : supplier.integration === "whatsapp" ? supplier.whatsapp : null
  return (
    <Table.Row data-supplier-code={supplier.code} className={clx(!supplier.is_active && "opacity-60")}>
      <Table.Cell className="whitespace-nowrap font-mono">{supplier.code}</Table.Cell>
      <Table.Cell className="min-w-[180px]">
        <div className="flex flex-col py-2">
          <span className="text-ui-fg-base">{supplier.name}</span>
          {(supplier.city || supplier.contact_name) && (
            <span className="txt-compact-xsmall text-ui-fg-muted">{[supplier.contact_name, supplier.city].filter(Boolean).join(" · ")}</span>
          )}
        </div>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{INTEGRATION_LABEL[supplier.integration] ?? supplier.integration}</Table.Cell>
      <Table.Cell className="max-w-[220px] truncate" title={target ?? undefined}>
        {target ?? "–"}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{supplier.auto_forward ? "Yes" : "No: manual queue"}</Table.Cell>
      <Table.Cell>
        <StatusPill status={supplier.is_active ? "delivered" : "cancelled"} label={supplier.is_active ? "Active" : "Inactive"} />
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap text-right">{supplier.processing_days} d</Table.Cell>
      <Table.Cell>
        <div className="flex items-center justify-end gap-x-1 whitespace-nowrap">
          <Button size="small" variant="transparent" onClick={onEdit}>
            Edit
          </Button>
          {/* modal={false}: the menu does not lock the page, so the dialogs it opens get the focus. */}
          <DropdownMenu modal={false}>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={`More actions for ${supplier.name}`} disabled={update.isLoading || rotate.isLoading}>
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end" className="z-[90] min-w-[180px]">
              <DropdownMenu.Item onSelect={() => setConfirm("rotate")}>Rotate webhook secret</DropdownMenu.Item>
              {supplier.is_active ? (
                <DropdownMenu.Item onSelect={() => setConfirm("deactivate")} className="text-ui-fg-error">
                  Deactivate
                </DropdownMenu.Item>
              ) : (
                <DropdownMenu.Item onSelect={() => setActive(true)}>Activate</DropdownMenu.Item>
              )}
            </DropdownMenu.Content>
          </DropdownMenu>
        </div>
        <ConfirmDialog
          open={confirm === "deactivate"}
          onOpenChange={(open) => !open && setConfirm(null)}
          title={`Deactivate ${supplier.name}?`}
          description="New orders will not be forwarded to this supplier; its variants stay mapped. Orders already sent are not affected."
          confirmLabel="Deactivate"
          onConfirm={() => setActive(false)}
        />
        <ConfirmDialog
          open={confirm === "rotate"}
          onOpenChange={(open) => !open && setConfirm(null)}
          title={`Rotate the webhook secret of ${supplier.name}?`}
          description="The current secret stops working at once: webhooks the supplier signs with it are refused, and our orders are signed with the new one. Give the supplier the new secret straight away."
          confirmLabel="Rotate secret"
          onConfirm={rotateSecret}
        />
      </Table.Cell>
    </Table.Row>
  )
}

const SuppliersSettingsPage = ({ notify }: SettingProps) => {
  const { data, isLoading, isError, error, refetch } = useSuppliers()
  const [editing, setEditing] = useState<Supplier | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [secret, setSecret] = useState<{ value: string; name: string } | null>(null)
  const suppliers = data?.suppliers ?? []

  // One grid column that may shrink below its content: wide tables scroll in their card instead of widening the page.
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-y-4 pb-8" data-testid="suppliers-settings">
      <Link to="/a/settings" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1">
        <ArrowLeft /> Back to settings
      </Link>
      <Container>
        <div className="mb-4 flex items-start justify-between gap-x-4">
          <div>
            <Heading level="h1">Suppliers</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Dropship suppliers that receive our orders: by signed API webhook, email purchase order, WhatsApp, or the manual queue.
            </Text>
          </div>
          <Button
            size="small"
            onClick={() => {
              setEditing(null)
              setFormOpen(true)
            }}
          >
            Add supplier
          </Button>
        </div>
        {isLoading ? (
          <Loading label="Loading suppliers…" />
        ) : isError ? (
          <ErrorNote
            title="Could not load the suppliers"
            message={errorMessage(error)}
            action={
              <Button size="small" variant="secondary" onClick={() => refetch()}>
                Try again
              </Button>
            }
          />
        ) : suppliers.length === 0 ? (
          <Empty>No suppliers yet. Add the first one to start forwarding orders.</Empty>
        ) : (
          <div className="-mx-8 overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Code</Table.HeaderCell>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Integration</Table.HeaderCell>
                  <Table.HeaderCell>Endpoint / contact</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap">Auto-forward</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Processing</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {suppliers.map((s) => (
                  <SupplierRow
                    key={s.id}
                    supplier={s}
                    notify={notify}
                    onEdit={() => {
                      setEditing(s)
                      setFormOpen(true)
                    }}
                    onSecret={(value) => setSecret({ value, name: s.name })}
                  />
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </Container>

      <PerformanceSection suppliers={suppliers} />
      <MappingImportSection notify={notify} />

      <SupplierFormDrawer
        open={formOpen}
        onOpenChange={setFormOpen}
        supplier={editing}
        onCreated={(supplier, value) => {
          setFormOpen(false)
          notify.success("Suppliers", `${supplier.name} created`)
          setSecret({ value, name: supplier.name })
        }}
        onSaved={(supplier) => {
          setFormOpen(false)
          notify.success("Suppliers", `${supplier.name} saved`)
        }}
      />
      <SecretDialog secret={secret?.value ?? null} supplierName={secret?.name} onClose={() => setSecret(null)} />
    </div>
  )
}

export const config: SettingConfig = {
  card: {
    label: "Suppliers",
    description: "Dropship suppliers, webhook secrets, performance and product mappings",
    icon: BuildingsSolid,
  },
}

export default SuppliersSettingsPage
