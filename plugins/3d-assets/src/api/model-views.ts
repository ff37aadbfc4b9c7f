import type { MedusaRequest } from "@medusajs/medusa"
import { pathId } from "@fashion/plugin-kit"
import type { ProductModel } from "../models/product-model"

/** A model as the admin sees it: everything but the storage keys. */
export function adminModel(m: ProductModel) {
  return {
    id: m.id,
    product_id: m.product_id,
    status: m.status,
    progress: m.progress,
    stage: m.stage,
    error: m.error,
    attempts: m.attempts,
    is_primary: m.is_primary,
    original_name: m.original_name,
    master_url: m.master_url,
    master_bytes: Number(m.master_bytes),
    lods: m.lods.map((l) => ({ level: l.level, url: l.url, bytes: l.bytes, triangles: l.triangles, vertices: l.vertices, max_texture_px: l.max_texture_px })),
    bbox: m.bbox,
    metadata: m.metadata,
    created_at: m.created_at,
    updated_at: m.updated_at,
  }
}

export const modelId = (req: MedusaRequest) => pathId(req.params.id, (id) => `No 3D model with id ${id}`)
