/**
 * Every custom endpoint, found the way Medusa finds them: file-based routes under
 * `plugins/<name>/src/api` and `backend/src/api` (the folders are the path, `[x]` a
 * parameter, the exported HTTP verbs the methods), plus the webhooks the plugins'
 * READMEs document. Reading the tree instead of keeping a list means a route added
 * tomorrow is fuzzed tomorrow.
 */
import fs from "node:fs"
import path from "node:path"

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else if (/^route\.(ts|js|mjs)$/.test(entry.name)) out.push(full)
  }
  return out
}

/** The HTTP verbs a route module exports, by any of the ways TypeScript lets it say so. */
export function exportedMethods(source) {
  const found = new Set()
  const verb = METHODS.join("|")
  for (const m of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s+(${verb})\\b`, "g"))) found.add(m[1])
  for (const m of source.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+(${verb})\\b`, "g"))) found.add(m[1])
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim()
      if (METHODS.includes(name)) found.add(name)
    }
  }
  return [...found].sort((a, b) => METHODS.indexOf(a) - METHODS.indexOf(b))
}

/** `store/products/[id]/reviews` -> `/store/products/:id/reviews`. */
export function routePath(apiDir, file) {
  const rel = path.relative(apiDir, path.dirname(file)).split(path.sep).filter(Boolean)
  return "/" + rel.map((seg) => seg.replace(/^\[(\.\.\.)?([^\]]+)\]$/, ":$2")).join("/")
}

/** Webhook endpoints a README names (`POST /hooks/...`), with `<CODE>` and `{x}` read as parameters. */
export function documentedWebhooks(readme) {
  const out = []
  const verb = METHODS.join("|")
  for (const m of readme.matchAll(new RegExp(`\\b(${verb})\\s+\`?(/hooks/[^\\s\`)|,]+)`, "g"))) {
    const p = m[2].replace(/<([^>]+)>/g, (_, n) => `:${n.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`).replace(/\{([^}]+)\}/g, ":$1").replace(/[.:;]+$/, "")
    out.push({ method: m[1], path: p })
  }
  for (const m of readme.matchAll(/`(\/hooks\/[^\s`]+)`/g)) {
    // A bare path in backticks ("also `/hooks/shiprocket/tracking` for relays") is a POST webhook.
    const p = m[1].replace(/<([^>]+)>/g, (_, n) => `:${n.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`).replace(/\{([^}]+)\}/g, ":$1")
    if (!p.includes(" ")) out.push({ method: "POST", path: p })
  }
  return out
}

/** Same shape whatever the parameters are called: `/hooks/suppliers/:code` == `/hooks/suppliers/:your_code`. */
export const shapeOf = (p) => p.replace(/:[^/]+/g, ":")

/**
 * @returns {{ endpoints: { method: string, path: string, source: string, file: string | null, params: string[], documented: boolean, built: boolean }[], problems: string[] }}
 */
export function discoverEndpoints(repoRoot) {
  const roots = []
  const pluginsDir = path.join(repoRoot, "plugins")
  for (const name of fs.existsSync(pluginsDir) ? fs.readdirSync(pluginsDir).sort() : []) {
    roots.push({ source: `plugins/${name}`, apiDir: path.join(pluginsDir, name, "src", "api"), readme: path.join(pluginsDir, name, "README.md") })
  }
  roots.push({ source: "backend", apiDir: path.join(repoRoot, "backend", "src", "api"), readme: null })

  const endpoints = []
  const problems = []
  const seen = new Map()
  for (const root of roots) {
    for (const file of walk(root.apiDir).sort()) {
      const source = fs.readFileSync(file, "utf8")
      const methods = exportedMethods(source)
      const p = routePath(root.apiDir, file)
      if (!methods.length) problems.push(`${path.relative(repoRoot, file)} exports no HTTP method`)
      for (const method of methods) {
        const key = `${method} ${shapeOf(p)}`
        if (seen.has(key)) {
          problems.push(`${method} ${p} is defined twice: ${seen.get(key).file} and ${path.relative(repoRoot, file)}`)
          continue
        }
        // The server runs the compiled routes: one missing from dist/ answers 404 until someone builds.
        const compiled = path.join(path.dirname(root.apiDir), "..", "dist", path.relative(path.dirname(root.apiDir), file)).replace(/\.ts$/, ".js")
        const endpoint = { method, path: p, source: root.source, file: path.relative(repoRoot, file), params: [...p.matchAll(/:([^/]+)/g)].map((m) => m[1]), documented: false, built: fs.existsSync(compiled) }
        seen.set(key, endpoint)
        endpoints.push(endpoint)
      }
    }
  }
  for (const root of roots) {
    if (!root.readme || !fs.existsSync(root.readme)) continue
    for (const hook of documentedWebhooks(fs.readFileSync(root.readme, "utf8"))) {
      const key = `${hook.method} ${shapeOf(hook.path)}`
      const known = seen.get(key)
      if (known) {
        known.documented = true
        continue
      }
      // Documented but no route file: fuzz it anyway (it should answer 404, never 5xx) and say so.
      problems.push(`${root.source}/README.md documents ${hook.method} ${hook.path}, but no route file serves it`)
      const endpoint = { method: hook.method, path: hook.path, source: root.source, file: null, params: [...hook.path.matchAll(/:([^/]+)/g)].map((m) => m[1]), documented: true, built: false }
      seen.set(key, endpoint)
      endpoints.push(endpoint)
    }
  }
  return { endpoints, problems }
}
