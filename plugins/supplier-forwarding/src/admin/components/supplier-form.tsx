/**
 * Create or edit a supplier, in a drawer. Mirrors the API's validation so most mistakes
 * are caught before sending, and maps the API's "field: problem" messages onto fields.
 */
import { Button, Drawer, Input, Switch, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, usePluginPost } from "../lib/api"
import { INTEGRATION_LABEL } from "../lib/format"
import { INTEGRATIONS, type Integration, type Supplier } from "../lib/types"
import { ErrorNote, Field, NativeSelect } from "./ui"

type FormState = {
  code: string
  name: string
  integration: Integration
  endpoint: string
  email: string
  whatsapp: string
  phone: string
  contact_name: string
  address: string
  city: string
  state: string
  pincode: string
  pickup_location: string
  processing_days: string
  auto_forward: boolean
  is_active: boolean
}

const TEXT_FIELDS = ["endpoint", "email", "whatsapp", "phone", "contact_name", "address", "city", "state", "pincode", "pickup_location"] as const

function toForm(s?: Supplier | null): FormState {
  return {
    code: s?.code ?? "",
    name: s?.name ?? "",
    integration: s?.integration ?? "api",
    endpoint: s?.endpoint ?? "",
    email: s?.email ?? "",
    whatsapp: s?.whatsapp ?? "",
    phone: s?.phone ?? "",
    contact_name: s?.contact_name ?? "",
    address: s?.address ?? "",
    city: s?.city ?? "",
    state: s?.state ?? "",
    pincode: s?.pincode ?? "",
    pickup_location: s?.pickup_location ?? "",
    processing_days: String(s?.processing_days ?? 2),
    auto_forward: s?.auto_forward ?? true,
    is_active: s?.is_active ?? true,
  }
}

/** Client-side checks, the same rules as the API's. */
export function validateSupplierForm(f: FormState, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {}
  if (creating && !/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(f.code.trim())) errors.code = "2-40 capital letters, digits and dashes, e.g. SURAT-API"
  if (!f.name.trim()) errors.name = "Required"
  if (f.integration === "api" && !f.endpoint.trim()) errors.endpoint = "Required for API integration"
  if (f.endpoint.trim() && !/^https?:\/\/\S+$/.test(f.endpoint.trim())) errors.endpoint = "An http(s) URL"
  if (f.integration === "email" && !f.email.trim()) errors.email = "Required for email integration"
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) errors.email = "An email address"
  if (f.integration === "whatsapp" && !f.whatsapp.trim()) errors.whatsapp = "Required for WhatsApp integration"
  if (f.whatsapp.trim() && !/^\+[0-9]{8,15}$/.test(f.whatsapp.trim())) errors.whatsapp = "International format, e.g. +919876543210"
  if (f.phone.trim() && !/^\+?[0-9 ()-]{6,20}$/.test(f.phone.trim())) errors.phone = "A phone number such as +91 98765 43210"
  if (f.pincode.trim() && !/^[1-9][0-9]{5}$/.test(f.pincode.trim())) errors.pincode = "A 6-digit Indian pincode"
  const days = Number(f.processing_days)
  if (!/^\d+$/.test(f.processing_days.trim()) || days > 60) errors.processing_days = "Whole days, 0 to 60"
  return errors
}

/** "Invalid supplier: endpoint: is required for integration api; email: Invalid email" -> per field. */
export function fieldErrorsFromMessage(message: string): Record<string, string> {
  const body = message.replace(/^Invalid supplier:\s*/, "")
  const out: Record<string, string> = {}
  for (const part of body.split(/;\s*/)) {
    const m = /^([a-z_]+):\s*(.+)$/.exec(part.trim())
    if (m) out[m[1]] = m[2]
  }
  return out
}

function toBody(f: FormState, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: f.name.trim(),
    integration: f.integration,
    processing_days: Number(f.processing_days),
    auto_forward: f.auto_forward,
    is_active: f.is_active,
  }
  if (creating) body.code = f.code.trim()
  for (const k of TEXT_FIELDS) {
    const v = f[k].trim()
    // On create an empty field is left out; on edit it is cleared.
    if (v) body[k] = v
    else if (!creating) body[k] = null
  }
  return body
}

