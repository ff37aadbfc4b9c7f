/*
 * Zari service worker. Caches the app shell (offline page, icons) on install; serves
 * Next's hashed static files and product images cache-first; pages network-first with
 * the last good copy, then the offline page, when the network is gone. Carts,
 * checkout, account and API calls are never cached.
 */
const VERSION = "zari-v1"
const SHELL = `${VERSION}-shell`
const STATIC = `${VERSION}-static`
const IMAGES = `${VERSION}-images`
const PAGES = `${VERSION}-pages`
const SHELL_URLS = ["/offline", "/icons/icon.svg", "/icons/icon-192.png", "/icons/icon-512.png", "/manifest.webmanifest"]
const MAX_IMAGES = 200
const MAX_PAGES = 30
const PRIVATE_PAGES = /^\/[a-z]{2}\/(cart|checkout|account|order|wishlist)(\/|$)/

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_URLS)).then(() => self.skipWaiting()))
})

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => !k.startsWith(VERSION)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  )
})

async function trim(cacheName, max) {
  const cache = await caches.open(cacheName)
  const keys = await cache.keys()
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key)
}

async function cacheFirst(request, cacheName, max) {
  const cache = await caches.open(cacheName)
  const hit = await cache.match(request)
  if (hit) return hit
  const response = await fetch(request)
  if (response.ok) {
    await cache.put(request, response.clone())
    if (max) trim(cacheName, max)
  }
  return response
}

async function networkFirstPage(request, url) {
  try {
    const response = await fetch(request)
    if (response.ok && !PRIVATE_PAGES.test(url.pathname)) {
      const cache = await caches.open(PAGES)
      await cache.put(request, response.clone())
      trim(PAGES, MAX_PAGES)
    }
    return response
  } catch {
    const cached = PRIVATE_PAGES.test(url.pathname) ? null : await caches.match(request)
    return cached || (await caches.match("/offline")) || new Response("You are offline", { status: 503, headers: { "content-type": "text/plain" } })
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event
  if (request.method !== "GET") return
  const url = new URL(request.url)
  const sameOrigin = url.origin === self.location.origin
  if (sameOrigin && url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request, STATIC))
  } else if ((sameOrigin && url.pathname === "/_next/image") || request.destination === "image") {
    event.respondWith(cacheFirst(request, IMAGES, MAX_IMAGES))
  } else if (request.mode === "navigate" && sameOrigin) {
    event.respondWith(networkFirstPage(request, url))
  } else if (sameOrigin && SHELL_URLS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request, SHELL))
  }
})
