import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { zipSync, type Zippable } from "fflate"
import type { UploadedFile } from "../../src/core"

export const MODELS_DIR = join(__dirname, "../../../../../shared/data/3d")
export const SHOE_DIR = join(MODELS_DIR, "MaterialsVariantsShoe")

export const modelUpload = (name: string): UploadedFile => ({ name, bytes: new Uint8Array(readFileSync(join(MODELS_DIR, name))) })

export const shoeFiles = (): Record<string, Uint8Array> =>
  Object.fromEntries(readdirSync(SHOE_DIR).map((name) => [name, new Uint8Array(readFileSync(join(SHOE_DIR, name)))]))

/** Level 0 (stored) keeps the test fast; the pipeline must not care how entries were compressed. */
export const zipUpload = (name: string, files: Zippable, level: 0 | 1 | 6 = 0): UploadedFile => ({ name, bytes: zipSync(files, { level }) })
