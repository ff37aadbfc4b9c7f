/**
 * The production model on the real RentTheRunway dev split, as `npm run fit-eval` runs it:
 * it must keep clearing the bar the issue set (average one-vs-rest AUC 0.72) and beating
 * both reference models. About 20 s; the data lives outside the repository
 * (../shared/data/fit), so without it the test says so and checks nothing.
 */
import { existsSync, mkdtempSync } from "fs"
import { tmpdir } from "os"
import { join, resolve } from "path"
import { runFitEval } from "../../src/cli/fit-eval"

const dataDir = resolve(__dirname, "../../../../../shared/data/fit")
const train = join(dataDir, "rtr-dev-train.jsonl")
const test = join(dataDir, "rtr-dev-test.jsonl")
const haveData = existsSync(train) && existsSync(test)

;(haveData ? describe : describe.skip)("fit-eval on the RentTheRunway dev split", () => {
  it("scores at least 0.72 average AUC and beats item frequency and 1-LV", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "fit-eval-dev-")), "predictions.jsonl")
    const scores = await runFitEval({ train, test, out, models: ["ours", "1lv", "itemfreq"] }, () => undefined)
    expect(scores.ours!.rows).toBe(18353)
    expect(scores.ours!.auc).toBeGreaterThanOrEqual(0.72)
    expect(scores.ours!.auc).toBeGreaterThan(scores.itemfreq!.auc)
    expect(scores.ours!.auc).toBeGreaterThan(scores["1lv"]!.auc)
    expect(scores.itemfreq!.auc).toBeCloseTo(0.691, 2)
  }, 120_000)
})

if (!haveData) {
  // eslint-disable-next-line no-console
  console.warn(`fit-eval dev split not found at ${dataDir}: the model-quality test was skipped`)
}
