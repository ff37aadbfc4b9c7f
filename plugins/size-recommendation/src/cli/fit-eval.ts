/**
 * npm run fit-eval -w plugins/size-recommendation -- --train F --test F --out PRED [--model ours,1lv,itemfreq]
 *
 * Trains each model on --train, predicts every --test row from what came before it
 * (train, and earlier test rows' sizes: never their fit), writes the first model's
 * predictions to --out as JSON lines {"id","p_small","p_fit","p_large"}, then, when
 * the test rows carry a fit, prints each model's scores side by side.
 */
import { createReadStream, createWriteStream, statSync } from "fs"
import { createInterface } from "readline"
import { resolve } from "path"
import { Presets, SingleBar } from "cli-progress"
import {
  FitLabel,
  FitModel,
  FitPredictor,
  FitProbabilities,
  FitScores,
  ItemFrequencyModel,
  OneLatentVariableModel,
  FitObservation,
  scoreFitPredictions,
} from "../core/fit-model"
import { RentTheRunwayRow, rentTheRunwayObservation } from "./rent-the-runway"

type ModelName = "ours" | "1lv" | "itemfreq"
const MODELS: Record<ModelName, { title: string; train: (rows: FitObservation[], progress: Progress) => FitPredictor }> = {
  ours: { title: "ours (production)", train: (rows, progress) => FitModel.train(rows, { onProgress: progress }) },
  "1lv": { title: "1-LV (true size)", train: (rows) => OneLatentVariableModel.train(rows) },
  itemfreq: { title: "item frequency", train: (rows) => ItemFrequencyModel.train(rows) },
}
type Progress = (done: number, total: number) => void

export type FitEvalArgs = { train: string; test: string; out: string; models: ModelName[] }

export function parseArgs(argv: string[]): FitEvalArgs {
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (!flag.startsWith("--")) throw new Error(`unexpected argument ${flag}`)
    const [name, inline] = flag.slice(2).split("=", 2)
    const value = inline ?? argv[++i]
    if (value === undefined) throw new Error(`--${name} needs a value`)
    values[name] = value
  }
  for (const name of Object.keys(values)) if (!["train", "test", "out", "model"].includes(name)) throw new Error(`unknown option --${name}`)
  for (const name of ["train", "test", "out"]) if (!values[name]) throw new Error(`--${name} is required`)
  const models = (values.model ?? "ours,1lv,itemfreq").split(",").map((m) => m.trim()) as ModelName[]
  for (const model of models) if (!(model in MODELS)) throw new Error(`unknown model ${model}: use ours, 1lv or itemfreq`)
  // npm runs workspace scripts in the workspace folder: paths are read from where npm was called.
  const base = process.env.INIT_CWD ?? process.cwd()
  return { train: resolve(base, values.train), test: resolve(base, values.test), out: resolve(base, values.out), models }
}

async function readJsonLines(file: string, label: string, each: (row: RentTheRunwayRow, line: number) => void): Promise<void> {
  const total = statSync(file).size
  const bar = progressBar(`read ${label}`, total)
  let bytes = 0
  let line = 0
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++
    bytes += Buffer.byteLength(text) + 1
    if (text.trim() === "") continue
    let row: RentTheRunwayRow
    try {
      row = JSON.parse(text)
    } catch {
      throw new Error(`${file}:${line} is not JSON`)
    }
    each(row, line)
    if (line % 5000 === 0) bar?.update(Math.min(bytes, total))
  }
  bar?.update(total)
  bar?.stop()
}

function progressBar(phase: string, total: number): SingleBar | null {
  if (!process.stderr.isTTY) return null
  const bar = new SingleBar({ format: `  ${phase.padEnd(22)} [{bar}] {percentage}%`, stream: process.stderr, hideCursor: true }, Presets.shades_classic)
  bar.start(total, 0)
  return bar
}

