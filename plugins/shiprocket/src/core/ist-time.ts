/**
 * Shiprocket writes times in India Standard Time (UTC+05:30, no daylight saving) and
 * without a zone: the tracking webhook's `current_timestamp` as "DD MM YYYY HH:mm:ss",
 * scans and etd as "YYYY-MM-DD HH:mm:ss", serviceability's etd as "Nov 27, 2026".
 */

export const IST_OFFSET_MINUTES = 330
const IST_OFFSET_MS = IST_OFFSET_MINUTES * 60 * 1000
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

function istDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (![y, mo, d, h, mi, s].every(Number.isInteger)) return null
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || y < 1970 || y > 9999) return null
  const utc = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(utc)
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null // 31 Feb and friends
  return new Date(utc - IST_OFFSET_MS)
}

/** "23 05 2023 11:43:52" (IST) -> the instant. null when the text is not in that shape. */
export function parseShiprocketTimestamp(text: unknown): Date | null {
  if (typeof text !== "string") return null
  const m = /^\s*(\d{1,2})[ -/](\d{1,2})[ -/](\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text)
  if (!m) return null
  return istDate(+m[3], +m[2], +m[1], +m[4], +m[5], m[6] ? +m[6] : 0)
}

/**
 * Any of the shapes Shiprocket uses for a time, read as IST unless it carries a zone:
 * "DD MM YYYY HH:mm:ss", "YYYY-MM-DD[ HH:mm[:ss]]", "Nov 27, 2026", ISO 8601 with a zone.
 */
export function parseIstDateTime(text: unknown): Date | null {
  if (text instanceof Date) return Number.isNaN(text.getTime()) ? null : text
  if (typeof text !== "string" || text.trim() === "") return null
  const t = text.trim()
  const dmy = parseShiprocketTimestamp(t)
  if (dmy) return dmy
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(t)
  if (m) return istDate(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0)
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t)
  if (m) {
    const mo = MONTHS.indexOf(m[1].toLowerCase())
    return mo < 0 ? null : istDate(+m[3], mo + 1, +m[2])
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const d = new Date(t)
    return Number.isNaN(d.getTime()) ? null : d
  }
  return null
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0")
}

/** The IST calendar parts of an instant. */
function istParts(at: Date) {
  const d = new Date(at.getTime() + IST_OFFSET_MS)
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() }
}

/** The IST calendar date, "YYYY-MM-DD" (Shiprocket's `order_date`). */
export function istDateString(at: Date): string {
  const p = istParts(at)
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`
}

/** "DD MM YYYY HH:mm:ss" in IST, the webhook's `current_timestamp`. */
export function formatShiprocketTimestamp(at: Date): string {
  const p = istParts(at)
  return `${pad(p.d)} ${pad(p.mo)} ${p.y} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
}

/** Adds whole days to an IST calendar date string. */
export function addDaysToIstDate(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
