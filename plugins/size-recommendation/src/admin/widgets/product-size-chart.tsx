/**
 * Product page: the size chart the product's page uses. Its own chart (edit it in place, or
 * delete it), else the chart of its most specific category that has one (found as the store
 * finds it: its own categories first, then their parents), with "Create a chart for this
 * product" prefilled from that category chart.
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { ChartEditor } from "../components/chart-editor"
import { ChartTable } from "../components/chart-table"
import { ConfirmDialog } from "../components/dialogs"
import { Empty, ErrorNote, Loading, Note } from "../components/ui"
import { errorMessage, useAllCategories, useCategoryCharts, useDeleteChart, useProductCategoryIds, useSaveChart, useSizeCharts } from "../lib/api"
import { blankForm, categoryPath, chartLookupOrder, chartToForm } from "../lib/chart"
import type { SizeChart } from "../lib/types"

const NOTIFY_TITLE = "Size chart"

type Mode = "view" | "edit" | "create"

const ProductSizeChartWidget = ({ product, notify }: ProductDetailsWidgetProps) => {
  const own = useSizeCharts({ product_id: product.id })
  const categoryIds = useProductCategoryIds(product as unknown as { id: string; categories?: { id: string }[] | null })
  const allCategories = useAllCategories()
  const save = useSaveChart()
  const remove = useDeleteChart()
  const [mode, setMode] = useState<Mode>("view")
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [deleteError, setDeleteError] = useState<string | null>(null)

  const byId = useMemo(() => new Map((allCategories.data ?? []).map((c) => [c.id, c])), [allCategories.data])
  // Without the category list (still loading, or refused) only the product's own categories are searched.
  const categoriesReady = !allCategories.isLoading
  const order = useMemo(() => {
    if (!categoryIds.ids || !categoriesReady) return []
    const parentOf = new Map<string, string | null>([...byId.values()].map((c) => [c.id, c.parent_category_id ?? null]))
    return chartLookupOrder(categoryIds.ids, parentOf)
  }, [categoryIds.ids, categoriesReady, byId])
  const categoryCharts = useCategoryCharts(order)
  const searching = categoryIds.isLoading || !categoriesReady || categoryCharts.some((q) => q.isLoading)
  const lookupError = categoryIds.error ?? categoryCharts.find((q) => q.isError)?.error ?? null
  const inherited: SizeChart | null = useMemo(() => {
    for (const q of categoryCharts) {
      const chart = q.data?.size_charts[0]
      if (chart) return chart
    }
    return null
  }, [categoryCharts])

  const ownChart = own.data?.size_charts[0] ?? null
  const editInitial = useMemo(() => (ownChart ? chartToForm(ownChart) : null), [ownChart])
  const createInitial = useMemo(() => (inherited ? chartToForm(inherited) : blankForm()), [inherited])
  const inheritedName = inherited?.category_id ? categoryPath(inherited.category_id, byId) || inherited.category_handle || inherited.category_id : ""

  const doDelete = () => {
    if (!ownChart) return
    setConfirmDelete(false)
    setDeleteError(null)
    remove.mutate(ownChart.id, {
      onSuccess: () => notify.success(NOTIFY_TITLE, "This product's chart was deleted"),
      onError: (e) => {
        const message = errorMessage(e)
        setDeleteError(message)
        notify.error(NOTIFY_TITLE, message)
      },
    })
  }

  const body = () => {
    if (own.isLoading) return <Loading label="Loading the size chart…" />
    if (own.isError)
      return (
        <ErrorNote
          title="Could not load the size chart"
          message={errorMessage(own.error)}
          action={
            <Button size="small" variant="secondary" onClick={() => own.refetch()}>
              Try again
            </Button>
          }
        />
      )

    if (mode === "edit" && ownChart && editInitial)
      return (
        <ChartEditor
          key={ownChart.id}
          initial={editInitial}
          requireChange
          save={(content) => save.mutateAsync({ id: ownChart.id, body: content })}
          onCancel={() => setMode("view")}
          onSaved={() => {
            notify.success(NOTIFY_TITLE, "Chart saved")
            setMode("view")
          }}
        />
      )

    if (mode === "create" && !ownChart)
      return (
        <ChartEditor
          initial={createInitial}
          submitLabel="Create chart"
          save={(content) => save.mutateAsync({ body: { product_id: product.id, ...content } })}
          onCancel={() => setMode("view")}
          onSaved={() => {
            notify.success(NOTIFY_TITLE, "Chart created for this product")
            setMode("view")
          }}
        >
          <Note>
            {inherited
              ? `Prefilled from the chart of ${inheritedName}: change what differs for this product (it may run small, or be longer).`
              : "A new chart: fill in the ranges of each size."}
          </Note>
        </ChartEditor>
      )

    if (ownChart)
      return (
        <div className="flex flex-col gap-y-4" data-testid="product-own-chart">
          <Text size="small" className="text-ui-fg-subtle">
            This product's own chart: its page uses it rather than its category's chart.
          </Text>
          <ChartTable chart={ownChart} data-testid="product-chart-table" />
          {deleteError && <ErrorNote title="Not deleted" message={deleteError} />}
          <div className="flex justify-end gap-x-2">
            <Button size="small" variant="transparent" onClick={() => setConfirmDelete(true)} isLoading={remove.isLoading}>
              <Trash /> Delete
            </Button>
            <Button size="small" variant="secondary" onClick={() => setMode("edit")}>
              <PencilSquare /> Edit chart
            </Button>
          </div>
        </div>
      )

    const createButton = (
      <Button size="small" variant="secondary" onClick={() => setMode("create")} disabled={searching}>
        <Plus /> Create a chart for this product
      </Button>
    )
    if (searching) return <Loading label="Looking for a category chart…" />
    return (
      <div className="flex flex-col gap-y-4">
        {lookupError && <ErrorNote title="Could not look up the category charts" message={errorMessage(lookupError)} />}
        {inherited ? (
          <div className="flex flex-col gap-y-4" data-testid="product-inherited-chart" data-category={inherited.category_handle ?? ""}>
            <Text size="small" className="text-ui-fg-subtle">
              No chart of its own: its page uses the chart of the category <span className="text-ui-fg-base txt-compact-small-plus">{inheritedName}</span>
              {inherited.category_handle ? ` (${inherited.category_handle})` : ""}.
            </Text>
            <ChartTable chart={inherited} data-testid="product-chart-table" />
          </div>
        ) : (
          !lookupError && <Empty>No size chart applies to this product: its page shows no size guide.</Empty>
        )}
        <div className="flex items-center justify-end gap-x-3">
          {inherited && (
            <Link to="/a/settings/size-charts" className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              Edit the category's chart in Settings
            </Link>
          )}
          {createButton}
        </div>
      </div>
    )
  }

  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="product-size-chart">
      <div className="mb-4">
        <Heading level="h2">Size chart</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The measurements of each size, shown as the Size guide on the product page (cm or inches) and used for size advice.
        </Text>
      </div>
      {body()}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete this product's chart?"
        description="The product then uses its category's chart, if there is one, or shows no size guide."
        confirmLabel="Delete chart"
        onConfirm={doDelete}
      />
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default ProductSizeChartWidget
