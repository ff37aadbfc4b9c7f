import type { MetadataRoute } from "next"
import { siteUrl } from "@/lib/config/site"

// Built per request: the public URL and default country come from the environment at run time, not at build.
export const dynamic = "force-dynamic"

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/*/cart", "/*/checkout", "/*/account", "/*/order/", "/*/wishlist", "/api/"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  }
}
