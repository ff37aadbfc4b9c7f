import type { ZodIssue } from "zod"

/** One problem with an input, by field path ("rows.2.bust", "height_cm"). */
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

/** "bust_cm: must be between 40 and 200 cm; bra_size: a band and cup such as 34B" */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join("; ")
}
