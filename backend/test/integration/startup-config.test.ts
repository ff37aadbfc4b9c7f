/**
 * Bad configuration stops startup with a message that names the variable, both for
 * `medusa start` itself and for the `npm start` orchestrator.
 */
import { spawnSync } from "child_process"
import path from "path"

const backendDir = path.resolve(__dirname, "..", "..")
const medusaCli = require.resolve("@medusajs/medusa-cli/cli.js")

function startWith(command: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, command, {
    cwd: backendDir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    encoding: "utf8",
    timeout: 60000,
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

describe.each([
  ["medusa start", [medusaCli, "start"]],
  ["npm start (scripts/start.mjs)", [path.join(backendDir, "scripts", "start.mjs"), "--no-admin"]],
])("%s", (_name, command) => {
  it("stops on a malformed DATABASE_URL, naming it", () => {
    const { code, output } = startWith(command, { DATABASE_URL: "postgres//oops" })
    expect(code).toBe(1)
    expect(output).toMatch(/Configuration error: DATABASE_URL: "postgres\/\/oops" is not a valid URL/)
  })

  it("stops on a Razorpay key without its secret, naming the missing variable", () => {
    const { code, output } = startWith(command, { DATABASE_URL: "postgres://postgres@127.0.0.1:1/x", RAZORPAY_KEY_ID: "rzp_test_123" })
    expect(code).toBe(1)
    expect(output).toMatch(/Configuration error: RAZORPAY_KEY_SECRET: is required because RAZORPAY_KEY_ID is set/)
  })
})
