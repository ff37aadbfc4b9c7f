/**
 * Headers every backend response carries. The API answers JSON and files, never pages to
 * frame or scripts to run, so it gets the strictest policy; the admin (/app) is a page with
 * its own scripts and gets everything but the content policy.
 */
export function securityHeaders(path: string, production: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  }
  if (!/^\/app(\/|$)/.test(path)) headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
  // Only over HTTPS, which production is: a browser would otherwise refuse plain http to localhost.
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
  return headers
}
