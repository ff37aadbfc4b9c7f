#!/usr/bin/env node
// `npm run build -w backend` step: builds the admin when its inputs changed, else says so.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildAdmin, isAdminBuildFresh } from "./lib/admin-build.mjs"
import { createStepRunner, StepError } from "./lib/steps.mjs"

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
if (isAdminBuildFresh(backendDir)) {
  console.log("admin build is up to date (backend/build)")
} else {
  const { step, run } = createStepRunner({ total: 1, logDir: path.join(backendDir, "..", ".data", "logs") })
  try {
    await step("Build admin", () => buildAdmin(backendDir, run, { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }))
  } catch (error) {
    console.error(error instanceof StepError ? error.message : error)
    process.exit(1)
  }
}
