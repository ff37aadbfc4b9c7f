/**
 * Product page: the product's 3D models. Upload one (a refused file says why), follow its
 * processing into levels of detail, then see what the store will serve; retry a failed one,
 * choose the primary one, delete.
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { ModelCard } from "../components/model-card"
import { Empty, ErrorNote, Loading } from "../components/ui"
import { UploadPanel } from "../components/upload-panel"
import { errorMessage, useProductModels } from "../lib/api"
import { isInFlight, plural } from "../lib/format"

const Product3dModelsWidget = ({ product, notify }: ProductDetailsWidgetProps) => {
  const { data, isLoading, isError, error, refetch, isFetching } = useProductModels(product.id)
  const models = data?.models ?? []
  const inFlight = models.filter(isInFlight).length

  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="product-3d-models">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">3D models</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The product in 3D for the store's viewer. Each upload is checked, optimised, and reduced to levels of detail, so phones load
            a lighter file.
          </Text>
        </div>
        <Button size="small" variant="transparent" className="shrink-0" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
          Refresh
        </Button>
      </div>

      <div className="flex flex-col gap-y-4">
        <UploadPanel productId={product.id} notify={notify} />

        {isLoading ? (
          <Loading label="Loading the 3D models…" />
        ) : isError ? (
          <ErrorNote
            title="Could not load the 3D models"
            message={errorMessage(error)}
            action={
              <Button size="small" variant="secondary" onClick={() => refetch()}>
                Try again
              </Button>
            }
          />
        ) : models.length === 0 ? (
          <Empty>No 3D model for this product yet.</Empty>
        ) : (
          <div className="flex flex-col gap-y-3" data-testid="model-list">
            <Text size="xsmall" className="text-ui-fg-subtle" aria-live="polite">
              {plural(models.length, "model")}
              {inFlight > 0 ? `, ${inFlight} being processed (this view updates itself)` : ""}. The primary model is the one the product page shows.
            </Text>
            {models.map((m) => (
              <ModelCard key={m.id} model={m} notify={notify} />
            ))}
          </div>
        )}
      </div>
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default Product3dModelsWidget
