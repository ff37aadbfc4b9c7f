"use client"

import { usePathname, useSearchParams } from "next/navigation"
import { useEffect, useState } from "react"

/**
 * A thin bar across the top while the next page loads after a link is followed. Pages
 * stream in whole rather than behind a route-level skeleton, which keeps the first paint
 * of every page fast (no hidden content waiting for a script), so this is the feedback.
 */
export function NavigationProgress() {
  const pathname = usePathname()
  const search = useSearchParams()
  const [loading, setLoading] = useState(false)

  useEffect(() => setLoading(false), [pathname, search])

  useEffect(() => {
    function onClick(e: MouseEvent) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return
      const url = new URL(link.href, window.location.href)
      if (url.origin !== window.location.origin || url.hash) return
      if (url.pathname === window.location.pathname && url.search === window.location.search) return
      setLoading(true)
    }
    document.addEventListener("click", onClick)
    return () => document.removeEventListener("click", onClick)
  }, [])

  if (!loading) return null
  return (
    <div className="fixed inset-x-0 top-0 z-[60] h-0.5 overflow-hidden bg-plum/20" data-testid="navigation-progress">
      <div className="h-full w-1/3 animate-[nav-progress_1.1s_ease-in-out_infinite] bg-plum" />
      <span role="status" className="sr-only">
        Loading page…
      </span>
    </div>
  )
}
