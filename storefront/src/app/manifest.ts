import type { MetadataRoute } from "next"
import { defaultCountry, STORE_NAME } from "@/lib/config/site"

// Built per request: the public URL and default country come from the environment at run time, not at build.
export const dynamic = "force-dynamic"

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: `${STORE_NAME}: women's fashion`,
    short_name: STORE_NAME,
    description: "Dresses, co-ords, crop tops and party wear, shipped across India and the US.",
    id: "/",
    start_url: `/${defaultCountry()}?source=pwa`,
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#faf7f2",
    theme_color: "#5b1f3a",
    categories: ["shopping", "lifestyle"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  }
}
