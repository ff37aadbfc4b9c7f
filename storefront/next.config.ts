import type { NextConfig } from "next"
import { imageRemotePatterns, isLocalHost } from "./src/lib/config/image-hosts"

/**
 * Product images live on the backend (`/uploads`, local file service) or on S3. The
 * optimiser only fetches from hosts listed here: the backend URL, S3_URL and
 * STOREFRONT_IMAGE_HOSTS, plus localhost for a laptop's embedded defaults.
 */
const patterns = imageRemotePatterns(process.env)

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    // Where the storefront server cannot reach the image host the browser uses (MinIO
    // on the Docker host's localhost, say), images are served as they are.
    unoptimized: process.env.STOREFRONT_IMAGE_UNOPTIMIZED === "true",
    remotePatterns: patterns,
    formats: ["image/avif", "image/webp"],
    deviceSizes: [390, 640, 828, 1080, 1440, 1920],
    imageSizes: [64, 96, 128, 256, 384],
    // Next 16 refuses loopback and private addresses by default (SSRF); allowed only
    // when the configured image hosts are themselves local, as on embedded defaults.
    dangerouslyAllowLocalIP: patterns.some((p) => isLocalHost(p.hostname)),
  },
  async headers() {
    return [
      {
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
        ],
      },
    ]
  },
}

export default nextConfig
