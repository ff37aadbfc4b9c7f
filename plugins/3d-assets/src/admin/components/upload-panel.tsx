/**
 * Choosing (or dropping) a model file uploads it at once, with the bytes sent shown as they go;
 * a refusal is shown in the server's words, one sentence per problem.
 */
import { Button, Text, clx } from "@medusajs/ui"
import { useEffect, useId, useRef, useState, type DragEvent } from "react"
import { uploadModel, useApiRoot, useShowUploadedModel, type UploadHandle, type UploadProgress } from "../lib/api"
import { ACCEPTED_EXTENSIONS, formatBytes, notAModelFile, type Refusal } from "../lib/format"
import { ErrorNote, ProgressBar, Spinner, type Notify } from "./ui"

type State =
  | { kind: "idle" }
  | { kind: "sending"; name: string; progress: UploadProgress }
  | { kind: "checking"; name: string; bytes: number }
  | { kind: "refused"; name: string; refusal: Refusal }

const ACCEPT = [...ACCEPTED_EXTENSIONS, "model/gltf-binary", "model/gltf+json", "application/zip"].join(",")

export const UploadPanel = ({ productId, notify }: { productId: string; notify: Notify }) => {
  const apiRoot = useApiRoot()
  const showUploaded = useShowUploadedModel(productId)
  const [state, setState] = useState<State>({ kind: "idle" })
  const [dragging, setDragging] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const current = useRef<UploadHandle | null>(null)
  const hintId = useId()
  const busy = state.kind === "sending" || state.kind === "checking"

  // Leaving the product page stops an upload still under way rather than finishing it unseen.
  useEffect(() => () => current.current?.abort(), [])

  const start = async (file: File | undefined) => {
    if (!file || busy) return
    // The same file may be chosen again after a fix elsewhere: clear the input so it fires again.
    if (input.current) input.current.value = ""
    const wrongType = notAModelFile(file.name)
    if (wrongType) {
      setState({ kind: "refused", name: file.name, refusal: { title: "Not a 3D model file", message: wrongType, problems: [], code: "unsupported_format" } })
      return
    }
    setState({ kind: "sending", name: file.name, progress: { loaded: 0, total: file.size } })
    const handle = uploadModel(apiRoot, productId, file, {
      onProgress: (progress) => setState((s) => (s.kind === "sending" ? { ...s, progress } : s)),
      onSentAll: () => setState({ kind: "checking", name: file.name, bytes: file.size }),
    })
    current.current = handle
    const result = await handle.done
    if (current.current !== handle) return
    current.current = null
    if (result.ok) {
      setState({ kind: "idle" })
      notify.success("3D model", `${file.name} uploaded: it is being processed`)
      showUploaded(result.model)
    } else if (result.refusal.code === "cancelled") {
      setState({ kind: "idle" })
    } else {
      setState({ kind: "refused", name: file.name, refusal: result.refusal })
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    void start(e.dataTransfer.files?.[0])
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="model-upload" data-state={state.kind}>
      <div
        className={clx("rounded-md border border-dashed px-4 py-4", dragging ? "border-ui-border-interactive bg-ui-bg-highlight" : "border-ui-border-strong")}
        onDragOver={(e) => {
          e.preventDefault()
          if (!busy) setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="flex flex-wrap items-center gap-3">
          <input
            ref={input}
            id={`${hintId}-file`}
            type="file"
            accept={ACCEPT}
            className="hidden"
            aria-label="3D model file"
            aria-describedby={hintId}
            data-testid="model-file-input"
            disabled={busy}
            onChange={(e) => void start(e.target.files?.[0])}
          />
          <Button size="small" variant="secondary" type="button" disabled={busy} onClick={() => input.current?.click()} aria-describedby={hintId}>
            Upload a 3D model
          </Button>
          <Text size="small" className="text-ui-fg-subtle" id={hintId}>
            A .glb, or a .zip holding a .gltf with its .bin and textures (100 MB at most unless the store set another limit). You can also drop the file here.
          </Text>
        </div>
      </div>

      {state.kind === "sending" && (
        <div className="flex items-end gap-x-3" data-testid="upload-progress">
          <div className="min-w-0 flex-1">
            <ProgressBar
              label={`Uploading ${state.name}`}
              percent={state.progress.total > 0 ? (state.progress.loaded / state.progress.total) * 100 : 0}
              detail={`Uploading ${state.name}: ${formatBytes(state.progress.loaded)} of ${formatBytes(state.progress.total)}`}
            />
          </div>
          <Button size="small" variant="transparent" type="button" onClick={() => current.current?.abort()}>
            Cancel upload
          </Button>
        </div>
      )}

      {state.kind === "checking" && (
        <div className="flex items-center gap-x-2" role="status" data-testid="upload-checking">
          <Spinner />
          <Text size="small" className="text-ui-fg-subtle">
            {state.name} ({formatBytes(state.bytes)}) sent; checking that it is a valid, safe model…
          </Text>
        </div>
      )}

      {state.kind === "refused" && (
        <ErrorNote
          title={`${state.name} was not accepted: ${state.refusal.title.charAt(0).toLowerCase()}${state.refusal.title.slice(1)}`}
          message={state.refusal.problems.length > 1 ? "The problems found:" : (state.refusal.problems[0] ?? state.refusal.message)}
          data-testid="upload-refusal"
          data-code={state.refusal.code ?? ""}
          action={
            <Button size="small" variant="transparent" type="button" onClick={() => setState({ kind: "idle" })}>
              Dismiss
            </Button>
          }
        >
          {state.refusal.problems.length > 1 && (
            <ul className="txt-compact-small text-ui-fg-subtle ml-4 mt-1 list-disc">
              {state.refusal.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </ErrorNote>
      )}
    </div>
  )
}
