/** The plugin's admin API as the widget reads it (see src/api/model-views.ts). */

export type ModelStatus = "queued" | "processing" | "ready" | "failed"

export type AdminLod = { level: number; url: string; bytes: number; triangles: number; vertices: number; max_texture_px: number }

export type AdminModel = {
  id: string
  product_id: string
  status: ModelStatus
  /** 0-100 while processing */
  progress: number
  stage: string | null
  /** why it failed, in words */
  error: string | null
  attempts: number
  is_primary: boolean
  original_name: string
  master_url: string
  master_bytes: number
  lods: AdminLod[]
  /** metres */
  bbox: { min: number[]; max: number[] } | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type ModelListResponse = { models: AdminModel[] }
export type ModelResponse = { model: AdminModel }
export type ModelDeleteResponse = { id: string; object: "3d_model"; deleted: boolean }

/** A refused upload (400, 413, 422): `problems` name what is wrong, one sentence each. */
export type RefusalBody = { type?: string; message?: string; problems?: { field: string; message: string }[] }
