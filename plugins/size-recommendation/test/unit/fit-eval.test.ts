import { mkdtempSync, readFileSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import { join } from "path"
import { parseArgs, runFitEval } from "../../src/cli/fit-eval"
import { cupNumber, rentTheRunwayObservation } from "../../src/cli/rent-the-runway"
import { syntheticReviews } from "./synthetic-fit"

/** The synthetic store written the way RentTheRunway's files are. */
function writeRentTheRunway(dir: string) {
  const { rows } = syntheticReviews(3000)
  const asRtr = rows.map((row, i) => ({
    id: `t${i}`,
    fit: row.fit,
    user_id: row.user,
    item_id: row.item,
    size: row.size * 4,
    category: "dress",
    weight_lbs: row.body.weight_kg! / 0.45359237,
    height_in: row.body.height_cm! / 2.54,
    bust_size_num: null,
    bust_size_letter: null,
    body_type: "straight & narrow",
    age: 30,
    review_date: new Date(row.at).toISOString(),
  }))
  const train = join(dir, "train.jsonl")
  const test = join(dir, "test.jsonl")
  const unlabelled = join(dir, "unlabelled.jsonl")
  writeFileSync(train, asRtr.slice(0, 2400).map(({ id, ...r }) => JSON.stringify(r)).join("\n") + "\n")
  writeFileSync(test, asRtr.slice(2400).map((r) => JSON.stringify(r)).join("\n") + "\n")
  writeFileSync(unlabelled, asRtr.slice(2400).map(({ fit, ...r }) => JSON.stringify(r)).join("\n") + "\n")
  return { train, test, unlabelled }
}

describe("fit-eval", () => {
  const dir = mkdtempSync(join(tmpdir(), "fit-eval-"))
  const files = writeRentTheRunway(dir)

  it("writes one prediction per test row, in order, and scores every model side by side", async () => {
    const out = join(dir, "pred.jsonl")
    const lines: string[] = []
    const scores = await runFitEval({ train: files.train, test: files.test, out, models: ["ours", "1lv", "itemfreq"] }, (line) => lines.push(line))
    const predictions = readFileSync(out, "utf8").trim().split("\n").map((line) => JSON.parse(line))
    expect(predictions).toHaveLength(600)
    expect(predictions[0]).toEqual({ id: "t2400", p_small: expect.any(Number), p_fit: expect.any(Number), p_large: expect.any(Number) })
    for (const p of predictions) expect(p.p_small + p.p_fit + p.p_large).toBeCloseTo(1, 4)
    expect(scores.ours!.auc).toBeGreaterThan(scores.itemfreq!.auc)
    expect(lines.join("\n")).toMatch(/ours \(production\)\s+[01]\.\d{4}/)
    expect(lines.join("\n")).toMatch(/1-LV \(true size\)\s+[01]\.\d{4}/)
  })

  it("writes predictions and skips the scores when the test rows carry no fit", async () => {
    const out = join(dir, "unlabelled-pred.jsonl")
    const lines: string[] = []
    const scores = await runFitEval({ train: files.train, test: files.unlabelled, out, models: ["ours"] }, (line) => lines.push(line))
    expect(scores).toEqual({ ours: null })
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(600)
    expect(lines).toContain("the test rows carry no fit: predictions written, no scores")
  })

  it("predicts the same whether or not the test rows carry their fit (it never reads it)", async () => {
    const a = join(dir, "a.jsonl")
    const b = join(dir, "b.jsonl")
    await runFitEval({ train: files.train, test: files.test, out: a, models: ["ours"] }, () => undefined)
    await runFitEval({ train: files.train, test: files.unlabelled, out: b, models: ["ours"] }, () => undefined)
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"))
  })

  it("reads its arguments and refuses unknown ones", () => {
    const args = parseArgs(["--train", "a.jsonl", "--test=b.jsonl", "--out", "c.jsonl", "--model", "1lv,itemfreq"])
    expect(args.models).toEqual(["1lv", "itemfreq"])
    expect(args.train.endsWith("a.jsonl")).toBe(true)
    expect(() => parseArgs(["--train", "a", "--test", "b"])).toThrow("--out is required")
    expect(() => parseArgs(["--train", "a", "--test", "b", "--out", "c", "--model", "gbdt"])).toThrow("unknown model gbdt")
    expect(() => parseArgs(["--train", "a", "--test", "b", "--out", "c", "--seed", "1"])).toThrow("unknown option --seed")
  })
})

describe("RentTheRunway rows", () => {
  it("convert units, bra sizes and body types", () => {
    const row = rentTheRunwayObservation(
      { user_id: 1, item_id: 2, size: 8, fit: "small", height_in: 65, weight_lbs: 130, bust_size_num: 34, bust_size_letter: "dd", body_type: "full bust", age: 30, review_date: "2016-01-01T00:00:00.000Z" },
      true
    )
    expect(row.body.height_cm).toBeCloseTo(165.1)
    expect(row.body.weight_kg).toBeCloseTo(58.97, 1)
    expect(row.body).toMatchObject({ band_in: 34, cup: 5, body_type: "full_bust" })
    expect(row.fit).toBe("small")
    expect(cupNumber("d+")).toBe(5)
  })

  it("never take a fit it was not asked to read", () => {
    const row = rentTheRunwayObservation({ user_id: 1, item_id: 2, size: 8, fit: "small", review_date: "2016-01-01T00:00:00.000Z" }, false)
    expect(row.fit).toBeNull()
    expect(() => rentTheRunwayObservation({ user_id: 1, item_id: 2, size: 8, fit: "tight", review_date: "2016-01-01" }, true)).toThrow(/fit "tight"/)
  })
})
