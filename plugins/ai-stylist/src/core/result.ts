/**
 * Problems by field, shared with the other plugins (@fashion/plugin-kit), plus the two
 * constructors the catalogue reader uses.
 */
import type { Problem, Result } from "@fashion/plugin-kit/result"

export type { Problem, Result } from "@fashion/plugin-kit/result"
export { formatProblems } from "@fashion/plugin-kit/result"

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const failed = <T = never>(problems: Problem[]): Result<T> => ({ ok: false, problems })
