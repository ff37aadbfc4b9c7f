#!/usr/bin/env node
/**
 * A supplier's webhook endpoint on your machine, for trying order forwarding by hand:
 *
 *   node plugins/supplier-forwarding/simulator/cli.cjs --port 4010 --supplier SURAT-API=whsec_...
 *
 * (the seed's SURAT-API delivers to http://127.0.0.1:4010/orders; its secret is printed
 * once by the seed, or rotate it in the admin). Prints each order it receives. With one
 * supplier, deliveries are accepted on any path; with several, on
 * /suppliers/:code/orders or on any path signed by one of their secrets.
 *
 * Options: --port N (default 4010), --host H (default 127.0.0.1), --supplier CODE=SECRET
 * (repeatable), --fail-rate X (0..1, failures on purpose), --json (one JSON line per
 * message on stdout), --quiet (no failure/refusal lines on stderr).
 */
"use strict"

const { startSupplierSimulator } = require("./supplier-simulator.cjs")

function usage(message) {
  if (message) process.stderr.write(`${message}\n\n`)
  process.stderr.write(
    "usage: cli.cjs [--port 4010] [--host 127.0.0.1] --supplier CODE=whsec_... [--supplier ...] [--fail-rate 0.3] [--json] [--quiet]\n"
  )
  process.exit(2)
}

function parseArgs(argv) {
  const out = { port: 4010, host: "127.0.0.1", suppliers: {}, failRate: 0, json: false, quiet: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.includes("=") && arg.startsWith("--") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined]
    const value = () => {
      if (inline !== undefined) return inline
      const v = argv[++i]
      if (v === undefined) usage(`${flag} needs a value`)
      return v
    }
    switch (flag) {
      case "--port":
        out.port = Number(value())
        if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) usage("--port must be 0-65535")
        break
      case "--host":
        out.host = value()
        break
      case "--supplier": {
        const v = value()
        const eq = v.indexOf("=")
        if (eq <= 0 || !v.slice(eq + 1).startsWith("whsec_")) usage(`--supplier wants CODE=whsec_..., got ${v}`)
        out.suppliers[v.slice(0, eq)] = v.slice(eq + 1)
        break
      }
      case "--fail-rate":
        out.failRate = Number(value())
        if (!(out.failRate >= 0 && out.failRate <= 1)) usage("--fail-rate must be between 0 and 1")
        break
      case "--json":
        out.json = true
        break
      case "--quiet":
        out.quiet = true
        break
      case "-h":
      case "--help":
        usage()
        break
      default:
        usage(`unknown option ${arg}`)
    }
  }
  if (Object.keys(out.suppliers).length === 0) usage("give at least one --supplier CODE=whsec_...")
  return out
}

function describe(m) {
  const d = m.data ?? {}
  const items = Array.isArray(d.items) ? d.items.map((i) => `${i.quantity ?? "?"} x ${i.supplier_sku ?? i.sku ?? i.variant_id ?? "?"}`).join(", ") : ""
  const parts = [
    `${m.receivedAt.toISOString()} ${m.code} ${m.type ?? "(no type)"}`,
    d.supplier_order_id ? `supplier order ${d.supplier_order_id}` : null,
    d.order_number !== undefined ? `our order #${d.order_number}` : null,
    items ? `items: ${items}` : null,
    d.payment?.method ? `payment ${d.payment.method}${d.payment.collect_amount !== undefined ? ` collect ${d.payment.collect_amount}` : ""}` : null,
    `webhook-id ${m.webhookId}`,
  ]
  return parts.filter(Boolean).join(" | ")
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const sim = await startSupplierSimulator({
    port: args.port,
    host: args.host,
    suppliers: args.suppliers,
    failRate: args.failRate,
    anyPath: true,
    log: args.quiet ? undefined : (line) => process.stderr.write(`[supplier-simulator] ${line}\n`),
    onMessage: (m) => {
      if (args.json) process.stdout.write(`${JSON.stringify({ ...m, receivedAt: m.receivedAt.toISOString() })}\n`)
      else process.stdout.write(`${describe(m)}\n${JSON.stringify(m.data, null, 2)}\n`)
    },
  })
  const codes = Object.keys(args.suppliers)
  process.stderr.write(`[supplier-simulator] listening on ${sim.url} for ${codes.join(", ")}${args.failRate ? ` (failing ${args.failRate * 100}% on purpose)` : ""}\n`)
  if (codes.length === 1) process.stderr.write(`[supplier-simulator] any path works, e.g. ${sim.url}/orders\n`)
  else for (const code of codes) process.stderr.write(`[supplier-simulator] ${code}: ${sim.endpointFor(code)}\n`)
  const stop = async () => {
    const s = sim.stats()
    process.stderr.write(`\n[supplier-simulator] requests=${s.requests} unique=${s.unique} duplicates=${s.duplicates} bad_signatures=${s.badSignatures} failed_on_purpose=${s.failedOnPurpose}\n`)
    await sim.close()
    process.exit(0)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error) => {
  process.stderr.write(`[supplier-simulator] ${error?.message ?? error}\n`)
  process.exit(1)
})
