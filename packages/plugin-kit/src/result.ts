/**
 * Problems with an input, by field, and the Result a validator returns. Pure: no framework
 * imports (only zod's issue type, erased at build), so the plugins' core/ may use it.
 */
import type { ZodIssue } from "zod"

/** One problem with an input, by field path ("rating", "rows.2.bust", "height_cm"). */
export type Problem = { field: string; message: string }

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

export function problemsFromZod(issues: ZodIssue[]): Problem[] {
  // One problem per unknown key: zod reports them together in a single issue.
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join("."), message: "is not a known field" }))
    }
    return [{ field: issue.path.join(".") || "body", message: issue.message }]
  })
}

/** "rating: must be a whole number from 1 to 5; body: must be at most 5000 characters" */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join("; ")
}
