import fs from "fs"
import os from "os"
import path from "path"
import { randomBytes } from "crypto"
import { pipeline } from "stream/promises"
import { Lifetime } from "awilix"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity"
import { formatProblems } from "../core"
import type { WorkerResult } from "../jobs/model-worker"
import { runModelWorker } from "../lib/model-worker-process"
import { ModelStatus, ProductModel, StoredLod } from "../models/product-model"

export type ProductModelOptions = {
  /** Largest upload accepted (MB); default 100. */
  max_upload_mb?: number
  /** A processing run is stopped past this (ms); default 10 minutes. */
  processing_timeout_ms?: number
  /** How often queued models are looked for (ms); an upload starts one at once. Default 5000. */
  processing_interval_ms?: number
  /** false: this process never processes models (another worker does). */
  processor?: boolean
}

type FileServiceLike = {
  upload(file: { path: string; originalname: string; mimetype: string }): Promise<{ url: string; key?: string }>
  delete(file: { fileKey: string }): Promise<unknown>
  getDownloadStream(file: { fileKey: string; isPrivate?: boolean }): Promise<NodeJS.ReadableStream>
}
type LoggerLike = { info(m: string): void; warn(m: string): void; error(m: string): void }

/** A refusal of the upload itself: 413 when too large, 422 otherwise, with the reasons in words. */
export class ModelRejected extends Error {
  constructor(
    readonly code: string,
    readonly problems: { field: string; message: string }[]
  ) {
    super(formatProblems(problems))
  }
  get status(): number {
    return this.code === "too_large" ? 413 : 422
  }
}

const ACCEPTED = /\.(glb|gltf|zip)$/i
/** A run stuck this long in "processing" was lost with its process (a crash, a deploy) and is taken again. */
const STALE_AFTER_MS = 20 * 60_000
const MAX_STORAGE_ATTEMPTS = 3
const MIME: Record<string, string> = { glb: "model/gltf-binary", gltf: "model/gltf+json", zip: "application/zip" }

export type StoreModel = { id: string; lods: { level: number; url: string; bytes: number; triangles: number }[]; bbox: { min: number[]; max: number[] } | null; poster_url: string | null }

/**
 * 3D models of products: accepts an upload (checked in a child process before anything is
 * stored), keeps the original as the master in Medusa's file service, and processes queued
 * models into levels of detail, one at a time per process, recording progress as it goes.
 * A failed run leaves no files behind and can be retried from the admin.
 */
export default class ProductModelService {
  static LIFE_TIME = Lifetime.SINGLETON

  private kickLoop: () => void = () => {}

  constructor(
    private readonly container: Record<string, unknown>,
    private readonly options: ProductModelOptions = {}
  ) {}

  private get manager(): EntityManager {
    return this.container.manager as EntityManager
  }

  private get files(): FileServiceLike {
    return this.container.fileService as FileServiceLike
  }

  get maxUploadBytes(): number {
    return (this.options.max_upload_mb ?? 100) * 1024 * 1024
  }

  /** The processing loop registers itself here, so an upload starts at once. */
  onQueued(kick: () => void): void {
    this.kickLoop = kick
  }

  async listForProduct(productId: string): Promise<ProductModel[]> {
    await this.ensureProduct(productId)
    return this.manager.getRepository(ProductModel).find({ where: { product_id: productId }, order: { is_primary: "DESC", created_at: "ASC" } })
  }

