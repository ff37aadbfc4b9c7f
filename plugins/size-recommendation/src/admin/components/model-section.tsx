/**
 * Settings > Size charts: the size model that turns fit reviews into advice: its state, when
 * and on how much it was trained, how long that took, its last error, and "Retrain now"
 * (POST /admin/size-recommendation, which answers when the training is done).
 */
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { ArrowPath } from "@medusajs/icons"
import { useEffect, useState } from "react"
import { errorMessage, useRetrain, useSizeModel } from "../lib/api"
import { formatDateTime, formatDuration, plural, relativeTime } from "../lib/chart"
import type { ModelState } from "../lib/types"
import { ErrorNote, Facts, Loading, Note, Pill, Spinner, type BadgeColor, type Notify } from "./ui"

const STATE_LABEL: Record<ModelState, string> = { untrained: "Not trained yet", training: "Training", ready: "Ready", failed: "Failed" }
const STATE_COLOR: Record<ModelState, BadgeColor> = { untrained: "grey", training: "blue", ready: "green", failed: "red" }

/** Seconds since the retraining started, while it runs. */
function useElapsed(running: boolean): number {
  const [started, setStarted] = useState<number | null>(null)
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (!running) {
      setStarted(null)
      return
    }
    setStarted(Date.now())
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [running])
  return started === null ? 0 : Math.max(0, Math.floor((now - started) / 1000))
}

export const ModelSection = ({ notify }: { notify: Notify }) => {
  const { data, isLoading, isError, error, refetch } = useSizeModel()
  const retrain = useRetrain()
  const [retrainError, setRetrainError] = useState<string | null>(null)
  const model = data?.model
  const training = retrain.isLoading || model?.state === "training"
  const elapsed = useElapsed(training)

  const retrainNow = () => {
    setRetrainError(null)
    retrain.mutate(undefined, {
      onSuccess: ({ model: m }) => notify.success("Size model", `Trained on ${plural(m.reviews, "fit review")} in ${formatDuration(m.training_ms)}`),
      onError: (e) => {
        const message = errorMessage(e)
        setRetrainError(message)
        notify.error("Size model", message)
      },
    })
  }

  return (
    <Container data-testid="size-model">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Size model</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Learns from fit reviews ("runs small", "true to size") and shoppers' measurements how each product fits, and adjusts the size advice on product pages. It
            retrains by itself when reviews or measurements change.
          </Text>
        </div>
        <Button size="small" variant="secondary" className="shrink-0" onClick={retrainNow} isLoading={retrain.isLoading} disabled={isLoading || training}>
          <ArrowPath /> Retrain now
        </Button>
      </div>

      {isLoading ? (
        <Loading label="Loading the model's state…" />
      ) : isError || !model ? (
        <ErrorNote
          title="Could not load the size model's state"
          message={errorMessage(error)}
          action={
            <Button size="small" variant="secondary" onClick={() => refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-y-4">
          {training && (
            <div className="flex items-center gap-x-2" aria-live="polite" data-testid="model-training">
              <Spinner />
              <Text size="small" className="text-ui-fg-subtle">
                Training on every fit review… {elapsed > 0 ? `${elapsed} s` : ""}
              </Text>
            </div>
          )}
          <Facts
            data-testid="model-facts"
            items={[
              {
                label: "State",
                testId: "model-state",
                value: (
                  <Pill color={STATE_COLOR[model.state] ?? "grey"} data-state={model.state}>
                    {STATE_LABEL[model.state] ?? model.state}
                  </Pill>
                ),
              },
              {
                label: "Trained",
                testId: "model-trained-at",
                value: model.trained_at ? (
                  <span title={formatDateTime(model.trained_at)} data-trained-at={model.trained_at}>
                    {formatDateTime(model.trained_at)} ({relativeTime(model.trained_at)})
                  </span>
                ) : (
                  "Never"
                ),
              },
              { label: "Fit reviews", testId: "model-reviews", value: model.reviews.toLocaleString("en-IN") },
              { label: "Products", testId: "model-products", value: model.products.toLocaleString("en-IN") },
              { label: "Shoppers", testId: "model-shoppers", value: model.shoppers.toLocaleString("en-IN") },
              { label: "Training time", testId: "model-training-ms", value: formatDuration(model.training_ms) },
            ]}
          />
          {model.state === "ready" && !model.learned && (
            <Note>Too few fit reviews to learn from yet: size advice rests on the size charts and shoppers' measurements alone.</Note>
          )}
          {model.last_error && (
            <ErrorNote
              title={model.state === "failed" ? "Training failed" : "The last training failed (the model trained before it is still in use)"}
              message={model.last_error}
              data-testid="model-last-error"
            />
          )}
          {retrainError && retrainError !== model.last_error && <ErrorNote title="Retraining failed" message={retrainError} />}
        </div>
      )}
    </Container>
  )
}
