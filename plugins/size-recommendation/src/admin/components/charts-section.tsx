/**
 * Settings > Size charts: every chart (a category's, used by its products and subcategories,
 * or a single product's), and the editor to create, change or delete one. Category charts
 * are created here; a product's own chart from the product's page (the widget there).
 */
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { errorMessage, useAllCategories, useDeleteChart, useSaveChart, useSizeCharts } from "../lib/api"
import { blankForm, categoryPath, chartToForm, columnLabel, formatDateTime, plural, relativeTime } from "../lib/chart"
import type { Category, SizeChart } from "../lib/types"
import { ChartEditor } from "./chart-editor"
import { ConfirmDialog } from "./dialogs"
import { Empty, ErrorNote, Field, Loading, NativeSelect, Note, type Notify } from "./ui"

const NOTIFY_TITLE = "Size charts"

type Mode = { kind: "list" } | { kind: "edit"; chart: SizeChart } | { kind: "create" }

/** How a chart is named on screen: its category's path and handle, or its product. */
function targetOf(chart: SizeChart, categories: Map<string, Category>) {
  if (chart.category_id) {
    const path = categories.size ? categoryPath(chart.category_id, categories) : ""
    return { kind: "Category", label: path || chart.category_handle || chart.category_id, detail: chart.category_handle ?? chart.category_id }
  }
  return { kind: "Product", label: chart.product_id ?? "–", detail: "" }
}

