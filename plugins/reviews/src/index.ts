/** Pure domain logic (validation, display names, summaries, moderation) and the FitFeedback type. */
export * from "./core"
