/**
 * Reads a GLB the way a viewer would (every KHR/EXT extension, meshopt and Draco decoded) and
 * counts what both tools are judged on: triangles, textures and where the bytes go. Shared by
 * run.mjs and usable alone: `node bench/3d/inspect.mjs file.glb` prints the facts as JSON.
 */
import { readFile } from "node:fs/promises"
import { pathToFileURL } from "node:url"
import { ImageUtils, NodeIO, Primitive } from "@gltf-transform/core"
import { ALL_EXTENSIONS } from "@gltf-transform/extensions"
import { listTextureSlots } from "@gltf-transform/functions"
import { MeshoptDecoder } from "meshoptimizer"
import draco3d from "draco3dgltf"
import validator from "gltf-validator"

let io

async function reader() {
  if (!io) {
    await MeshoptDecoder.ready
    io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({
      "meshopt.decoder": MeshoptDecoder,
      "draco3d.decoder": await draco3d.createDecoderModule(),
    })
  }
  return io
}

// Mesh triangles, not instances: the same count the validator and our pipeline report.
function triangles(prim) {
  const count = prim.getIndices()?.getCount() ?? prim.getAttribute("POSITION")?.getCount() ?? 0
  const mode = prim.getMode()
  if (mode === Primitive.Mode.TRIANGLES) return Math.floor(count / 3)
  if (mode === Primitive.Mode.TRIANGLE_STRIP || mode === Primitive.Mode.TRIANGLE_FAN) return Math.max(0, count - 2)
  return 0
}

/** Facts about one model file (.glb, or .gltf with its resources beside it). */
export async function inspectModel(file) {
  const document = await (await reader()).read(file)
  const root = document.getRoot()
  let tris = 0
  let vertices = 0
  for (const mesh of root.listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      tris += triangles(prim)
      vertices += prim.getAttribute("POSITION")?.getCount() ?? 0
    }
  }
  const textures = root.listTextures().map((texture) => {
    const image = texture.getImage()
    const [width, height] = (image && ImageUtils.getSize(image, texture.getMimeType())) ?? [0, 0]
    const facts = { name: texture.getName() || texture.getURI(), mimeType: texture.getMimeType(), width, height, bytes: image?.byteLength ?? 0, slots: listTextureSlots(texture) }
    // Kept out of JSON output: the encoded image, for comparing normal maps.
    return Object.defineProperty(facts, "image", { value: image, enumerable: false })
  })
  return {
    triangles: tris,
    vertices,
    meshes: root.listMeshes().length,
    materials: root.listMaterials().length,
    textures,
    textureBytes: textures.reduce((sum, t) => sum + t.bytes, 0),
    maxTexturePx: Math.max(0, ...textures.map((t) => Math.max(t.width, t.height))),
    extensions: root.listExtensionsUsed().map((e) => e.extensionName).sort(),
  }
}

/** The Khronos validator's counts for a GLB (external resources are not needed for GLB outputs). */
export async function validateFile(file) {
  const bytes = new Uint8Array(await readFile(file))
  const report = await validator.validateBytes(bytes, { uri: file, maxIssues: 100, writeTimestamp: false })
  const { numErrors: errors, numWarnings: warnings } = report.issues
  const codes = [...new Set(report.issues.messages.filter((m) => m.severity <= 1).map((m) => m.code))]
  return { errors, warnings, codes }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const file of process.argv.slice(2)) {
    console.log(JSON.stringify({ file, ...(await inspectModel(file)), validation: await validateFile(file) }))
  }
}