const ChartRow = ({
  chart,
  categories,
  onEdit,
  onDelete,
  deleting,
}: {
  chart: SizeChart
  categories: Map<string, Category>
  onEdit: () => void
  onDelete: () => void
  deleting: boolean
}) => {
  const target = targetOf(chart, categories)
  const sizes = chart.rows.map((r) => r.size)
  return (
    <Table.Row data-chart-id={chart.id} data-target={chart.category_handle ?? chart.product_id ?? ""} className="[&_td]:align-top">
      <Table.Cell className="py-2">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {target.kind}
        </Text>
        {chart.product_id ? (
          <Link to={`/a/products/${chart.product_id}`} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono">
            {chart.product_id}
          </Link>
        ) : (
          <>
            <Text size="small" weight="plus">
              {target.label}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle font-mono">
              {target.detail}
            </Text>
          </>
        )}
      </Table.Cell>
      <Table.Cell className="whitespace-normal py-2" title={sizes.join(", ")}>
        {sizes.length > 8 ? `${sizes.slice(0, 8).join(", ")}, … (${sizes.length})` : sizes.join(", ")}
      </Table.Cell>
      <Table.Cell className="whitespace-normal py-2">{chart.measurements.map(columnLabel).join(", ")}</Table.Cell>
      <Table.Cell className="whitespace-nowrap py-2" title={formatDateTime(chart.updated_at)}>
        {relativeTime(chart.updated_at) || formatDateTime(chart.updated_at)}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap py-2 text-right">
        <div className="flex justify-end gap-x-2">
          <Button size="small" variant="secondary" onClick={onEdit}>
            <PencilSquare /> Edit
          </Button>
          <Button size="small" variant="transparent" onClick={onDelete} isLoading={deleting} aria-label={`Delete the chart of ${target.label}`}>
            <Trash />
          </Button>
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

export const ChartsSection = ({ notify }: { notify: Notify }) => {
  const { data, isLoading, isError, error, refetch, isFetching } = useSizeCharts()
  const categoriesQuery = useAllCategories()
  const save = useSaveChart()
  const remove = useDeleteChart()
  const [mode, setMode] = useState<Mode>({ kind: "list" })
  const [confirmDelete, setConfirmDelete] = useState<SizeChart | null>(null)
  const [deleteError, setDeleteError] = useState<string | null>(null)
  const [newCategory, setNewCategory] = useState("")
  const [startFrom, setStartFrom] = useState("")

  const categories = useMemo(() => new Map((categoriesQuery.data ?? []).map((c) => [c.id, c])), [categoriesQuery.data])
  const charts = useMemo(() => {
    const list = data?.size_charts ?? []
    const name = (c: SizeChart) => targetOf(c, categories).label.toLowerCase()
    // Category charts by their path, then product charts.
    return [...list].sort((a, b) => Number(!!a.product_id) - Number(!!b.product_id) || name(a).localeCompare(name(b)))
  }, [data, categories])
  const charted = useMemo(() => new Set(charts.map((c) => c.category_id).filter(Boolean)), [charts])
  const categoryOptions = useMemo(
    () =>
      (categoriesQuery.data ?? [])
        .map((c) => ({ id: c.id, label: categoryPath(c.id, categories), handle: c.handle, taken: charted.has(c.id) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [categoriesQuery.data, categories, charted]
  )

  const startCreate = () => {
    setNewCategory("")
    setStartFrom("")
    setMode({ kind: "create" })
  }
  const backToList = () => setMode({ kind: "list" })

  const doDelete = (chart: SizeChart) => {
    setConfirmDelete(null)
    setDeleteError(null)
    remove.mutate(chart.id, {
      onSuccess: () => notify.success(NOTIFY_TITLE, "Chart deleted"),
      onError: (e) => {
        const message = errorMessage(e)
        setDeleteError(message)
        notify.error(NOTIFY_TITLE, message)
      },
    })
  }

  const copySource = charts.find((c) => c.id === startFrom)
  const editing = mode.kind === "edit" ? mode.chart : null
  const editInitial = useMemo(() => (editing ? chartToForm(editing) : null), [editing])
  const createInitial = useMemo(() => (copySource ? chartToForm(copySource) : blankForm()), [copySource])

  return (
    <Container data-testid="size-charts-section">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">{mode.kind === "edit" ? "Edit size chart" : mode.kind === "create" ? "New category chart" : "Size charts"}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {mode.kind === "list"
              ? "A category's chart is used by every product in it and in its subcategories; a product's own chart (made on the product's page) comes first."
              : "Body measurements per size as min – max ranges in centimetres; the product page shows them in cm or inches."}
          </Text>
        </div>
        {mode.kind === "list" && (
          <div className="flex shrink-0 gap-x-2">
            <Button size="small" variant="transparent" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
              Refresh
            </Button>
            <Button size="small" variant="secondary" onClick={startCreate} disabled={isLoading || isError}>
              <Plus /> New chart
            </Button>
          </div>
        )}
      </div>

      {mode.kind === "edit" ? (
        <div className="flex flex-col gap-y-4">
          <Note>
            {(() => {
              const t = targetOf(mode.chart, categories)
              return mode.chart.product_id ? `Product ${mode.chart.product_id}: this product's own chart.` : `Category ${t.label} (${t.detail}): used by its products and subcategories without a chart of their own.`
            })()}
          </Note>
          <ChartEditor
            key={mode.chart.id}
            initial={editInitial ?? chartToForm(mode.chart)}
            requireChange
            save={(content) => save.mutateAsync({ id: mode.chart.id, body: content })}
            onCancel={backToList}
            onSaved={() => {
              notify.success(NOTIFY_TITLE, "Chart saved")
              backToList()
            }}
          />
        </div>
      ) : mode.kind === "create" ? (
        <ChartEditor
          key={startFrom || "blank"}
          initial={createInitial}
          submitLabel="Create chart"
          canSave={!!newCategory}
          save={(content) => save.mutateAsync({ body: { category_id: newCategory, ...content } })}
          onCancel={backToList}
          onSaved={() => {
            notify.success(NOTIFY_TITLE, "Chart created")
            backToList()
          }}
        >
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field
              label="Category"
              htmlFor="size-chart-category"
              hint={categoriesQuery.isLoading ? "Loading categories…" : "Categories that already have a chart are listed but cannot be picked: edit their chart instead."}
              error={categoriesQuery.isError ? `Could not load the categories: ${errorMessage(categoriesQuery.error)}` : undefined}
            >
              <NativeSelect id="size-chart-category" value={newCategory} onChange={(e) => setNewCategory(e.target.value)} disabled={categoriesQuery.isLoading}>
                <option value="">Choose a category…</option>
                {categoryOptions.map((c) => (
                  <option key={c.id} value={c.id} disabled={c.taken}>
                    {c.label} ({c.handle}){c.taken ? " – has a chart" : ""}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field label="Start from" htmlFor="size-chart-start" hint="A copy of another chart, to change what differs.">
              <NativeSelect id="size-chart-start" value={startFrom} onChange={(e) => setStartFrom(e.target.value)}>
                <option value="">Blank chart (bust, waist, hips; XS – XL)</option>
                {charts.map((c) => (
                  <option key={c.id} value={c.id}>
                    Copy of {targetOf(c, categories).label}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          </div>
        </ChartEditor>
      ) : isLoading ? (
        <Loading label="Loading size charts…" />
      ) : isError ? (
        <ErrorNote
          title="Could not load the size charts"
          message={errorMessage(error)}
          action={
            <Button size="small" variant="secondary" onClick={() => refetch()}>
              Try again
            </Button>
          }
        />
      ) : charts.length === 0 ? (
        <Empty>No size charts yet. Create one for a category, or for a product on its page.</Empty>
      ) : (
        <div className="flex flex-col gap-y-3">
          {deleteError && <ErrorNote title="Not deleted" message={deleteError} />}
          <div className="-mx-8 overflow-x-auto">
            <Table data-testid="size-charts-list">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Applies to</Table.HeaderCell>
                  <Table.HeaderCell>Sizes</Table.HeaderCell>
                  <Table.HeaderCell>Measurements</Table.HeaderCell>
                  <Table.HeaderCell>Updated</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {charts.map((c) => (
                  <ChartRow
                    key={c.id}
                    chart={c}
                    categories={categories}
                    onEdit={() => setMode({ kind: "edit", chart: c })}
                    onDelete={() => setConfirmDelete(c)}
                    deleting={remove.isLoading && remove.variables === c.id}
                  />
                ))}
              </Table.Body>
            </Table>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {plural(charts.filter((c) => c.category_id).length, "category chart")}, {plural(charts.filter((c) => c.product_id).length, "product chart")}.
          </Text>
        </div>
      )}

      <ConfirmDialog
        open={!!confirmDelete}
        onOpenChange={(open) => !open && setConfirmDelete(null)}
        title="Delete this size chart?"
        description={
          confirmDelete?.product_id
            ? "The product then uses its category's chart, if there is one."
            : "Its products then use a parent category's chart, if there is one, or show no size guide."
        }
        confirmLabel="Delete chart"
        onConfirm={() => confirmDelete && doDelete(confirmDelete)}
      />
    </Container>
  )
}
