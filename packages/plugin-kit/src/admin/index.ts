// The admin UI kit: React pieces and helpers for the plugins' admin extensions. Compiled to
// ESM JavaScript in dist/admin, because `medusa-admin bundle` transpiles only sources outside
// node_modules; each plugin's bundle then inlines what it uses.
export * from "./feedback.js"
export * from "./form.js"
export * from "./display.js"
export * from "./dialogs.js"
export * from "./pager.js"
export * from "./admin-api.js"
export * from "./format.js"