/** Predicts in time order so each row knows only the past; returns predictions in file order. */
function predictInTimeOrder(model: FitPredictor, rows: FitObservation[], label: string): FitProbabilities[] {
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].at - rows[b].at || a - b)
  const predictions: FitProbabilities[] = new Array(rows.length)
  const bar = progressBar(`predict ${label}`, rows.length)
  order.forEach((index, n) => {
    predictions[index] = model.predict(rows[index])
    model.observe(rows[index])
    if (n % 2000 === 0) bar?.update(n)
  })
  bar?.update(rows.length)
  bar?.stop()
  return predictions
}

export async function runFitEval(args: FitEvalArgs, log: (line: string) => void): Promise<Record<string, FitScores | null>> {
  const train: FitObservation[] = []
  await readJsonLines(args.train, "train", (row, line) => {
    try {
      train.push(rentTheRunwayObservation(row, true))
    } catch (error) {
      throw new Error(`${args.train}:${line}: ${(error as Error).message}`)
    }
  })
  const ids: string[] = []
  const test: FitObservation[] = []
  // The answers are kept apart and only looked at once every prediction is written.
  const heldBack: (string | undefined)[] = []
  await readJsonLines(args.test, "test", (row, line) => {
    if (row.id === undefined) throw new Error(`${args.test}:${line} has no id`)
    ids.push(String(row.id))
    heldBack.push(row.fit)
    test.push(rentTheRunwayObservation({ ...row, fit: undefined }, false))
  })
  log(`train ${train.length} rows, test ${test.length} rows`)

  const predictions: Record<string, FitProbabilities[]> = {}
  for (const name of args.models) {
    const started = Date.now()
    const bar = progressBar(`train ${name}`, train.length)
    const model = MODELS[name].train(train, (done, total) => {
      bar?.setTotal(total)
      bar?.update(done)
    })
    bar?.stop()
    const trained = Date.now()
    predictions[name] = predictInTimeOrder(model, test, name)
    log(`${MODELS[name].title}: trained in ${((trained - started) / 1000).toFixed(1)} s, predicted in ${((Date.now() - trained) / 1000).toFixed(1)} s`)
  }

  await writePredictions(args.out, ids, predictions[args.models[0]])
  log(`wrote ${ids.length} predictions of ${MODELS[args.models[0]].title} to ${args.out}`)

  const labelled = heldBack.every((fit) => fit === "small" || fit === "fit" || fit === "large")
  if (!labelled) {
    log("the test rows carry no fit: predictions written, no scores")
    return Object.fromEntries(args.models.map((name) => [name, null]))
  }
  const truth = heldBack as FitLabel[]
  const scores = Object.fromEntries(args.models.map((name) => [name, scoreFitPredictions(predictions[name], truth)]))
  log("")
  log(`${"model".padEnd(20)}${"avg AUC".padStart(9)}${"small".padStart(8)}${"fit".padStart(8)}${"large".padStart(8)}${"accuracy".padStart(10)}${"macro F1".padStart(10)}`)
  for (const name of args.models) {
    const s = scores[name]
    log(
      `${MODELS[name].title.padEnd(20)}${s.auc.toFixed(4).padStart(9)}${s.aucByClass.small.toFixed(4).padStart(8)}${s.aucByClass.fit.toFixed(4).padStart(8)}${s.aucByClass.large.toFixed(4).padStart(8)}${s.accuracy.toFixed(4).padStart(10)}${s.macroF1.toFixed(4).padStart(10)}`
    )
  }
  return scores
}

function writePredictions(file: string, ids: string[], predictions: FitProbabilities[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file)
    out.on("error", reject)
    ids.forEach((id, i) => {
      const p = predictions[i]
      out.write(JSON.stringify({ id, p_small: round(p.small), p_fit: round(p.fit), p_large: round(p.large) }) + "\n")
    })
    out.end(resolve)
  })
}

const round = (value: number) => Math.round(value * 1e6) / 1e6

if (require.main === module) {
  let args: FitEvalArgs
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`fit-eval: ${(error as Error).message}`)
    console.error("usage: npm run fit-eval -w plugins/size-recommendation -- --train F --test F --out PRED [--model ours,1lv,itemfreq]")
    process.exit(2)
  }
  runFitEval(args, (line) => console.log(line)).catch((error) => {
    console.error(`fit-eval: ${(error as Error).message}`)
    process.exit(1)
  })
}
