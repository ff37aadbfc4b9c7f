import { mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PassThrough } from "node:stream"
import { main } from "../../src/cli/optimize"
import { MODELS_DIR } from "./fixtures"

async function runCli(args: string[]): Promise<{ code: number; summary: Record<string, unknown>; stderr: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream
  let out = ""
  let err = ""
  stdout.on("data", (chunk) => (out += chunk))
  ;(stderr as unknown as PassThrough).on("data", (chunk) => (err += chunk))
  const code = await main(args, { stdout, stderr })
  const lines = out.trim().split("\n")
  return { code, summary: lines.length && lines[0] ? JSON.parse(lines[lines.length - 1]) : {}, stderr: err }
}

describe("optimize CLI", () => {
  const outDir = mkdtempSync(join(tmpdir(), "3d-assets-cli-"))
  afterAll(() => rmSync(outDir, { recursive: true, force: true }))

  it("writes the fox's LODs and prints its summary as the last line", async () => {
    const { code, summary, stderr } = await runCli([join(MODELS_DIR, "Fox.glb"), "--out", outDir])
    expect(code).toBe(0)
    expect(stderr).toBe("")
    expect(summary).toMatchObject({ input_bytes: 162852, input_triangles: 576, valid: true })
    const lods = summary.lods as { level: number; file: string; bytes: number; triangles: number; max_texture_px: number }[]
    expect(lods.map((lod) => lod.level)).toEqual([0, 1, 2])
    expect(lods[0]).toMatchObject({ triangles: 576, max_texture_px: 1024 })
    expect(readdirSync(outDir).sort()).toEqual(["Fox.lod0.glb", "Fox.lod1.glb", "Fox.lod2.glb"])
    expect(typeof summary.ms).toBe("number")
  })

  it("refuses a broken file with valid: false, the reason, and exit code 1", async () => {
    const { code, summary } = await runCli([join(MODELS_DIR, "broken_truncated_SunglassesKhronos.glb"), "--out", outDir])
    expect(code).toBe(1)
    expect(summary).toMatchObject({ valid: false, input_bytes: 185594, lods: [] })
    expect(summary.error).toMatch(/GLB_UNEXPECTED_END_OF_CHUNK_DATA/)
  })

  it("prints its usage for missing arguments", async () => {
    const { code, stderr } = await runCli(["model.glb"])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^usage: optimize/)
  })
})
