/**
 * One model of the product: its state in words (a badge, and for a model in the works its
 * progress and stage), its levels of detail and size once ready, the reason when it failed,
 * and what can be done with it.
 */
import { ArrowPath, Star, Trash } from "@medusajs/icons"
import { Button, Table, Text } from "@medusajs/ui"
import { useId, useState } from "react"
import { errorMessage, useDeleteModel, useModelAction } from "../lib/api"
import { STATUS_LABEL, formatBoxCm, formatBytes, formatCount, formatDateTime, stageWords } from "../lib/format"
import type { AdminLod, AdminModel, ModelStatus } from "../lib/types"
import { ConfirmDialog, ErrorNote, Facts, Note, Pill, ProgressBar, type BadgeColor, type Notify } from "./ui"

const NOTIFY_TITLE = "3D model"

const STATUS_COLOR: Record<ModelStatus, BadgeColor> = { queued: "grey", processing: "blue", ready: "green", failed: "red" }

export const StatusPill = ({ model }: { model: AdminModel }) => {
  const text = model.status === "processing" ? `${STATUS_LABEL.processing} ${model.progress}%` : STATUS_LABEL[model.status]
  return (
    <Pill color={STATUS_COLOR[model.status]} data-testid="model-status" data-status={model.status}>
      {text}
    </Pill>
  )
}

const textureText = (px: number) => (px > 0 ? `${formatCount(px)} px` : "none")

