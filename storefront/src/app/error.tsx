"use client"

/** Anything unexpected (the backend down, a bug): a way to retry instead of a blank page. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="container-page flex flex-1 flex-col items-center justify-center py-24 text-center">
      <h1 className="text-3xl">Something went wrong on our side</h1>
      <p className="mt-3 max-w-md text-muted">The store could not load this page. Your bag and wishlist are safe. Please try again in a moment.</p>
      {error.digest ? <p className="mt-2 text-xs text-muted">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="btn-primary mt-8">
        Try again
      </button>
    </main>
  )
}
