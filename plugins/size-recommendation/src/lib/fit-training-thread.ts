import { Worker, isMainThread, parentPort, workerData } from "worker_threads"
import { FitModel, FitObservation } from "../core"

/**
 * Training replays every review, seconds of CPU for a store with 200k of them: run on the
 * main thread it would hold up every request the server is answering meanwhile. So it runs
 * on a thread of its own, and the trained model comes back to be served from memory.
 */
export function trainOffThread(rows: FitObservation[]): Promise<FitModel> {
  // Under ts-jest or ts-node there is no compiled file for a worker to load.
  if (!__filename.endsWith(".js")) return Promise.resolve(FitModel.train(rows))
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { rows } })
    worker.once("message", (trained: unknown) => resolve(FitModel.revive(trained)))
    worker.once("error", reject)
    worker.once("exit", (code) => reject(new Error(`the training thread stopped (exit code ${code}) before it sent a model`)))
  })
}

if (!isMainThread && parentPort && Array.isArray(workerData?.rows)) {
  parentPort.postMessage(FitModel.train(workerData.rows as FitObservation[]))
}
