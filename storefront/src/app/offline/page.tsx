import type { Metadata } from "next"
import { STORE_NAME } from "@/lib/config/site"

export const metadata: Metadata = { title: "You are offline", robots: { index: false } }
export const dynamic = "force-static"

/** Served by the service worker when a page is requested without a network. */
export default function OfflinePage() {
  return (
    <main id="main" className="container-page flex flex-1 flex-col items-center justify-center py-24 text-center">
      <p className="font-display text-3xl font-semibold tracking-[0.2em] text-plum">{STORE_NAME.toUpperCase()}</p>
      <h1 className="mt-6 text-3xl">You are offline</h1>
      <p className="mt-3 max-w-md text-muted">Pages you opened before are still here. Your bag and wishlist are safe; reconnect to check out.</p>
      <a href="/" className="btn-primary mt-8">
        Try again
      </a>
    </main>
  )
}
