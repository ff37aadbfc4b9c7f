/**
 * Runs the Khronos validator on a model (input or output) and reduces its report to the
 * counts the metadata stores and the sentences a refusal shows.
 */
import { validateBytes, type ValidatorReport } from "gltf-validator"
import { merchantSentence } from "./merchant-words"
import { isGlbName, resolvePackagePath, type ModelPackage } from "./model-package"

// Enough to explain a refusal; a badly broken file can otherwise produce many thousands.
export const MAX_VALIDATOR_ISSUES = 100
const MAX_SENTENCES = 10

export type ValidationSummary = { errors: number; warnings: number; infos: number; hints: number; truncated: boolean }

export type Validation = {
  summary: ValidationSummary
  /** Merchant-readable sentences for the errors, at most a handful, duplicates merged. */
  errorSentences: string[]
}

export async function validatePackage(pkg: ModelPackage): Promise<Validation> {
  const entryBytes = pkg.files.get(pkg.entry)!
  try {
    const report = await validateBytes(entryBytes, {
      uri: pkg.entry,
      format: isGlbName(pkg.entry) ? "glb" : "gltf",
      maxIssues: MAX_VALIDATOR_ISSUES,
      writeTimestamp: false,
      externalResourceFunction: async (uri) => {
        const bytes = pkg.files.get(resolvePackagePath(pkg.entry, uri) ?? "")
        if (!bytes) throw new Error(`missing ${uri}`)
        return bytes
      },
    })
    return summarise(report)
  } catch (thrown) {
    // The validator rejects (rather than reports) when it cannot even tell the format.
    const message = typeof thrown === "string" ? thrown : thrown instanceof Error ? thrown.message : String(thrown)
    const code = /detect glTF format/i.test(message) ? "INVALID_GLTF_FORMAT" : "VALIDATOR_FAILED"
    return {
      summary: { errors: 1, warnings: 0, infos: 0, hints: 0, truncated: false },
      errorSentences: [merchantSentence({ code, message })],
    }
  }
}

export const validateGlb = (name: string, glb: Uint8Array): Promise<Validation> =>
  validatePackage({ entry: name, files: new Map([[name, glb]]) })

function summarise(report: ValidatorReport): Validation {
  const { issues } = report
  const errorSentences = [...new Set(issues.messages.filter((m) => m.severity === 0).map(merchantSentence))].slice(0, MAX_SENTENCES)
  return {
    summary: { errors: issues.numErrors, warnings: issues.numWarnings, infos: issues.numInfos, hints: issues.numHints, truncated: issues.truncated },
    errorSentences,
  }
}
