/**
 * 3D models (medusa-plugin-3d-assets) on the real server: a merchant uploads the real
 * models in ../shared/data/3d, they are checked before anything is stored, processed in
 * the background into three levels of detail that validate, and served to the store. Bad
 * uploads (a JPEG renamed .glb, a truncated GLB, a zip escaping its folder, too large, not
 * a model) get a 4xx with the reason in words and leave nothing behind.
 */
import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { zipSync } from "fflate"
import { adminToken, api, stackInfo } from "../harness/api"
import { eventually } from "../harness/orders"

const MODELS = path.resolve(__dirname, "../../../../shared/data/3d")
let auth: Record<string, string>
let productId: string
let otherProductId: string

type AdminModel = { id: string; original_name: string; status: string; progress: number; stage: string | null; error: string | null; is_primary: boolean; lods: { level: number; url: string; bytes: number; triangles: number; max_texture_px: number }[]; bbox: { min: number[]; max: number[] } | null; metadata: any; master_url: string }

async function upload(product: string, name: string, bytes: Uint8Array, headers = auth) {
  const form = new FormData()
  form.append("file", new Blob([new Uint8Array(bytes)]), name)
  const res = await fetch(`${stackInfo().baseUrl}/admin/products/${product}/3d-models`, { method: "POST", headers, body: form })
  return { status: res.status, body: await res.json().catch(() => null) }
}

const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(MODELS, name)))
const models = async (product: string) => (await api("GET", `/admin/products/${product}/3d-models`, { headers: auth })).body.models as AdminModel[]

async function untilSettled(id: string): Promise<AdminModel> {
  return eventually(`3D model ${id} processed`, async () => {
    const { body } = await api("GET", `/admin/3d-models/${id}`, { headers: auth })
    return body.model.status === "ready" || body.model.status === "failed" ? body.model : undefined
  }, 120_000)
}

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  const products = (await api("GET", "/store/products?limit=2")).body.products
  productId = products[0].id
  otherProductId = products[1].id
})

afterAll(async () => {
  for (const product of [productId, otherProductId]) for (const m of await models(product)) await api("DELETE", `/admin/3d-models/${m.id}`, { headers: auth })
})

