/** Store identity and public URL; read at request time on the server. */
export const STORE_NAME = "Zari"
export const STORE_TAGLINE = "women's fashion for every occasion"

export function siteUrl(): string {
  return (process.env.STOREFRONT_URL || `http://localhost:${process.env.PORT || 8000}`).replace(/\/+$/, "")
}

/** Countries the storefront answers for without asking the backend (first path segment). */
export function defaultCountry(): string {
  return (process.env.STOREFRONT_DEFAULT_COUNTRY || "in").toLowerCase()
}
