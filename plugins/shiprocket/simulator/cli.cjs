#!/usr/bin/env node
/**
 * A Shiprocket API on your machine, for trying the plugin by hand:
 *
 *   node plugins/shiprocket/simulator/cli.cjs --port 4020
 *
 * then point the plugin at it (SHIPROCKET_API_URL=http://127.0.0.1:4020/v1/external,
 * SHIPROCKET_EMAIL=api@example.com, SHIPROCKET_PASSWORD=secret). Prints one line per
 * request. Type commands on stdin to steer it (`help` lists them): move a shipment along
 * and send the tracking webhook, inject 429s, 5xx, slow answers, expire tokens.
 *
 * Options: --port N (default 4020), --host H, --email E, --password P, --mfa,
 * --webhook-url URL (where `status` sends tracking webhooks), --webhook-token T (x-api-key),
 * --pickup NAME[=PINCODE] (repeatable: registered pickup locations; default any name),
 * --quiet (no request lines).
 */
"use strict"

const readline = require("node:readline")
const { startShiprocketSimulator } = require("./shiprocket-simulator.cjs")

function usage(message) {
  if (message) process.stderr.write(`${message}\n\n`)
  process.stderr.write("usage: cli.cjs [--port 4020] [--host 127.0.0.1] [--email E] [--password P] [--mfa] [--webhook-url URL] [--webhook-token T] [--pickup NAME[=PIN]]... [--quiet]\n")
  process.exit(2)
}

function parseArgs(argv) {
  const out = { port: 4020, host: "127.0.0.1", email: undefined, password: undefined, mfa: false, webhookUrl: null, webhookToken: undefined, pickups: [], quiet: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1
    const flag = eq > 0 ? arg.slice(0, eq) : arg
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
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
      case "--email":
        out.email = value()
        break
      case "--password":
        out.password = value()
        break
      case "--mfa":
        out.mfa = true
        break
      case "--webhook-url":
        out.webhookUrl = value()
        break
      case "--webhook-token":
        out.webhookToken = value()
        break
      case "--pickup": {
        const v = value()
        const [name, pin] = v.split("=")
        out.pickups.push(pin ? { pickup_location: name, pin_code: pin } : name)
        break
      }
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
  return out
}

const HELP = `commands:
  orders                          list stored orders
  status <awb> <id> [location]    record a shipment status (42 picked up, 18 in transit, 17 out for delivery, 7 delivered, 21 undelivered, 9 RTO...) and send the webhook
  webhook <awb>                   send the webhook for the current status again
  429 <n> [endpoint]              the next n requests answer 429
  5xx <n> [status] [endpoint]     the next n requests answer a 5xx
  slow <endpoint|*> <ms>          delay an endpoint (0 clears)
  hold <n>                        the next n adhoc creates are stored and never answered
  expire                          expire every token
  stats                           counters
  help`

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const sim = await startShiprocketSimulator({
    port: args.port,
    host: args.host,
    email: args.email,
    password: args.password,
    mfa: args.mfa,
    pickupLocations: args.pickups.length ? args.pickups : undefined,
    log: (line) => process.stderr.write(`[shiprocket-simulator] ${line}\n`),
  })
  const say = (line) => process.stderr.write(`[shiprocket-simulator] ${line}\n`)
  say(`API at ${sim.url} (login ${sim.credentials.email} / ${sim.credentials.password}${args.mfa ? ", MFA on" : ""})`)
  if (args.webhookUrl) say(`tracking webhooks go to ${args.webhookUrl}`)
  say("type `help` for commands")
  if (!args.quiet) {
    let shown = 0
    setInterval(() => {
      while (shown < sim.requests.length && sim.requests[shown].status !== null) {
        const r = sim.requests[shown++]
        process.stdout.write(`${r.at.toISOString()} ${r.method} ${r.path} -> ${r.status}${r.fault ? ` (${r.fault})` : ""}\n`)
      }
    }, 200).unref()
  }
  const send = async (awb, statusId, location) => {
    if (!args.webhookUrl) return say("no --webhook-url: status recorded, nothing sent")
    const res = await sim.sendTrackingWebhook({ url: args.webhookUrl, apiKey: args.webhookToken, awb, statusId, location, allowAnyUrl: false })
    say(`webhook -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
  }
  const rl = readline.createInterface({ input: process.stdin })
  rl.on("line", async (line) => {
    const [cmd, ...rest] = line.trim().split(/\s+/)
    try {
      switch (cmd) {
        case "":
          break
        case "help":
          process.stderr.write(`${HELP}\n`)
          break
        case "orders":
          for (const o of sim.orders) {
            const last = o.history[o.history.length - 1]
            process.stdout.write(`${o.channel_order_id} sr=${o.order_id} shipment=${o.shipment_id} awb=${o.awb_code ?? "-"} ${o.is_return ? "RETURN " : ""}${o.status} ${last ? `${last.statusId} ${last.label}` : ""}\n`)
          }
          break
        case "status":
          if (rest.length < 2) throw new Error("status <awb> <id> [location]")
          if (args.webhookUrl) await send(rest[0], Number(rest[1]), rest.slice(2).join(" ") || undefined)
          else sim.advanceShipment(rest[0], Number(rest[1]), { location: rest.slice(2).join(" ") || undefined })
          break
        case "webhook":
          await send(rest[0])
          break
        case "429":
          sim.rateLimitNext(Number(rest[0] ?? 1), { endpoint: rest[1] })
          break
        case "5xx":
          sim.failNext(Number(rest[0] ?? 1), { status: Number(rest[1] ?? 500), endpoint: rest[2] })
          break
        case "slow":
          sim.setDelay(rest[0], Number(rest[1] ?? 0))
          break
        case "hold":
          sim.storeThenTimeoutNext(Number(rest[0] ?? 1))
          break
        case "expire":
          sim.expireTokens()
          break
        case "stats":
          process.stdout.write(`${JSON.stringify({ counts: sim.counts(), stats: sim.stats() }, null, 2)}\n`)
          break
        default:
          say(`unknown command ${cmd}; try help`)
      }
    } catch (error) {
      say(error?.message ?? String(error))
    }
  })
  const stop = async () => {
    await sim.close()
    process.exit(0)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error) => {
  process.stderr.write(`[shiprocket-simulator] ${error?.message ?? error}\n`)
  process.exit(1)
})
