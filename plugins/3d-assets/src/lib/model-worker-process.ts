import { fork } from "child_process"
import path from "path"
import type { WorkerMessage, WorkerResult, WorkerTask } from "../jobs/model-worker"

export type RunOptions = {
  onProgress?: (stage: string, fraction: number) => void
  /** The child is killed past this; the job fails with a message saying so. */
  timeoutMs: number
  /** V8 heap cap of the child (MB); the pipeline's native buffers (sharp, validator) come on top. */
  maxHeapMb?: number
}

/**
 * Runs one pipeline task in a child process and resolves with its result. A child that
 * dies (out of memory, a native crash) or overruns its time becomes a failed result with
 * the reason in words, never an exception in the server.
 */
export function runModelWorker(task: WorkerTask, options: RunOptions): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const script = path.join(__dirname, "..", "jobs", "model-worker.js")
    const child = fork(script, [JSON.stringify(task)], {
      execArgv: [`--max-old-space-size=${options.maxHeapMb ?? 1536}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    })
    let settled = false
    let stderr = ""
    const finish = (result: WorkerResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (child.exitCode === null) child.kill("SIGKILL")
      resolve(result)
    }
    const failed = (message: string): WorkerResult => ({ ok: false, code: "processing_error", problems: [{ field: "file", message }] })
    const timer = setTimeout(() => finish(failed(`Processing took longer than ${Math.round(options.timeoutMs / 1000)} s and was stopped`)), options.timeoutMs)
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000)
    })
    child.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") options.onProgress?.(message.stage, message.fraction)
      else if (message.type === "result") finish(message.result)
    })
    child.on("error", (error) => finish(failed(`Processing could not start: ${error.message}`)))
    child.on("exit", (code, signal) => {
      const oom = /heap out of memory|Allocation failed/i.test(stderr)
      finish(failed(oom ? "The model needs more memory to process than this server allows" : `Processing stopped (${signal ?? `exit code ${code}`})`))
    })
  })
}