  async retrieve(id: string): Promise<ProductModel> {
    const model = await this.manager.getRepository(ProductModel).findOne({ where: { id } })
    if (!model) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No 3D model with id ${id}`)
    return model
  }

  /**
   * The upload in `file.path` (a temporary file its receiver removes): refused with the
   * reasons unless it is a safe, valid model; else kept as the master and queued.
   */
  async acceptUpload(productId: string, file: { path: string; originalname: string; size: number }): Promise<ProductModel> {
    await this.ensureProduct(productId)
    if (!ACCEPTED.test(file.originalname)) {
      throw new ModelRejected("unsupported_format", [{ field: "file", message: `${file.originalname} is not a model: upload a .glb, or a .zip holding a .gltf with its .bin and textures` }])
    }
    const checked = await runModelWorker({ mode: "check", input_path: file.path, name: file.originalname, limits: { maxUploadBytes: this.maxUploadBytes } }, { timeoutMs: this.options.processing_timeout_ms ?? 10 * 60_000 })
    if (!checked.ok) throw new ModelRejected(checked.code, checked.problems)

    const id = `p3d_${randomBytes(12).toString("hex")}`
    const ext = path.extname(file.originalname).slice(1).toLowerCase()
    const stored = await this.files.upload({ path: file.path, originalname: `3d-models/${id}/master.${ext}`, mimetype: MIME[ext] ?? "application/octet-stream" })
    const model = await this.recordUpload(productId, id, file, stored)
    this.kickLoop()
    return model
  }

  /** The master is stored before its row exists, so a row that cannot be written takes its file with it. */
  private async recordUpload(
    productId: string,
    id: string,
    file: { originalname: string; size: number },
    stored: { url: string; key?: string }
  ): Promise<ProductModel> {
    const repo = this.manager.getRepository(ProductModel)
    try {
      const hasPrimary = (await repo.count({ where: { product_id: productId, is_primary: true } })) > 0
      return await repo.save(
        repo.create({
          id,
          product_id: productId,
          status: "queued",
          progress: 0,
          stage: "queued",
          error: null,
          attempts: 0,
          is_primary: !hasPrimary,
          original_name: file.originalname.slice(0, 200),
          master_url: stored.url,
          master_key: stored.key ?? stored.url,
          master_bytes: file.size,
          lods: [],
          bbox: null,
          metadata: null,
          locked_at: null,
        })
      )
    } catch (error) {
      await this.deleteFiles([stored.key ?? stored.url])
      throw error
    }
  }

  /** Deletes the model and every file of it; the next model becomes primary if this one was. */
  async delete(id: string): Promise<void> {
    const model = await this.retrieve(id)
    if (model.status === "processing") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `3D model ${id} is being processed; delete it once it is ready or failed`)
    await this.deleteFiles([model.master_key, ...model.lods.map((l) => l.key)])
    await this.manager.transaction(async (tx) => {
      await tx.getRepository(ProductModel).delete({ id })
      if (model.is_primary) {
        const [next] = await tx.getRepository(ProductModel).find({ where: { product_id: model.product_id }, order: { created_at: "ASC" }, take: 1 })
        if (next) await tx.getRepository(ProductModel).update({ id: next.id }, { is_primary: true })
      }
    })
  }

  async retry(id: string): Promise<ProductModel> {
    const model = await this.retrieve(id)
    if (model.status !== "failed") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `3D model ${id} is ${model.status}; only a failed model can be retried`)
    await this.manager.getRepository(ProductModel).update({ id, status: "failed" }, { status: "queued", progress: 0, stage: "queued", error: null, locked_at: null, attempts: 0 })
    this.kickLoop()
    return this.retrieve(id)
  }

  async setPrimary(id: string): Promise<ProductModel> {
    const model = await this.retrieve(id)
    await this.manager.transaction(async (tx) => {
      await tx.getRepository(ProductModel).update({ product_id: model.product_id, is_primary: true }, { is_primary: false })
      await tx.getRepository(ProductModel).update({ id }, { is_primary: true })
    })
    return this.retrieve(id)
  }

  /** The ready models of a product the store shows, primary first, in the Store API's shape. */
  async listForStore(productId: string): Promise<StoreModel[]> {
    const [product] = await this.manager.query(`SELECT id FROM product WHERE (id = $1 OR handle = $1) AND deleted_at IS NULL AND status = 'published'`, [productId])
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with id ${productId}`)
    const models = await this.manager.getRepository(ProductModel).find({ where: { product_id: product.id, status: "ready" }, order: { is_primary: "DESC", created_at: "ASC" } })
    return models.map((m) => ({ id: m.id, lods: m.lods.map((l) => ({ level: l.level, url: l.url, bytes: l.bytes, triangles: l.triangles })), bbox: m.bbox, poster_url: null }))
  }

  /** Takes the oldest queued model (or one whose run was lost) and processes it; `more` when others wait. */
  async processNext(): Promise<{ more: boolean }> {
    const [rows]: [ProductModel[], number] = (
      await this.manager.query(
        `UPDATE product_3d_model SET status = 'processing', stage = 'starting', progress = 0, attempts = attempts + 1, locked_at = now(), updated_at = now()
          WHERE id = (SELECT id FROM product_3d_model
                       WHERE status = 'queued' OR (status = 'processing' AND locked_at < now() - ($1 || ' milliseconds')::interval)
                       ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING *`,
        [String(STALE_AFTER_MS)]
      )
    )
    const claimed = rows?.[0]
    if (!claimed) return { more: false }
    await this.process(claimed)
    return { more: true }
  }

  private async process(model: ProductModel): Promise<void> {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-3d-"))
    const uploaded: string[] = []
    try {
      const input = path.join(workDir, `input${path.extname(model.master_key) || ".glb"}`)
      await pipeline(await this.files.getDownloadStream({ fileKey: model.master_key, isPrivate: false }), fs.createWriteStream(input))
      let lastWrite = 0
      const result: WorkerResult = await runModelWorker(
        { mode: "optimize", input_path: input, name: model.original_name, out_dir: path.join(workDir, "out"), limits: { maxUploadBytes: this.maxUploadBytes } },
        {
          timeoutMs: this.options.processing_timeout_ms ?? 10 * 60_000,
          onProgress: (stage, fraction) => {
            if (Date.now() - lastWrite < 500 && fraction < 1) return
            lastWrite = Date.now()
            void this.manager.query(`UPDATE product_3d_model SET stage = $2, progress = $3, locked_at = now() WHERE id = $1 AND status = 'processing'`, [model.id, stage, Math.min(99, Math.round(fraction * 100))]).catch(() => {})
          },
        }
      )
      if (!result.ok) return await this.finish(model.id, "failed", { error: formatProblems(result.problems) })
      if (result.mode !== "optimize") throw new Error("the worker answered a check, not a run")
      const lods: StoredLod[] = []
      for (const lod of result.lods) {
        const stored = await this.files.upload({ path: lod.file, originalname: `3d-models/${model.id}/lod${lod.level}.glb`, mimetype: MIME.glb })
        uploaded.push(stored.key ?? stored.url)
        lods.push({ level: lod.level, url: stored.url, key: stored.key ?? stored.url, bytes: lod.bytes, triangles: lod.triangles, vertices: lod.vertices, max_texture_px: lod.max_texture_px })
      }
      await this.finish(model.id, "ready", { lods, bbox: result.bbox, metadata: result.metadata, error: null })
    } catch (error) {
      // Storage or database trouble: nothing half-done stays; the model is tried again, then failed for the admin.
      await this.deleteFiles(uploaded)
      const message = `Processing could not finish: ${(error as Error).message}`
      this.logger()?.warn(`3D model ${model.id}: ${message}`)
      await this.finish(model.id, model.attempts < MAX_STORAGE_ATTEMPTS ? "queued" : "failed", { error: message })
    } finally {
      fs.rm(workDir, { recursive: true, force: true }, () => {})
    }
  }

  private async finish(id: string, status: ModelStatus, fields: Partial<Pick<ProductModel, "lods" | "bbox" | "metadata" | "error">>): Promise<void> {
    await this.manager.getRepository(ProductModel).update(
      { id },
      { ...fields, status, progress: status === "ready" ? 100 : 0, stage: status === "ready" ? "done" : status, locked_at: null } as QueryDeepPartialEntity<ProductModel>
    )
  }

  private async deleteFiles(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.files.delete({ fileKey: key }).catch((error: Error) => this.logger()?.warn(`3D model file ${key} could not be deleted: ${error.message}`))
    }
  }

  private async ensureProduct(productId: string): Promise<void> {
    const [product] = await this.manager.query(`SELECT id FROM product WHERE id = $1 AND deleted_at IS NULL`, [productId])
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with id ${productId}`)
  }

  private logger(): LoggerLike | null {
    try {
      return this.container.logger as LoggerLike
    } catch {
      return null
    }
  }
}
