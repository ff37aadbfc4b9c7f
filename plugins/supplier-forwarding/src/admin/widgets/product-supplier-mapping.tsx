/**
 * Product page: which supplier fulfils each variant, under which supplier SKU and at
 * what cost, edited together and saved in one request; margin against the INR price.
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Container, Heading, Input, Table, Text, clx } from "@medusajs/ui"
import { useMedusa } from "medusa-react"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { ErrorNote, Loading, NativeSelect } from "../components/ui"
import { errorMessage, usePluginPost, useProductMappings, useRefreshSupplierData, useSuppliers } from "../lib/api"
import { formatMoney, minorToInput, parseMoney } from "../lib/format"
import type { VariantMapping } from "../lib/types"

type MappingInput = { variant_id: string; supplier_code: string; supplier_sku: string; cost_price: number; currency_code?: string }
type Row = { supplier_code: string; supplier_sku: string; cost: string }
type VariantLike = { id: string; title: string; sku?: string | null; prices?: { currency_code: string; amount: number; price_list_id?: string | null; region_id?: string | null }[] }

const emptyRow: Row = { supplier_code: "", supplier_sku: "", cost: "" }

function rowFromMapping(m: VariantMapping | undefined, codeById: Map<string, string>): Row {
  if (!m) return emptyRow
  return { supplier_code: m.supplier?.code ?? codeById.get(m.supplier_id) ?? "", supplier_sku: m.supplier_sku, cost: minorToInput(m.cost_price) }
}

function rowError(row: Row): string | null {
  if (!row.supplier_code) return null
  if (!row.supplier_sku.trim()) return "Enter the supplier's SKU"
  const cost = parseMoney(row.cost)
  if (cost === null) return "Enter the cost price"
  if (Number.isNaN(cost)) return "Cost: a number such as 450 or 450.50"
  return null
}

const sameRow = (a: Row, b: Row) => a.supplier_code === b.supplier_code && a.supplier_sku.trim() === b.supplier_sku.trim() && parseMoney(a.cost) === parseMoney(b.cost)

/** The variant's own INR price (not a price list's). */
function inrPrice(variant: VariantLike): number | null {
  const prices = (variant.prices ?? []).filter((p) => p.currency_code?.toLowerCase() === "inr" && !p.price_list_id)
  return (prices.find((p) => !p.region_id) ?? prices[0])?.amount ?? null
}

