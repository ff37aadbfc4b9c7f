/**
 * Why an upload was refused. The HTTP layer maps every code to a 4xx (413 for too_large,
 * 422 for the rest); the message is written for the merchant who uploaded the file.
 */
import type { Problem, Result } from "@fashion/plugin-kit/result"

export type { Problem, Result } from "@fashion/plugin-kit/result"
export { formatProblems } from "@fashion/plugin-kit/result"

export type RejectionCode =
  | "too_large"
  | "unsupported_format"
  | "unsafe_zip"
  | "zip_bomb"
  | "missing_resource"
  | "invalid_model"
  | "output_invalid"

export type Rejection = { ok: false; code: RejectionCode; problems: Problem[] }

/** A Result whose failure also says which kind of refusal it is. */
export type Outcome<T> = { ok: true; value: T } | Rejection

/** Thrown inside the pipeline so a deep check can stop it; the entry points turn it into a Rejection. */
export class UploadRejected extends Error {
  readonly code: RejectionCode
  readonly problems: Problem[]

  constructor(code: RejectionCode, messages: string | string[]) {
    const list = Array.isArray(messages) ? messages : [messages]
    super(list.join("; "))
    this.name = "UploadRejected"
    this.code = code
    this.problems = list.map((message) => ({ field: "file", message }))
  }

  toRejection(): Rejection {
    return { ok: false, code: this.code, problems: this.problems }
  }
}

export const rejectionOf = (error: unknown): Rejection | undefined =>
  error instanceof UploadRejected ? error.toRejection() : undefined

/** Narrowing helper for callers that only need the plugin-kit shape. */
export const asResult = <T>(outcome: Outcome<T>): Result<T> =>
  outcome.ok ? outcome : { ok: false, problems: outcome.problems }