describe("a real model, uploaded and processed", () => {
  let fox: AdminModel

  test("Fox.glb is accepted, processed with progress into three valid levels of detail, and kept as uploaded", async () => {
    const res = await upload(productId, "Fox.glb", read("Fox.glb"))
    expect(res.status).toBe(202)
    expect(res.body.model).toMatchObject({ status: "queued", is_primary: true, original_name: "Fox.glb", master_bytes: 162852 })
    fox = await untilSettled(res.body.model.id)
    expect(fox.error).toBeNull()
    expect(fox).toMatchObject({ status: "ready", progress: 100 })
    expect(fox.lods.map((l) => l.level)).toEqual([0, 1, 2])
    expect(fox.lods[0].triangles).toBe(576)
    expect(fox.lods[1].triangles).toBeLessThan(fox.lods[0].triangles)
    expect(fox.lods[2].triangles).toBeLessThan(fox.lods[1].triangles)
    for (const lod of fox.lods) {
      const file = await fetch(lod.url)
      expect(file.status).toBe(200)
      const bytes = new Uint8Array(await file.arrayBuffer())
      expect(Buffer.from(bytes.slice(0, 4)).toString()).toBe("glTF")
      expect(bytes.byteLength).toBe(lod.bytes)
    }
    expect(fox.bbox!.max[1]).toBeGreaterThan(fox.bbox!.min[1])
    expect(fox.metadata.lods.every((l: { validation: { errors: number } }) => l.validation.errors === 0)).toBe(true)
    // The master is the upload, byte for byte.
    const master = new Uint8Array(await (await fetch(fox.master_url)).arrayBuffer())
    expect(Buffer.compare(Buffer.from(master), Buffer.from(read("Fox.glb")))).toBe(0)
  })

  test("the store lists the ready model with its levels of detail, primary first", async () => {
    const res = await api("GET", `/store/products/${productId}/3d-models`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual([{ id: fox.id, lods: fox.lods.map(({ level, url, bytes, triangles }) => ({ level, url, bytes, triangles })), bbox: fox.bbox, poster_url: null }])
    expect((await api("GET", `/store/products/prod_nope/3d-models`)).status).toBe(404)
  })

  test("a .gltf with its .bin and textures, zipped, keeps its material variants", async () => {
    const dir = path.join(MODELS, "MaterialsVariantsShoe")
    const zip = zipSync(Object.fromEntries(fs.readdirSync(dir).map((f) => [`shoe/${f}`, new Uint8Array(fs.readFileSync(path.join(dir, f)))])), { level: 0 })
    const res = await upload(productId, "shoe.zip", zip)
    expect(res.status).toBe(202)
    const shoe = await untilSettled(res.body.model.id)
    expect(shoe.error).toBeNull()
    expect(shoe.status).toBe("ready")
    expect(shoe.is_primary).toBe(false)
    expect(shoe.metadata.input.extensionsUsed).toContain("KHR_materials_variants")
    // The biggest real model (7.8 MB in all) is processed well within 1 GiB, measured in its child process.
    expect(shoe.metadata.peak_memory_mb).toBeGreaterThan(0)
    expect(shoe.metadata.peak_memory_mb).toBeLessThan(1024)
    for (const lod of shoe.lods) expect(lod.max_texture_px).toBeLessThanOrEqual(2048)

    // Set as primary: the store lists it first.
    expect((await api("POST", `/admin/3d-models/${shoe.id}/primary`, { headers: auth })).body.model.is_primary).toBe(true)
    expect((await api("GET", `/store/products/${productId}/3d-models`)).body.map((m: { id: string }) => m.id)).toEqual([shoe.id, fox.id])

    // Delete: its files go too, and the other model is primary again.
    expect((await api("DELETE", `/admin/3d-models/${shoe.id}`, { headers: auth })).body).toEqual({ id: shoe.id, object: "3d_model", deleted: true })
    expect((await fetch(shoe.lods[0].url)).status).toBe(404)
    expect((await fetch(shoe.master_url)).status).toBe(404)
    expect((await models(productId)).map((m) => [m.id, m.is_primary])).toEqual([[fox.id, true]])
  })

  test("a failed model can be retried from the admin", async () => {
    const res = await upload(otherProductId, "SunglassesKhronos.glb", read("SunglassesKhronos.glb"))
    const model = await untilSettled(res.body.model.id)
    expect(model.status).toBe("ready")
    expect((await api("POST", `/admin/3d-models/${model.id}/retry`, { headers: auth })).status).toBe(400)
    // As if its processing had failed (storage down): the merchant retries and it is processed again.
    const db = new Client({ connectionString: stackInfo().databaseUrl })
    await db.connect()
    await db.query(`UPDATE product_3d_model SET status = 'failed', error = 'Processing could not finish: storage unavailable', lods = '[]' WHERE id = $1`, [model.id])
    await db.end()
    const retried = await api("POST", `/admin/3d-models/${model.id}/retry`, { headers: auth })
    expect(retried.status).toBe(200)
    expect(retried.body.model).toMatchObject({ error: null })
    expect(["queued", "processing", "ready"]).toContain(retried.body.model.status)
    const again = await untilSettled(model.id)
    expect(again).toMatchObject({ status: "ready", error: null })
    expect(again.lods).toHaveLength(3)
  })
})

describe("uploads that are refused", () => {
  // The server's temporary files: received uploads, and the work folders of checks and runs.
  const leftovers = () => [
    ...(fs.existsSync(path.join(os.tmpdir(), "medusa-3d-uploads")) ? fs.readdirSync(path.join(os.tmpdir(), "medusa-3d-uploads")) : []),
    ...fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("medusa-3d-") && f !== "medusa-3d-uploads"),
  ]

  const refused = async (name: string, bytes: Uint8Array, status: number, type: string, message: RegExp) => {
    const before = (await models(otherProductId)).length
    const filesBefore = new Set(leftovers())
    const res = await upload(otherProductId, name, bytes)
    expect(res.status).toBe(status)
    expect(res.body.type).toBe(type)
    expect(res.body.message).toMatch(message)
    expect((await models(otherProductId)).length).toBe(before)
    // Nothing half-processed stays behind: the upload's temporary file is gone too.
    await eventually("the refused upload's temporary files removed", async () => leftovers().every((f) => filesBefore.has(f)), 10_000)
  }

  test("a JPEG renamed .glb", () => refused("broken_jpeg_renamed.glb", read("broken_jpeg_renamed.glb"), 422, "unsupported_format", /JPEG image, not a 3D model/))

  test("a truncated GLB, with the validator's reason in words", () => refused("broken_truncated_SunglassesKhronos.glb", read("broken_truncated_SunglassesKhronos.glb"), 422, "invalid_model", /ends in the middle of its binary data/))

  test("a zip whose file names leave their folder", () => refused("evil.zip", zipSync({ "model.gltf": new TextEncoder().encode("{}"), "../evil.bin": new Uint8Array(4) }), 422, "unsafe_zip", /\.\.\/evil\.bin|outside/i))

  test("a zip bomb (40 MB of zeros packed into a few kB) is refused while it inflates", () => {
    const gltf = new TextEncoder().encode(JSON.stringify({ asset: { version: "2.0" }, buffers: [{ uri: "model.bin", byteLength: 40 * 1024 * 1024 }] }))
    const bomb = zipSync({ "model.gltf": gltf, "model.bin": new Uint8Array(40 * 1024 * 1024) }, { level: 9 })
    expect(bomb.byteLength).toBeLessThan(200_000)
    return refused("bomb.zip", bomb, 422, "zip_bomb", /expands far more than real model files/)
  })

  test("a file over the 100 MB limit is refused with a 413", async () => {
    const big = new Uint8Array(101 * 1024 * 1024)
    big.set(new TextEncoder().encode("glTF"), 0)
    const res = await upload(otherProductId, "huge.glb", big)
    expect(res.status).toBe(413)
    expect(res.body.message).toMatch(/larger than the 100 MB limit/)
  })

  test("a 99 MB upload neither crashes the server nor holds up its other requests", async () => {
    // GLB-shaped but not a model: received to disk, then checked in a child process.
    const big = new Uint8Array(99 * 1024 * 1024)
    new DataView(big.buffer).setUint32(0, 0x46546c67, true)
    new DataView(big.buffer).setUint32(4, 2, true)
    new DataView(big.buffer).setUint32(8, big.byteLength, true)
    const uploading = upload(otherProductId, "big.glb", big)
    // Shoppers keep being answered while it is received and checked.
    const others = await Promise.all(Array.from({ length: 5 }, () => fetch(`${stackInfo().baseUrl}/store/products?limit=1`).then((r) => r.status)))
    expect(others).toEqual([200, 200, 200, 200, 200])
    const res = await uploading
    expect(res.status).toBe(422)
    expect(res.body.type).toBe("invalid_model")
    expect((await models(otherProductId)).map((m) => m.original_name)).not.toContain("big.glb")
    expect((await fetch(`${stackInfo().baseUrl}/health`)).status).toBe(200)
  })

  test("not a model, no file, no product, no admin", async () => {
    await refused("notes.txt", new TextEncoder().encode("hello"), 422, "unsupported_format", /not a model/)
    const empty = await fetch(`${stackInfo().baseUrl}/admin/products/${otherProductId}/3d-models`, { method: "POST", headers: auth, body: new FormData() })
    expect(empty.status).toBe(400)
    expect((await upload("prod_nope", "Fox.glb", read("Fox.glb"))).status).toBe(404)
    expect((await upload(otherProductId, "Fox.glb", read("Fox.glb"), {})).status).toBe(401)
  })
})