const ProductSupplierMappingWidget = ({ product, notify }: ProductDetailsWidgetProps) => {
  const { client } = useMedusa()
  const refresh = useRefreshSupplierData()
  const upsert = usePluginPost<{ mappings: MappingInput[]; replace: boolean }, { updated: number }>("/supplier-mappings")
  const suppliersQuery = useSuppliers()
  const mappingsQuery = useProductMappings(product.id)
  const variants = useMemo(() => (product.variants ?? []) as unknown as VariantLike[], [product.variants])
  const suppliers = suppliersQuery.data?.suppliers ?? []
  const codeById = useMemo(() => new Map(suppliers.map((s) => [s.id, s.code])), [suppliers])
  const mappingByVariant = useMemo(() => new Map((mappingsQuery.data?.mappings ?? []).map((m) => [m.variant_id, m])), [mappingsQuery.data])

  const initial = useMemo(() => Object.fromEntries(variants.map((v) => [v.id, rowFromMapping(mappingByVariant.get(v.id), codeById)])), [variants, mappingByVariant, codeById])
  const [rows, setRows] = useState<Record<string, Row>>(initial)
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [showErrors, setShowErrors] = useState(false)
  useEffect(() => setRows(initial), [initial])

  const setRow = (variantId: string, patch: Partial<Row>) => setRows((r) => ({ ...r, [variantId]: { ...(r[variantId] ?? emptyRow), ...patch } }))
  const changed = variants.filter((v) => !sameRow(rows[v.id] ?? emptyRow, initial[v.id] ?? emptyRow))
  const errors = Object.fromEntries(variants.map((v) => [v.id, rowError(rows[v.id] ?? emptyRow)]))
  const hasErrors = changed.some((v) => errors[v.id])

  const applyFirstToAll = () => {
    const first = rows[variants[0]?.id]
    if (!first?.supplier_code) return
    setRows((r) => Object.fromEntries(variants.map((v) => [v.id, { ...(r[v.id] ?? emptyRow), supplier_code: first.supplier_code, cost: r[v.id]?.cost || first.cost }])))
  }

  const save = async () => {
    setShowErrors(true)
    setSaveError(null)
    if (hasErrors || !changed.length) return
    const upserts = changed.filter((v) => rows[v.id].supplier_code)
    const removals = changed.filter((v) => !rows[v.id].supplier_code && mappingByVariant.has(v.id))
    setSaving(true)
    try {
      if (upserts.length) {
        await upsert.mutateAsync({
          mappings: upserts.map((v) => ({
            variant_id: v.id,
            supplier_code: rows[v.id].supplier_code,
            supplier_sku: rows[v.id].supplier_sku.trim(),
            cost_price: parseMoney(rows[v.id].cost) as number,
            currency_code: mappingByVariant.get(v.id)?.currency_code ?? "inr",
          })),
          replace: true,
        })
      }
      // Unmapping is one DELETE per variant (rare: a variant moved off dropshipping).
      for (const v of removals) await client.admin.custom.delete(`/supplier-mappings/${v.id}`)
      notify.success("Suppliers", `Saved the supplier of ${changed.length} variant(s)`)
      setShowErrors(false)
      await refresh()
    } catch (e) {
      setSaveError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const loading = suppliersQuery.isLoading || mappingsQuery.isLoading
  const loadError = suppliersQuery.error || mappingsQuery.error
  const activeSuppliers = suppliers.filter((s) => s.is_active)

  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="supplier-mapping-widget">
      <div className="mb-4">
        <Heading level="h2">Suppliers</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Which dropship supplier fulfils each variant, under their SKU, and what it costs us (₹, before tax and shipping). The margin is
          against the variant's INR list price, before sale prices.
        </Text>
      </div>

      {loading ? (
        <Loading label="Loading suppliers…" />
      ) : loadError ? (
        <ErrorNote
          title="Could not load the suppliers of this product"
          message={errorMessage(loadError)}
          action={
            <Button size="small" variant="secondary" onClick={() => void refresh()}>
              Try again
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-y-3">
          {activeSuppliers.length === 0 && (
            <ErrorNote
              message="There are no active suppliers yet."
              action={
                <Link to="/a/settings/suppliers" className="txt-compact-small text-ui-fg-interactive whitespace-nowrap">
                  Add a supplier
                </Link>
              }
            />
          )}
          <div className="-mx-8 overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell className="min-w-[110px]">Variant</Table.HeaderCell>
                  <Table.HeaderCell className="min-w-[150px]">Supplier</Table.HeaderCell>
                  <Table.HeaderCell className="min-w-[140px]">Supplier SKU</Table.HeaderCell>
                  <Table.HeaderCell className="w-[100px] whitespace-nowrap">Cost (₹)</Table.HeaderCell>
                  <Table.HeaderCell className="whitespace-nowrap text-right">Price · margin</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {variants.map((v) => {
                  const row = rows[v.id] ?? emptyRow
                  const error = showErrors || row.supplier_sku || row.cost ? errors[v.id] : null
                  const price = inrPrice(v)
                  const cost = parseMoney(row.cost)
                  const margin = row.supplier_code && price !== null && cost !== null && !Number.isNaN(cost) ? price - cost : null
                  const dirty = !sameRow(row, initial[v.id] ?? emptyRow)
                  // A mapped supplier that is inactive still shows, so the mapping is not lost by accident.
                  const options = suppliers.filter((s) => s.is_active || s.code === row.supplier_code)
                  return (
                    <Table.Row key={v.id} data-variant-id={v.id} className={clx(dirty && "bg-ui-bg-subtle")}>
                      <Table.Cell className="align-top">
                        <div className="flex flex-col py-2">
                          <span className="text-ui-fg-base">{v.title}</span>
                          {v.sku && <span className="txt-compact-xsmall text-ui-fg-muted whitespace-nowrap">{v.sku}</span>}
                        </div>
                      </Table.Cell>
                      <Table.Cell className="py-2 align-top">
                        <NativeSelect aria-label={`Supplier of ${v.title}`} value={row.supplier_code} onChange={(e) => setRow(v.id, { supplier_code: e.target.value })}>
                          <option value="">No supplier</option>
                          {options.map((s) => (
                            <option key={s.id} value={s.code}>
                              {`${s.code} – ${s.name}${s.is_active ? "" : " (inactive)"}`}
                            </option>
                          ))}
                        </NativeSelect>
                        {error && (
                          <Text size="xsmall" className="text-ui-fg-error mt-1">
                            {error}
                          </Text>
                        )}
                      </Table.Cell>
                      <Table.Cell className="py-2 align-top">
                        <Input
                          aria-label={`Supplier SKU of ${v.title}`}
                          value={row.supplier_sku}
                          disabled={!row.supplier_code}
                          placeholder={row.supplier_code ? "e.g. KRT-101-M" : ""}
                          onChange={(e) => setRow(v.id, { supplier_sku: e.target.value })}
                        />
                      </Table.Cell>
                      <Table.Cell className="py-2 align-top">
                        <Input
                          aria-label={`Cost of ${v.title}`}
                          inputMode="decimal"
                          value={row.cost}
                          disabled={!row.supplier_code}
                          placeholder={row.supplier_code ? "450.00" : ""}
                          onChange={(e) => setRow(v.id, { cost: e.target.value })}
                        />
                      </Table.Cell>
                      <Table.Cell className="py-2 text-right align-top">
                        <div className="flex flex-col items-end whitespace-nowrap py-1">
                          <span className="text-ui-fg-base">{price === null ? "–" : formatMoney(price, "inr")}</span>
                          <span className={clx("txt-compact-xsmall", margin !== null && margin < 0 ? "text-ui-fg-error" : "text-ui-fg-subtle")} data-testid="margin">
                            {margin === null || price === null ? "no margin yet" : `${formatMoney(margin, "inr")} (${price > 0 ? Math.round((margin / price) * 100) : 0}%)`}
                          </span>
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
          </div>
          {saveError && <ErrorNote title="Not saved" message={saveError} />}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex items-center gap-x-2">
              {variants.length > 1 && (
                <Button size="small" variant="transparent" onClick={applyFirstToAll} disabled={!rows[variants[0]?.id]?.supplier_code}>
                  Use the first row's supplier for all
                </Button>
              )}
              {changed.length > 0 && (
                <Text size="small" className="text-ui-fg-subtle">
                  {changed.length} unsaved change(s)
                </Text>
              )}
            </div>
            <div className="flex items-center gap-x-2">
              <Button size="small" variant="secondary" onClick={() => setRows(initial)} disabled={!changed.length || saving}>
                Reset
              </Button>
              <Button size="small" variant="primary" onClick={save} isLoading={saving} disabled={!changed.length}>
                Save
              </Button>
            </div>
          </div>
        </div>
      )}
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default ProductSupplierMappingWidget
