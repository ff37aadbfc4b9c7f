/** How the widget words models, sizes and refusals for the merchant. No React here. */
import type { AdminModel, ModelStatus, RefusalBody } from "./types"

export { plural, formatDateTime } from "@fashion/plugin-kit/admin"

const count = new Intl.NumberFormat("en-IN")
const oneDecimal = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 1 })

export const formatCount = (n: number) => count.format(n)

/** Binary units, as the server words its limit ("the limit is 100 MB"), so both agree on a file's size. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–"
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`
  return `${oneDecimal.format(bytes / (1024 * 1024))} MB`
}

/** Width × height × depth in cm from a box in metres (glTF's +Y is up); null without a box. */
export function boxSizeCm(bbox: AdminModel["bbox"]): { width: number; height: number; depth: number } | null {
  if (!bbox || bbox.min.length < 3 || bbox.max.length < 3) return null
  const cm = (axis: number) => Math.abs(bbox.max[axis] - bbox.min[axis]) * 100
  return { width: cm(0), height: cm(1), depth: cm(2) }
}

export function formatBoxCm(bbox: AdminModel["bbox"]): string | null {
  const size = boxSizeCm(bbox)
  if (!size) return null
  return `${oneDecimal.format(size.width)} × ${oneDecimal.format(size.height)} × ${oneDecimal.format(size.depth)} cm`
}

export const STATUS_LABEL: Record<ModelStatus, string> = {
  queued: "Queued",
  processing: "Processing",
  ready: "Ready",
  failed: "Failed",
}

export const isInFlight = (m: Pick<AdminModel, "status">) => m.status === "queued" || m.status === "processing"

const STAGE_WORDS: Record<string, string> = {
  queued: "waiting for its turn",
  starting: "starting",
  validate: "checking the model",
  read: "reading the model",
  clean: "cleaning up the geometry",
  lod0: "building LOD0 (full detail)",
  lod1: "building LOD1 (about half the triangles)",
  lod2: "building LOD2 (about 15% of the triangles)",
  // The pipeline is done but the files are still being stored; the status flips once they are.
  done: "storing the files",
}

export const stageWords = (stage: string | null): string | null => (stage ? (STAGE_WORDS[stage] ?? stage) : null)

const REFUSAL_TITLE: Record<string, string> = {
  unsupported_format: "Not a 3D model the store can use",
  unsafe_zip: "The zip is not safe to open",
  zip_bomb: "The zip unpacks to far more than it holds",
  missing_resource: "Files the model needs are missing",
  invalid_model: "The model has errors",
  too_large: "The file is too large",
  processing_error: "The file could not be checked",
}

export type Refusal = { title: string; message: string; problems: string[]; code: string | null }

/** What the server said about a refused upload, as a title and sentences. */
export function refusalFrom(status: number, body: RefusalBody | string | null): Refusal {
  const parsed = body && typeof body === "object" ? body : null
  const code = parsed?.type ?? (status === 413 ? "too_large" : null)
  const problems = (parsed?.problems ?? []).map((p) => p.message).filter((m) => typeof m === "string" && m.trim() !== "")
  const message =
    parsed?.message ??
    (typeof body === "string" && body.trim() ? body.trim().slice(0, 300) : status === 413 ? "The file is larger than the server accepts." : `The server answered ${status}.`)
  const title = (code && REFUSAL_TITLE[code]) || (status === 404 ? "This product was not found" : "The file was not accepted")
  return { title, message, problems, code }
}

export const ACCEPTED_EXTENSIONS = [".glb", ".gltf", ".zip"]

/** The check the server makes first, made before a byte is sent. */
export function notAModelFile(name: string): string | null {
  const lower = name.toLowerCase()
  if (ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext))) return null
  return `${name} is not a model file: upload a .glb, or a .zip holding a .gltf with its .bin and textures.`
}
