/** Pure domain logic and the Shiprocket API client; Medusa services, routes and jobs build on these. */
export * from "./core"
export * from "./clients/shiprocket"
