import type { Problem, Result } from "../../src/core"

/** The problems of a result that must have failed (fails the test if it passed). */
export function problemsOf<T>(result: Result<T>): Problem[] {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.value)}`)
  return result.problems
}

/** The value of a result that must have passed (fails the test, naming the problems, if not). */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`)
  return result.value
}
