"use client"

import { useEffect, useId, useRef, useState } from "react"
import { DATES_UNAVAILABLE, normalisePincode, pincodeCheck, pincodeError, type PincodeCheck, type ServiceabilityAnswer } from "@/lib/core/delivery-estimate"
import { CheckIcon, TruckIcon } from "@/components/common/icons"

/** The last pincode checked, so the next product page answers straight away. Not personal enough to need a cookie. */
const STORAGE_KEY = "zari_pincode"

function savedPincode(): string | null {
  try {
    return normalisePincode(window.localStorage.getItem(STORAGE_KEY))
  } catch {
    return null // storage blocked (private mode, settings)
  }
}

function savePincode(pincode: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, pincode)
  } catch {
    // storage blocked: the check still works, it is just not remembered
  }
}

/**
 * "Check delivery" on the product page (India): the shopper types a pincode and learns
 * by when it arrives, whether she can pay cash on delivery, or that we do not deliver
 * there yet. Asks for the variant she chose (else the product's first).
 */
export function DeliveryCheck({ countryCode, variantId }: { countryCode: string; variantId: string | null }) {
  const id = useId()
  const [pincode, setPincode] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<PincodeCheck | null>(null)
  const [checking, setChecking] = useState<string | null>(null)
  const inflight = useRef<AbortController | null>(null)

  async function check(value: string) {
    const problem = pincodeError(value)
    const pin = normalisePincode(value)
    if (problem || !pin) {
      setError(problem ?? "Enter your 6-digit pincode")
      setResult(null)
      return
    }
    inflight.current?.abort()
    const controller = new AbortController()
    inflight.current = controller
    setError(null)
    setChecking(pin)
    savePincode(pin)
    try {
      const query = new URLSearchParams({ country: countryCode, pincode: pin, ...(variantId ? { variant_id: variantId } : {}) })
      const res = await fetch(`/api/delivery-estimate?${query}`, { signal: controller.signal })
      const body = (await res.json().catch(() => null)) as (ServiceabilityAnswer & { message?: string | null }) | null
      if (res.ok && body) {
        setResult(pincodeCheck(body))
      } else if (res.status === 400 && body?.message) {
        setError(body.message)
        setResult(null)
      } else {
        setResult({ status: "unknown", pincode: pin, delivery: DATES_UNAVAILABLE })
      }
    } catch {
      // offline, or replaced by a newer check
      if (!controller.signal.aborted) setResult({ status: "unknown", pincode: pin, delivery: DATES_UNAVAILABLE })
    } finally {
      if (!controller.signal.aborted) setChecking(null)
    }
  }

  // A pincode checked before (here or on another product) is checked again on arrival.
  useEffect(() => {
    const saved = savedPincode()
    if (saved) {
      setPincode(saved)
      void check(saved)
    }
    return () => inflight.current?.abort()
    // Once, on arrival: later checks follow the shopper's own submits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const inputId = `${id}-pincode`
  return (
    <div className="rounded-xl border border-line bg-white p-4" data-testid="delivery-check">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void check(pincode)
        }}
      >
        <label htmlFor={inputId} className="field-label flex items-center gap-2">
          <TruckIcon className="h-5 w-5" /> Check delivery
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            name="pincode"
            className="field"
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={10}
            placeholder="Pincode, e.g. 560001"
            value={pincode}
            onChange={(e) => {
              setPincode(e.target.value)
              if (error) setError(null)
            }}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          <button type="submit" className="btn-secondary flex-none" disabled={checking !== null} data-testid="delivery-check-submit">
            {checking !== null ? "Checking…" : "Check"}
          </button>
        </div>
        {error ? (
          <p id={`${inputId}-error`} className="field-error" data-testid="delivery-check-error">
            {error}
          </p>
        ) : null}
      </form>
      <div role="status" aria-live="polite" className="text-sm" data-testid="delivery-check-result">
        {checking !== null ? (
          <p className="mt-3 text-muted">Checking delivery to {checking}…</p>
        ) : result && !error ? (
          <div className="mt-3 space-y-1">
            {result.status === "serviceable" ? (
              <>
                <p className="flex items-center gap-2 font-medium text-ok">
                  <CheckIcon className="h-4 w-4 flex-none" />
                  <span>
                    {result.delivery} <span className="font-normal text-muted">to {result.pincode}</span>
                  </span>
                </p>
                <p className={result.cod ? "text-ink" : "text-muted"}>{result.codText}</p>
              </>
            ) : (
              <p className={result.status === "unserviceable" ? "font-medium text-sale" : "text-muted"}>{result.delivery}</p>
            )}
          </div>
        ) : null}
      </div>
    </div>
  )
}
