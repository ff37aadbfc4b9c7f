#!/usr/bin/env node
/**
 * The 3D viewer decodes Draco-compressed models (the plugin uses Draco for static meshes)
 * with three's Draco decoder, served from the storefront's own origin rather than Google's
 * CDN: no third-party request, and it works where only our origin is reachable. Copied from
 * the installed `three` before each build, so it always matches the viewer's three.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
const storefront = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
// three's exports hide package.json: find its folder from the main entry (three/build/three.cjs).
const threeDir = path.resolve(path.dirname(require.resolve("three")), "..")
const source = path.join(threeDir, "examples", "jsm", "libs", "draco", "gltf")
const target = path.join(storefront, "public", "3d", "draco")
fs.mkdirSync(target, { recursive: true })
for (const file of ["draco_decoder.js", "draco_decoder.wasm", "draco_wasm_wrapper.js"]) fs.copyFileSync(path.join(source, file), path.join(target, file))
