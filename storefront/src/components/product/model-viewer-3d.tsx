"use client"

import Image from "next/image"
import { useCallback, useEffect, useRef, useState } from "react"
import { chooseLod, preferredLodLevel, type DeviceHints, type ModelLod } from "@/lib/core/model-viewer"
import { CloseIcon } from "@/components/common/icons"

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "model-viewer": React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & {
        src?: string
        alt?: string
        ar?: boolean
        "ar-modes"?: string
        "camera-controls"?: boolean
        "auto-rotate"?: boolean
        "interaction-prompt"?: string
        "touch-action"?: string
        loading?: "auto" | "lazy" | "eager"
        reveal?: "auto" | "manual"
      }
    }
  }
}

type Phase = "poster" | "loading" | "ready" | "failed"
type Failure = "webgl" | "load"

const MESHOPT_SHIM = "/3d/meshopt-decoder.js"
const DRACO_DECODER = "/3d/draco/"

let viewerModule: Promise<void> | null = null

/**
 * model-viewer and three are about a megabyte of script: fetched only once a shopper asks
 * for the 3D view, and once per page. A failed fetch (offline, a deploy replaced the chunk)
 * is forgotten so "Try again" fetches again.
 */
function loadModelViewer(): Promise<void> {
  if (!viewerModule) {
    // Read by every <model-viewer> as it is created, so it must be set before the first one.
    const global = self as unknown as { ModelViewerElement?: { meshoptDecoderLocation?: string; dracoDecoderLocation?: string } }
    global.ModelViewerElement = {
      ...global.ModelViewerElement,
      meshoptDecoderLocation: global.ModelViewerElement?.meshoptDecoderLocation ?? MESHOPT_SHIM,
      // Our own copy (scripts/copy-draco-decoder.mjs), not Google's CDN.
      dracoDecoderLocation: global.ModelViewerElement?.dracoDecoderLocation ?? DRACO_DECODER,
    }
    viewerModule = import("@google/model-viewer").then(
      () => undefined,
      (error: unknown) => {
        viewerModule = null
        throw error
      }
    )
  }
  return viewerModule
}

function hasWebGL(): boolean {
  try {
    const canvas = document.createElement("canvas")
    const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext | null
    // Browsers allow only a few live contexts; this probe must not hold one the viewer needs.
    gl?.getExtension("WEBGL_lose_context")?.loseContext()
    return gl !== null
  } catch {
    return false
  }
}

function deviceHints(): DeviceHints {
  const nav = navigator as Navigator & { deviceMemory?: number; connection?: { saveData?: boolean; effectiveType?: string; downlink?: number } }
  return {
    screenWidth: window.innerWidth,
    deviceMemory: nav.deviceMemory ?? null,
    saveData: nav.connection?.saveData ?? null,
    effectiveType: nav.connection?.effectiveType ?? null,
    downlink: nav.connection?.downlink ?? null,
  }
}

const prefersReducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false

const FAILURE_TEXT: Record<Failure, string> = {
  webgl: "3D needs WebGL, which this browser or device does not offer.",
  load: "The 3D model could not be loaded.",
}

/**
 * The 3D view of a product: a poster with "View in 3D" until the shopper asks for it (no
 * script, no model fetched before), then model-viewer with the level of detail that suits
 * the device, camera controls, AR where the device has it, and a progress bar while the
 * model loads. Poster, viewer and fallback share one box, so nothing below moves. Without
 * WebGL or when the model fails, it says so and the photos stay the way to see the product.
 */
