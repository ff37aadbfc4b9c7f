/** Dates and counts as the merchant reads them (India). No React here. */

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return "–"
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  return d.toLocaleString("en-IN", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })
}

/** "in 4 min", "2 h ago" */
export function relativeTime(iso: string | Date | null | undefined, now = Date.now()): string {
  if (!iso) return ""
  const t = new Date(iso).getTime()
  if (Number.isNaN(t)) return ""
  const diff = t - now
  const abs = Math.abs(diff)
  const unit =
    abs < 60_000
      ? `${Math.max(1, Math.round(abs / 1000))} s`
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : abs < 86_400_000
          ? `${Math.round(abs / 3_600_000)} h`
          : `${Math.round(abs / 86_400_000)} d`
  return diff > 0 ? `in ${unit}` : `${unit} ago`
}
