/**
 * What cost points in a Lighthouse report: per category, the weighted audits that did
 * not pass (with the points they cost) and, for performance, the zero-weight
 * opportunities and diagnostics that explain slow metrics, each with the elements or
 * URLs Lighthouse names.
 */
const MAX_ITEMS = 6
const clip = (s, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
const oneLine = (s) => String(s ?? "").replace(/\s+/g, " ").trim()

const ms = (n) => `${Math.round(n)} ms`

function nodeText(node) {
  const parts = []
  if (node.selector) parts.push(node.selector)
  if (node.snippet) parts.push(clip(oneLine(node.snippet), 140))
  if (node.explanation) parts.push(clip(oneLine(node.explanation), 200))
  return parts.join(" | ")
}

/** Network-dependency tree as indented "url (end ms)" lines, longest chain first. */
function treeLines(chains, depth = 0) {
  const nodes = Object.values(chains ?? {}).sort((a, b) => Number(Boolean(b.isLongest)) - Number(Boolean(a.isLongest)))
  return nodes.flatMap((n) => [`${"  ".repeat(depth)}${n.url} (ends ${ms(n.navStartToEndTime)})`, ...treeLines(n.children, depth + 1)])
}

/** One readable line (or a few) per row of an audit's details. */
function describeItem(item) {
  if (item === null || typeof item !== "object") return [String(item ?? "")]
  if (item.type === "node") return [nodeText(item)]
  if (item.type === "text") return [oneLine(item.value)]
  if (item.type === "checklist") return Object.values(item.items).filter((c) => !c.value).map((c) => `not done: ${c.label}`)
  if (item.type === "list-section") {
    if (item.value?.type === "network-tree") return treeLines(item.value.chains)
    if (item.value?.type === "text") return [`${item.title ? `${item.title}: ` : ""}${oneLine(item.value.value)}`]
    return []
  }
  const parts = []
  if (item.node?.type === "node") parts.push(nodeText(item.node))
  const src = item.source
  const url =
    item.url ?? (src?.type === "source-location" ? `${src.url}:${src.line}` : null) ?? item.sourceLocation?.url ?? item.frameUrl ?? null
  if (url) parts.push(clip(url, 160))
  if (src?.type === "text") parts.push(oneLine(src.value))
  if (typeof src === "string") parts.push(src)
  if (item.phase) parts.push(`${item.phase} ${ms(item.timing)} (${item.percent})`)
  if (item.groupLabel) parts.push(`${item.groupLabel} ${ms(item.duration)}`)
  if (item.reason) parts.push(oneLine(item.reason))
  if (item.description) parts.push(clip(oneLine(item.description), 160))
  if (!parts.length && item.label) parts.push(oneLine(item.label))
  if (typeof item.total === "number") parts.push(`${ms(item.total)} total${typeof item.scripting === "number" ? `, ${ms(item.scripting)} scripting` : ""}`)
  if (typeof item.duration === "number" && typeof item.startTime === "number") parts.push(`${ms(item.duration)} task at ${ms(item.startTime)}`)
  if (typeof item.reflowTime === "number") parts.push(`${ms(item.reflowTime)} reflow`)
  if (typeof item.blockingTime === "number" && item.blockingTime > 0) parts.push(`${ms(item.blockingTime)} blocking`)
  if (typeof item.wastedMs === "number" && item.wastedMs > 0) parts.push(`~${ms(item.wastedMs)}`)
  if (typeof item.wastedBytes === "number" && item.wastedBytes > 0) parts.push(`~${Math.round(item.wastedBytes / 1024)} KiB`)
  return parts.length ? [parts.join(" | ")] : []
}

function itemsOf(details) {
  if (!details || !Array.isArray(details.items)) return []
  // Lists (LCP element, insights) nest tables, checklists, nodes and sections.
  return details.items.flatMap((it) => (it?.type === "table" || it?.type === "list" ? itemsOf(it) : describeItem(it))).filter(Boolean)
}

/**
 * @returns {Record<string, { score: number, lost: Array<{ id, title, score, points, displayValue, items }>, hints: Array<{ id, title, score, displayValue, items }> }>}
 */
export function costlyAudits(lhr) {
  const out = {}
  for (const [catId, cat] of Object.entries(lhr.categories)) {
    const total = cat.auditRefs.reduce((s, r) => s + r.weight, 0) || 1
    const lost = []
    const hints = []
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id]
      if (!a || a.score === null || ["notApplicable", "manual", "informative", "error"].includes(a.scoreDisplayMode)) continue
      const entry = {
        id: a.id,
        title: a.title,
        score: a.score,
        displayValue: a.displayValue ?? "",
        items: itemsOf(a.details),
      }
      if (ref.weight > 0 && a.score < 1) lost.push({ ...entry, points: (ref.weight * (1 - a.score) * 100) / total })
      else if (ref.weight === 0 && catId === "performance" && a.score < 0.9) hints.push(entry)
    }
    // Long tasks are "informative" (no score) but are what Total Blocking Time adds up.
    const longTasks = lhr.audits["long-tasks"]
    if (catId === "performance" && longTasks?.details?.items?.length) {
      hints.push({ id: longTasks.id, title: longTasks.title, score: null, displayValue: longTasks.displayValue ?? "", items: itemsOf(longTasks.details) })
    }
    lost.sort((x, y) => y.points - x.points)
    out[catId] = { score: Math.round(cat.score * 100), lost, hints }
  }
  return out
}

/** Performance metric values of one run, for the readable summary. */
export function metrics(lhr) {
  const ids = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
  return Object.fromEntries(ids.map((id) => [id, lhr.audits[id]?.displayValue ?? "?"]))
}

/** Text lines describing one category's costly audits; failedIn maps audit id -> runs it failed in. */
export function formatCostly(catId, entry, failedIn, runs, { withHints = true } = {}) {
  const lines = []
  for (const a of entry.lost) {
    const flaky = failedIn[a.id] && failedIn[a.id] < runs ? ` (failed in ${failedIn[a.id]}/${runs} runs)` : ""
    lines.push(`    - ${a.id} "${a.title}" -${a.points.toFixed(1)} pts, score ${a.score.toFixed(2)}${a.displayValue ? `, ${a.displayValue}` : ""}${flaky}`)
    for (const it of a.items.slice(0, MAX_ITEMS)) lines.push(`        · ${it}`)
    if (a.items.length > MAX_ITEMS) lines.push(`        · … ${a.items.length - MAX_ITEMS} more in the report`)
  }
  if (withHints && catId === "performance" && entry.hints.length) {
    lines.push("    opportunities / diagnostics (no weight of their own, they explain the metrics):")
    for (const a of entry.hints) {
      const score = a.score === null ? "" : ` score ${a.score.toFixed(2)}${a.displayValue ? "," : ""}`
      lines.push(`    - ${a.id} "${a.title}"${score}${a.displayValue ? ` ${a.displayValue}` : ""}`)
      for (const it of a.items.slice(0, MAX_ITEMS)) lines.push(`        · ${it}`)
      if (a.items.length > MAX_ITEMS) lines.push(`        · … ${a.items.length - MAX_ITEMS} more in the report`)
    }
  }
  return lines
}
