/**
 * One IO for the whole process, knowing every KHR/EXT extension and the meshopt and Draco
 * codecs, so extensions survive a read/write round trip and compressed inputs load. The
 * WebAssembly codecs are instantiated once, on first use.
 *
 * WebIO rather than NodeIO: the pipeline only turns bytes into bytes, and NodeIO's constructor
 * loads its filesystem helpers through a dynamic import that fails under jest.
 */
import { Logger, WebIO } from "@gltf-transform/core"
import { ALL_EXTENSIONS } from "@gltf-transform/extensions"
import { MeshoptDecoder, MeshoptEncoder, MeshoptSimplifier } from "meshoptimizer"
import { createDecoderModule, createEncoderModule } from "draco3dgltf"

let shared: Promise<WebIO> | undefined

export const gltfIO = (): Promise<WebIO> => (shared ??= createIO())

async function createIO(): Promise<WebIO> {
  const [dracoEncoder, dracoDecoder] = await Promise.all([
    createEncoderModule(),
    createDecoderModule(),
    MeshoptDecoder.ready,
    MeshoptEncoder.ready,
    MeshoptSimplifier.ready,
  ])
  // Only warnings: the per-step info lines would flood job logs and the CLI output.
  return new WebIO()
    .setLogger(new Logger(Logger.Verbosity.WARN))
    .registerExtensions(ALL_EXTENSIONS).registerDependencies({
    "draco3d.encoder": dracoEncoder,
    "draco3d.decoder": dracoDecoder,
    "meshopt.encoder": MeshoptEncoder,
    "meshopt.decoder": MeshoptDecoder,
  })
}