export function ModelViewer3d({ lods, poster, title }: { lods: ModelLod[]; poster: string | null; title: string }) {
  const [phase, setPhase] = useState<Phase>("poster")
  const [failure, setFailure] = useState<Failure | null>(null)
  const [lod, setLod] = useState<ModelLod | null>(null)
  const [moduleReady, setModuleReady] = useState(false)
  const [progress, setProgress] = useState(0)
  const [motion, setMotion] = useState(true)
  const [retries, setRetries] = useState(0)
  const boxRef = useRef<HTMLDivElement>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  // Focus follows the shopper's own actions only, never the first render.
  const focusAfter = useRef<"box" | "open" | null>(null)
  // A script that arrives (or fails) after she closed the view must not open it again.
  const attempt = useRef(0)

  useEffect(() => {
    const target = focusAfter.current
    focusAfter.current = null
    if (target === "box") boxRef.current?.focus()
    else if (target === "open") openRef.current?.focus()
  }, [phase])

  const fail = useCallback((reason: Failure) => {
    setFailure(reason)
    setPhase("failed")
  }, [])

  function open() {
    if (phase === "failed") setRetries((n) => n + 1)
    const current = ++attempt.current
    const chosen = chooseLod(lods, preferredLodLevel(deviceHints()))
    focusAfter.current = "box"
    setLod(chosen)
    setProgress(0)
    setFailure(null)
    setMotion(!prefersReducedMotion())
    if (!chosen) return fail("load")
    if (!hasWebGL()) return fail("webgl")
    setPhase("loading")
    loadModelViewer().then(
      () => setModuleReady(true),
      () => {
        if (attempt.current === current) fail("load")
      }
    )
  }

  function close() {
    attempt.current++
    focusAfter.current = "open"
    setPhase("poster")
    setFailure(null)
    setLod(null)
  }

  /** Warms the script cache on a sign of intent, unless the shopper saves data. */
  function prefetch() {
    const nav = navigator as Navigator & { connection?: { saveData?: boolean } }
    if (!nav.connection?.saveData) loadModelViewer().catch(() => undefined)
  }

  const attachViewer = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return
      const onProgress = (event: Event) => setProgress(Number((event as CustomEvent<{ totalProgress?: number }>).detail?.totalProgress) || 0)
      const onLoad = () => setPhase("ready")
      const onError = () => fail("load")
      element.addEventListener("progress", onProgress)
      element.addEventListener("load", onLoad)
      element.addEventListener("error", onError)
      return () => {
        element.removeEventListener("progress", onProgress)
        element.removeEventListener("load", onLoad)
        element.removeEventListener("error", onError)
      }
    },
    [fail]
  )

  const showViewer = moduleReady && lod !== null && (phase === "loading" || phase === "ready")
  // model-viewer keeps a failed load under its URL and would fail again without fetching: a
  // fragment makes a new cache entry while the request itself (fragments are not sent) is the same.
  const src = lod ? (retries ? `${lod.url}#retry-${retries}` : lod.url) : undefined
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100)

  return (
    <section aria-labelledby="product-3d-title" className="mt-12 border-t border-line pt-8" data-testid="product-3d" data-state={phase}>
      <h2 id="product-3d-title" className="text-2xl">
        See it in 3D
      </h2>
      <p id="product-3d-hint" className="mt-1 text-sm text-muted">
        Turn it around and zoom in. On a phone or tablet that supports AR, place it in your room.
      </p>
      <div
        ref={boxRef}
        tabIndex={phase === "poster" ? undefined : -1}
        role={phase === "poster" ? undefined : "group"}
        aria-label={phase === "poster" ? undefined : `3D view of ${title}`}
        onKeyDown={(event) => {
          if (event.key === "Escape" && phase !== "poster") {
            event.stopPropagation()
            close()
          }
        }}
        className="relative mt-4 aspect-square w-full max-w-xl overflow-hidden rounded-2xl bg-sand sm:aspect-[4/3]"
        data-testid="product-3d-box"
        data-lod-level={lod?.level}
        data-model-src={lod?.url}
      >
        {phase !== "ready" && poster ? (
          <Image src={poster} alt="" fill sizes="(min-width: 640px) 36rem, 100vw" className={`object-contain ${phase === "poster" ? "" : "opacity-60"}`} />
        ) : null}

        {phase === "poster" ? (
          <button
            ref={openRef}
            type="button"
            onClick={open}
            onPointerEnter={prefetch}
            onFocus={prefetch}
            aria-describedby="product-3d-hint"
            className="group absolute inset-0 flex items-end justify-center p-4"
            data-testid="view-in-3d"
          >
            <span className="btn-primary shadow-lg group-hover:bg-plum">
              <CubeIcon />
              View in 3D
            </span>
          </button>
        ) : null}

        {showViewer ? (
          <model-viewer
            ref={attachViewer}
            src={src}
            alt={`3D model of ${title}`}
            ar
            ar-modes="webxr scene-viewer quick-look"
            camera-controls
            touch-action="pan-y"
            auto-rotate={motion || undefined}
            interaction-prompt={motion ? "auto" : "none"}
            loading="eager"
            reveal="auto"
            className="absolute inset-0 block h-full w-full"
            data-testid="model-viewer"
          >
            {/* Our own bar below replaces model-viewer's, which has no label for screen readers. */}
            <div slot="progress-bar" />
            <button slot="ar-button" type="button" className="btn-primary absolute bottom-4 left-1/2 -translate-x-1/2 shadow-lg">
              View in your room
            </button>
          </model-viewer>
        ) : null}

        {phase === "loading" ? (
          <div className="absolute inset-x-6 bottom-6">
            <div
              role="progressbar"
              aria-label="Loading the 3D model"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={moduleReady ? percent : undefined}
              className="h-1.5 overflow-hidden rounded-full bg-white/80"
              data-testid="product-3d-progress"
            >
              <div className="h-full rounded-full bg-plum transition-[width] duration-200" style={{ width: `${moduleReady ? Math.max(percent, 5) : 5}%` }} />
            </div>
          </div>
        ) : null}

        {phase === "failed" && failure ? (
          <div className="absolute inset-x-4 bottom-4 rounded-xl bg-white/95 p-4 text-sm shadow" data-testid="product-3d-fallback">
            <p className="font-medium">{FAILURE_TEXT[failure]}</p>
            <p className="mt-1 text-muted">The photos above show the product from every side.</p>
            {failure === "load" && lod ? (
              <button type="button" onClick={open} className="mt-2 font-semibold text-plum underline">
                Try again
              </button>
            ) : null}
          </div>
        ) : null}

        {phase !== "poster" ? (
          <button
            type="button"
            onClick={close}
            aria-label="Close 3D view"
            className="absolute right-3 top-3 inline-flex h-11 w-11 items-center justify-center rounded-full bg-white/90 text-ink shadow hover:bg-white"
            data-testid="product-3d-close"
          >
            <CloseIcon />
          </button>
        ) : null}

        <span role="status" className="sr-only">
          {phase === "loading" ? "Loading the 3D model…" : phase === "ready" ? "3D model ready: drag, or use the arrow keys, to turn it." : phase === "failed" && failure ? FAILURE_TEXT[failure] : ""}
        </span>
      </div>
    </section>
  )
}

function CubeIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.7} strokeLinecap="round" strokeLinejoin="round" className="h-5 w-5" aria-hidden>
      <path d="M12 3 4 7.5v9L12 21l8-4.5v-9L12 3Z" />
      <path d="m4 7.5 8 4.5 8-4.5M12 12v9" />
    </svg>
  )
}
