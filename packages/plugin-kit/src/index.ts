// The server side of the kit. The admin UI kit is `@fashion/plugin-kit/admin` (browser code,
// bundled into each plugin's admin bundle); `@fashion/plugin-kit/result` is the pure part
// that the plugins' core/ may import without pulling in Medusa.
export * from "./result"
export * from "./api-input"
export * from "./body-parse-errors"
export * from "./polling-loop"
export * from "./rate-limit"
export * from "./client-address"
export * from "./request-guards"
export * from "./front-door"
export * from "./side-pool"
