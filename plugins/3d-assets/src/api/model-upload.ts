import fs from "fs"
import os from "os"
import path from "path"
import multer from "multer"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ProductModelService from "../services/product-model"

const UPLOAD_DIR = path.join(os.tmpdir(), "medusa-3d-uploads")

/**
 * Receives the multipart upload onto disk (streamed: a 100 MB model never sits in memory)
 * and answers the ways it can go wrong before the route runs: too large (413, the rest of
 * the body is not read), no file or another field (400). The file is removed once the
 * answer has gone, whatever the answer was (accepted models are stored by then).
 */
export function receiveModelUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const service = req.scope.resolve<ProductModelService>("productModelService")
  const limitMb = Math.round(service.maxUploadBytes / 1024 / 1024)
  const upload = multer({ dest: UPLOAD_DIR, limits: { fileSize: service.maxUploadBytes, files: 1, fields: 5 } }).single("file")
  upload(req, res, (error: unknown) => {
    const file = (req as MedusaRequest & { file?: { path: string } }).file
    if (file) res.once("close", () => fs.rm(file.path, { force: true }, () => {}))
    if (!error) return next()
    const e = error as { code?: string; message?: string }
    if (e.code === "LIMIT_FILE_SIZE") {
      res.status(413).json({ type: "too_large", message: `The file is larger than the ${limitMb} MB limit for 3D models` })
    } else if (e.code && e.code.startsWith("LIMIT_")) {
      res.status(400).json({ type: "invalid_data", message: `Upload one model in the form field "file" (${e.message ?? e.code})` })
    } else if (/multipart|unexpected end of form|boundary|malformed part header/i.test(e.message ?? "")) {
      res.status(400).json({ type: "invalid_data", message: `Send the model as multipart/form-data with the form field "file": ${e.message}` })
    } else next(error)
  })
}
