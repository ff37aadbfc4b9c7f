/**
 * Runs named steps with visible progress: a live timer on a terminal, plain lines in
 * CI logs. Child process output goes to .data/logs/<step>.log and its tail is shown
 * when the step fails, so a failure is readable without scrolling through webpack.
 */
import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"

const tty = process.stdout.isTTY
const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

export class StepError extends Error {}

export function createStepRunner({ total, logDir }) {
  let index = 0
  fs.mkdirSync(logDir, { recursive: true })

  async function step(title, work) {
    index += 1
    const label = `[${index}/${total}] ${title}`
    const started = Date.now()
    let frame = 0
    let timer
    if (tty) {
      timer = setInterval(() => {
        const secs = ((Date.now() - started) / 1000).toFixed(0)
        process.stdout.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label} ${secs}s `)
      }, 120)
    } else {
      console.log(`… ${label}`)
    }
    try {
      const note = await work()
      const secs = ((Date.now() - started) / 1000).toFixed(1)
      if (timer) clearInterval(timer)
      process.stdout.write(`${tty ? "\r" : ""}✔ ${label} (${secs}s)${note ? ` - ${note}` : ""}${tty ? "      " : ""}\n`)
      return note
    } catch (error) {
      if (timer) clearInterval(timer)
      process.stdout.write(`${tty ? "\r" : ""}✖ ${label}\n`)
      throw error
    }
  }

  /**
   * Runs a command, its output into logDir/<logName>.log; rejects with the log's tail.
   * Lines matching `echo` are also shown (a child's own progress lines).
   */
  function run(command, args, { cwd, env, logName, echo }) {
    const logFile = path.join(logDir, `${logName}.log`)
    const out = fs.openSync(logFile, "w")
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd, env, stdio: ["ignore", echo ? "pipe" : out, echo ? "pipe" : out] })
      if (echo) {
        let pending = ""
        const onData = (chunk) => {
          fs.writeSync(out, chunk)
          const lines = (pending + chunk.toString()).split("\n")
          pending = lines.pop()
          for (const line of lines) if (echo.test(line)) process.stdout.write(`${tty ? "\r\x1b[K" : ""}${line}\n`)
        }
        child.stdout.on("data", onData)
        child.stderr.on("data", onData)
      }
      child.on("error", reject)
      child.on("exit", (code, signal) => {
        fs.closeSync(out)
        if (code === 0) return resolve()
        const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-25).join("\n")
        reject(new StepError(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}); last lines of ${logFile}:\n${tail}`))
      })
    })
  }

  return { step, run }
}