const LodTable = ({ lods }: { lods: AdminLod[] }) => {
  return (
    <Table data-testid="model-lods">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Level</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Triangles</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Vertices</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Size</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Largest texture</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {lods.map((lod) => (
          <Table.Row key={lod.level} data-testid="model-lod" data-level={String(lod.level)}>
            <Table.Cell>
              <a href={lod.url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                LOD{lod.level}
              </a>
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums" data-column="triangles">
              {formatCount(lod.triangles)}
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums" data-column="vertices">
              {formatCount(lod.vertices)}
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums" data-column="bytes">
              {formatBytes(lod.bytes)}
            </Table.Cell>
            <Table.Cell className="text-right tabular-nums" data-column="texture">
              {textureText(lod.max_texture_px)}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/**
 * A preview without a 3D viewer: the admin bundle stays small (model-viewer is the storefront's),
 * and the merchant can still open the full-detail GLB in any viewer.
 */
const Preview = ({ lod }: { lod: AdminLod }) => {
  return (
    <div className="bg-ui-bg-subtle flex flex-wrap items-center justify-between gap-3 rounded-md px-4 py-3" data-testid="model-preview">
      <Text size="small" className="text-ui-fg-subtle">
        Full detail: {formatCount(lod.triangles)} triangles, {formatBytes(lod.bytes)}, textures up to {textureText(lod.max_texture_px)}.
      </Text>
      <a href={lod.url} target="_blank" rel="noreferrer" className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
        Open LOD0
      </a>
    </div>
  )
}

export const ModelCard = ({ model, notify }: { model: AdminModel; notify: Notify }) => {
  const headingId = useId()
  const retry = useModelAction(model.id, "retry")
  const primary = useModelAction(model.id, "primary")
  const remove = useDeleteModel(model.id)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const lod0 = model.lods.find((l) => l.level === 0) ?? model.lods[0]
  const box = formatBoxCm(model.bbox)
  const compression = typeof model.metadata?.compression === "string" ? model.metadata.compression : null
  const stage = stageWords(model.stage)

  const failed = (what: string) => (e: unknown) => {
    const message = errorMessage(e)
    setActionError(`${what}: ${message}`)
    notify.error(NOTIFY_TITLE, message)
  }
  const doRetry = () => {
    setActionError(null)
    retry.mutate({}, { onSuccess: () => notify.success(NOTIFY_TITLE, `${model.original_name} is queued again`), onError: failed("Not retried") })
  }
  const doPrimary = () => {
    setActionError(null)
    primary.mutate({}, { onSuccess: () => notify.success(NOTIFY_TITLE, `${model.original_name} is now the primary model`), onError: failed("Not made primary") })
  }
  const doDelete = () => {
    setConfirmDelete(false)
    setActionError(null)
    remove.mutate(undefined, { onSuccess: () => notify.success(NOTIFY_TITLE, `${model.original_name} deleted`), onError: failed("Not deleted") })
  }

  return (
    <article
      aria-labelledby={headingId}
      className="border-ui-border-base flex flex-col gap-y-3 rounded-md border px-4 py-3"
      data-testid="model-card"
      data-model-id={model.id}
      data-status={model.status}
      data-primary={String(model.is_primary)}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Text size="small" weight="plus" className="break-all" id={headingId}>
            {model.original_name}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Uploaded {formatDateTime(model.created_at)}, {formatBytes(model.master_bytes)}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          {model.is_primary && (
            <Pill color="purple" data-testid="model-primary">
              Primary
            </Pill>
          )}
          <StatusPill model={model} />
        </div>
      </div>

      {model.status === "queued" && (
        <Text size="small" className="text-ui-fg-subtle" role="status" data-testid="model-queued">
          Queued: processing starts when the models before it are done.
          {model.error ? ` The last try stopped: ${model.error}` : ""}
        </Text>
      )}

      {model.status === "processing" && (
        <div role="status" data-testid="model-processing" data-stage={model.stage ?? ""}>
          <ProgressBar label={`Processing ${model.original_name}`} percent={model.progress} detail={stage ? `Processing: ${stage}` : "Processing"} />
          <Text size="xsmall" className="text-ui-fg-subtle mt-1">
            It can be deleted once processing has finished.
          </Text>
        </div>
      )}

      {model.status === "failed" && (
        <ErrorNote
          title="Processing failed"
          message={model.error || "The server gave no reason."}
          data-testid="model-error"
          action={
            <Button size="small" variant="secondary" type="button" onClick={doRetry} isLoading={retry.isLoading} aria-label={`Retry ${model.original_name}`}>
              <ArrowPath /> Retry
            </Button>
          }
        />
      )}

      {model.status === "ready" && (
        <div className="flex flex-col gap-y-3" data-testid="model-ready">
          {lod0 ? <Preview lod={lod0} /> : <Note>Processing finished without levels of detail.</Note>}
          <Facts
            items={[
              { label: "Size (width × height × depth)", value: box ?? "unknown", testId: "model-bbox" },
              { label: "Levels of detail", value: String(model.lods.length) },
              ...(compression ? [{ label: "Geometry compression", value: compression }] : []),
              { label: "Original upload", value: formatBytes(model.master_bytes) },
            ]}
          />
          {model.lods.length > 0 && <LodTable lods={[...model.lods].sort((a, b) => a.level - b.level)} />}
        </div>
      )}

      {actionError && <ErrorNote message={actionError} data-testid="model-action-error" />}

      <div className="flex flex-wrap justify-end gap-2">
        {!model.is_primary && (
          <Button size="small" variant="secondary" type="button" onClick={doPrimary} isLoading={primary.isLoading} aria-label={`Set as primary: ${model.original_name}`}>
            <Star /> Set as primary
          </Button>
        )}
        <Button
          size="small"
          variant="transparent"
          type="button"
          onClick={() => setConfirmDelete(true)}
          isLoading={remove.isLoading}
          disabled={model.status === "processing"}
          title={model.status === "processing" ? "A model can be deleted once processing has finished" : undefined}
          aria-label={`Delete ${model.original_name}`}
        >
          <Trash /> Delete
        </Button>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete ${model.original_name}?`}
        description={
          model.is_primary
            ? "Its file and every level of detail are deleted. The product's next model, if any, becomes the primary one."
            : "Its file and every level of detail are deleted."
        }
        confirmLabel="Delete model"
        onConfirm={doDelete}
      />
    </article>
  )
}