export const SupplierFormDrawer = ({
  open,
  onOpenChange,
  supplier,
  onCreated,
  onSaved,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** null: create a new supplier */
  supplier: Supplier | null
  onCreated: (supplier: Supplier, secret: string) => void
  onSaved: (supplier: Supplier) => void
}) => {
  const creating = !supplier
  const [form, setForm] = useState<FormState>(toForm(supplier))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const create = usePluginPost<Record<string, unknown>, { supplier: Supplier; secret: string }>("/suppliers")
  const update = usePluginPost<Record<string, unknown>, { supplier: Supplier }>(`/suppliers/${supplier?.id ?? "_"}`)

  useEffect(() => {
    if (open) {
      setForm(toForm(supplier))
      setErrors({})
      setServerError(null)
    }
  }, [open, supplier])

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const found = validateSupplierForm(form, creating)
    setErrors(found)
    setServerError(null)
    if (Object.keys(found).length) return
    const onError = (err: unknown) => {
      const message = errorMessage(err)
      const byField = fieldErrorsFromMessage(message)
      setErrors(byField)
      setServerError(message)
    }
    if (creating) create.mutate(toBody(form, true), { onSuccess: (res) => onCreated(res.supplier, res.secret), onError })
    else update.mutate(toBody(form, false), { onSuccess: (res) => onSaved(res.supplier), onError })
  }

  const text = (key: (typeof TEXT_FIELDS)[number] | "name" | "code" | "processing_days", label: string, props: { placeholder?: string; hint?: string; type?: string; required?: boolean } = {}) => (
    <Field label={`${label}${props.required ? " *" : ""}`} htmlFor={`supplier-${key}`} hint={props.hint} error={errors[key]}>
      <Input
        id={`supplier-${key}`}
        name={key}
        type={props.type ?? "text"}
        placeholder={props.placeholder}
        value={form[key] as string}
        aria-invalid={!!errors[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  )

  const busy = create.isLoading || update.isLoading
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      {/* The admin's Tailwind config has no breakpoints (screens: {}), so Drawer's sm: width classes do not apply: set them here. */}
      <Drawer.Content className="left-auto right-2 z-[100] max-w-[560px]" data-testid="supplier-form">
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{creating ? "Add supplier" : `Edit ${supplier?.name}`}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {serverError && !Object.keys(errors).length && <ErrorNote title="Not saved" message={serverError} />}
            <div className="grid grid-cols-2 gap-4">
              {creating ? (
                text("code", "Code", { placeholder: "SURAT-API", hint: "Fixed once created; used in CSV imports", required: true })
              ) : (
                <Field label="Code">
                  <Input value={supplier?.code ?? ""} disabled />
                </Field>
              )}
              {text("name", "Name", { placeholder: "Surat Silk House", required: true })}
            </div>
            <Field label="Integration *" htmlFor="supplier-integration" hint="How orders reach this supplier" error={errors.integration}>
              <NativeSelect id="supplier-integration" name="integration" value={form.integration} onChange={(e) => set("integration", e.target.value as Integration)}>
                {INTEGRATIONS.map((i) => (
                  <option key={i} value={i}>
                    {INTEGRATION_LABEL[i]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            {text("endpoint", "Webhook endpoint", { placeholder: "https://supplier.example.com/webhooks/orders", required: form.integration === "api", hint: "Signed orders are POSTed here" })}
            <div className="grid grid-cols-2 gap-4">
              {text("email", "Email", { type: "email", placeholder: "orders@supplier.in", required: form.integration === "email" })}
              {text("whatsapp", "WhatsApp", { placeholder: "+919876543210", required: form.integration === "whatsapp" })}
              {text("contact_name", "Contact name", { placeholder: "Ramesh Patel" })}
              {text("phone", "Phone", { placeholder: "+91 98765 43210" })}
            </div>
            <Field label="Address" htmlFor="supplier-address" error={errors.address}>
              <Textarea id="supplier-address" name="address" value={form.address} onChange={(e) => set("address", e.target.value)} rows={2} />
            </Field>
            <div className="grid grid-cols-3 gap-4">
              {text("city", "City", { placeholder: "Surat" })}
              {text("state", "State", { placeholder: "Gujarat" })}
              {text("pincode", "Pincode", { placeholder: "395003" })}
            </div>
            <div className="grid grid-cols-2 gap-4">
              {text("pickup_location", "Shiprocket pickup location", { placeholder: "SURAT-WH1", hint: "Nickname of the pickup address at Shiprocket" })}
              {text("processing_days", "Processing days", { type: "number", hint: "Days the supplier needs before dispatch" })}
            </div>
            <div className="flex items-start justify-between gap-x-4 rounded-md border px-4 py-3">
              <div>
                <Label htmlFor="supplier-auto-forward" size="small" weight="plus">
                  Forward orders automatically
                </Label>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Off: orders wait in the manual queue until you send them.
                </Text>
              </div>
              <Switch id="supplier-auto-forward" checked={form.auto_forward} onCheckedChange={(v) => set("auto_forward", v)} />
            </div>
            <div className="flex items-start justify-between gap-x-4 rounded-md border px-4 py-3">
              <div>
                <Label htmlFor="supplier-active" size="small" weight="plus">
                  Active
                </Label>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  An inactive supplier receives no new orders.
                </Text>
              </div>
              <Switch id="supplier-active" checked={form.is_active} onCheckedChange={(v) => set("is_active", v)} />
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button type="submit" isLoading={busy}>
              {creating ? "Create supplier" : "Save"}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
