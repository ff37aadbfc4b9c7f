import type { Metadata, Viewport } from "next"
import "./globals.css"
import { Suspense } from "react"
import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration"
import { NavigationProgress } from "@/components/layout/navigation-progress"
import { siteUrl, STORE_NAME, STORE_TAGLINE } from "@/lib/config/site"

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: `${STORE_NAME}: ${STORE_TAGLINE}`, template: `%s | ${STORE_NAME}` },
  description: "Dresses, co-ords, crop tops and party wear, shipped across India and the US. Cash on delivery across India.",
  applicationName: STORE_NAME,
  appleWebApp: { capable: true, title: STORE_NAME, statusBarStyle: "default" },
  formatDetection: { telephone: false },
  icons: { icon: [{ url: "/icons/icon.svg", type: "image/svg+xml" }, { url: "/icons/icon-192.png", sizes: "192x192" }], apple: "/icons/apple-touch-icon.png" },
}

export const viewport: Viewport = {
  themeColor: "#5b1f3a",
  width: "device-width",
  initialScale: 1,
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans">
        {children}
        <ServiceWorkerRegistration />
        <Suspense fallback={null}>
          <NavigationProgress />
        </Suspense>
      </body>
    </html>
  )
}
