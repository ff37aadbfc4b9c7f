export * from "./result"
export * from "./size-chart"
export * from "./measurements"
