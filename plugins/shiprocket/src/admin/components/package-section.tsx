/**
 * Settings: the default parcel (dimensions in cm, weight of an item without one, packaging
 * weight) used for rates and bookings. Validated as the API does before it is sent.
 */
import { Button, Container, Heading, Input, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { errorMessage, usePluginPost } from "../lib/api"
import { PACKAGE_FIELDS, packageToForm, samePackage, validatePackageForm, type PackageField, type PackageForm } from "../lib/format"
import type { PackageDefaults, ShiprocketSettings } from "../lib/types"
import type { Notify } from "./shipment-card"
import { ErrorNote, Field } from "./ui"

export const PackageSection = ({ settings, notify }: { settings: ShiprocketSettings; notify: Notify }) => {
  const save = usePluginPost<{ package: PackageDefaults }, ShiprocketSettings>("/shiprocket/settings")
  const initial = useMemo(() => packageToForm(settings.package), [settings.package])
  const [form, setForm] = useState<PackageForm>(initial)
  const [touched, setTouched] = useState<Partial<Record<PackageField, boolean>>>({})
  const [showAll, setShowAll] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  useEffect(() => setForm(initial), [initial])

  const { values, errors } = validatePackageForm(form)
  const dirty = PACKAGE_FIELDS.some((f) => form[f.key].trim() !== initial[f.key])
  const unchanged = !dirty || samePackage(values, settings.package)

  const submit = () => {
    setShowAll(true)
    setSaveError(null)
    if (!values || unchanged) return
    save.mutate(
      { package: values },
      {
        onSuccess: () => {
          setShowAll(false)
          setTouched({})
          notify.success("Shiprocket", "Default package saved")
        },
        onError: (e) => setSaveError(errorMessage(e)),
      }
    )
  }

  return (
    <Container data-testid="shiprocket-package">
      <div className="mb-4">
        <Heading level="h2">Default package</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The parcel assumed for rates, delivery dates and bookings. Couriers bill on the greater of the actual and the volumetric weight
          (L × B × H / 5000 kg), so keep the dimensions close to the real box.
        </Text>
      </div>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        className="flex flex-col gap-y-4"
      >
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {PACKAGE_FIELDS.map((f) => {
            const id = `shiprocket-package-${f.key}`
            const error = showAll || touched[f.key] ? errors[f.key] : undefined
            return (
              <Field key={f.key} label={`${f.label} (${f.unit})`} htmlFor={id} hint={f.hint || undefined} error={error}>
                <Input
                  id={id}
                  name={f.key}
                  inputMode="decimal"
                  value={form[f.key]}
                  aria-invalid={!!error}
                  onChange={(e) => setForm((prev) => ({ ...prev, [f.key]: e.target.value }))}
                  onBlur={() => setTouched((t) => ({ ...t, [f.key]: true }))}
                />
              </Field>
            )
          })}
        </div>
        {saveError && <ErrorNote title="Not saved" message={saveError} />}
        <div className="flex items-center justify-end gap-x-2">
          <Button
            size="small"
            variant="secondary"
            type="button"
            disabled={!dirty || save.isLoading}
            onClick={() => {
              setForm(initial)
              setTouched({})
              setShowAll(false)
              setSaveError(null)
            }}
          >
            Reset
          </Button>
          <Button size="small" variant="primary" type="submit" isLoading={save.isLoading} disabled={unchanged}>
            Save
          </Button>
        </div>
      </form>
    </Container>
  )
}
