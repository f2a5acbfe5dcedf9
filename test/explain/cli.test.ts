/**
 * `compalign explain` in process: argument parsing, the --json contract (exact keys, the
 * engine's numbers), the talking points on stdout, --out writing the plan pages into a copy
 * (the input untouched), and exit status 2 for an unreadable file or one without a Matrix.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { explainPlans } from "../../src/actions/explainPlans";
import {
  EXPLAIN_HELP,
  EXPLAIN_USAGE,
  parseExplainArgs,
  runExplainCommand,
  type ExplainOptions,
} from "../../src/cli/explain";
import { CliError, type Io } from "../../src/cli/io";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { writeXlsxBook } from "../helpers/xlsxBook";
import { PLAN_NAMES, SHEETS, type Sheet } from "./fixture";

let dir: string;
const path = (name: string) => join(dir, name);
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const writeBook = (file: string, sheets: Sheet[]) => writeXlsxBook(path(file), sheets);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "compalign-explain-"));
  await writeBook("plan.xlsx", SHEETS);
  await writeBook("nomatrix.xlsx", [SHEETS[0]]);
  writeFileSync(path("text.xlsx"), "not a workbook");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

/** What `main` does with a command: its status, or a CliError's exit code. */
async function exitOf(options: ExplainOptions, io: Io): Promise<number> {
  try {
    return await runExplainCommand(options, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(e.message);
      return e.exitCode;
    }
    throw e;
  }
}

describe("parseExplainArgs", () => {
  it.each([
    [["in.xlsx"], { input: "in.xlsx", out: undefined, json: false }],
    [["in.xlsx", "--json"], { input: "in.xlsx", out: undefined, json: true }],
    [["--out=o.xlsx", "in.xlsx", "--json"], { input: "in.xlsx", out: "o.xlsx", json: true }],
  ])("%j", (args, expected) => expect(parseExplainArgs(args)).toEqual(expected));

  it.each([
    [["in.xlsx", "--bogus"], "unknown option --bogus"],
    [[], "expected one input file, got 0"],
    [["a.xlsx", "b.xlsx"], "expected one input file, got 2"],
  ])("%j is a usage error (exit 2)", (args, message) => {
    expect(() => parseExplainArgs(args)).toThrow(message);
    expect(() => parseExplainArgs(args)).toThrow(`(usage: ${EXPLAIN_USAGE})`);
    try {
      parseExplainArgs(args);
    } catch (e) {
      expect((e as CliError).exitCode).toBe(2);
    }
  });
});

describe("runExplainCommand", () => {
  it("--json prints one object with the documented keys and the engine's numbers", async () => {
    const io = capture();
    expect(await exitOf({ input: path("plan.xlsx"), json: true }, io)).toBe(0);
    expect(io.out).toHaveLength(1);
    const json = JSON.parse(io.out[0]);
    expect(Object.keys(json)).toEqual(["plans"]);
    expect(json.plans.map((p: { plan: string }) => p.plan)).toEqual(PLAN_NAMES);
    const ae = json.plans[0];
    expect(Object.keys(ae)).toEqual([
      "plan",
      "objectives",
      "behaviors",
      "metrics",
      "medianTargetIncentive",
      "targetIncentiveBasis",
      "earnings",
      "howToEarnMore",
      "complexity",
      "talkingPoints",
    ]);
    expect(ae.objectives).toEqual([
      { objective: "Keep core", why: "Core pays the bills." },
      { objective: "Grow cloud", why: "Cloud is where customers are going." },
    ]);
    expect(ae.behaviors).toEqual(["Renew core licences", "Sell cloud subscriptions"]);
    expect(ae.metrics[0]).toEqual({
      metric: "Core Bookings",
      weight: 0.6,
      curve: "Ramp",
      method: "LINEAR",
      beyond: "CAP",
      points: [
        [0.5, 0],
        [1, 1],
        [1.5, 2],
      ],
      perPointAtTarget: expect.closeTo(240, 8),
    });
    expect(ae.medianTargetIncentive).toBe(20000);
    expect(ae.targetIncentiveBasis).toEqual({ source: "reps", reps: 3, note: expect.any(String) });
    // Hand-computed in engine.test.ts.
    expect(ae.earnings).toEqual(
      [0, 6000, 20000, 30000, 36000].map((v, i) => ({
        attainment: [0.5, 0.75, 1, 1.25, 1.5][i],
        earnings: expect.closeTo(v, 8),
      }))
    );
    expect(ae.howToEarnMore).toEqual({
      metric: "Cloud ARR",
      perPoint: expect.closeTo(400, 8),
      message: expect.stringContaining("Cloud ARR attainment pays $400 more"),
    });
    expect(ae.complexity).toEqual({ metrics: 2, maxCurvePoints: 3, modifiers: 0, warning: null });
    expect(json.plans[3].complexity.warning).toMatch(/^Busy breaks the five-minute rule/);
    expect(json.plans[5].howToEarnMore).toEqual({
      metric: null,
      perPoint: 0,
      message: expect.any(String),
    });
    const { plans } = await explainPlans(MemoryWorkbook.fromSheets(SHEETS));
    expect(ae.talkingPoints).toBe(plans[0].talkingPoints);
  });

  it("the help documents every key --json prints", async () => {
    const io = capture();
    await exitOf({ input: path("plan.xlsx"), json: true }, io);
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, inner] of Object.entries(v)) {
          keys.add(k);
          walk(inner);
        }
    };
    walk(JSON.parse(io.out[0]));
    for (const key of keys) expect(EXPLAIN_HELP).toContain(`"${key}"`);
  });

  it("without --json prints every plan's talking points", async () => {
    const io = capture();
    expect(await exitOf({ input: path("plan.xlsx"), json: false }, io)).toBe(0);
    const { text } = await explainPlans(MemoryWorkbook.fromSheets(SHEETS));
    expect(io.out).toEqual([text]);
    expect(io.out[0]).toMatch(/^AE: your plan on a page\n\nWhy this plan\n/);
    expect(io.err).toEqual([]);
  });

  it("--out writes a copy with one Plan tab per plan; the input is not modified", async () => {
    const before = sha(path("plan.xlsx"));
    const io = capture();
    expect(await exitOf({ input: path("plan.xlsx"), out: path("out.xlsx"), json: false }, io)).toBe(
      0
    );
    expect(sha(path("plan.xlsx"))).toBe(before);
    expect(io.err).toEqual([
      `compalign explain: wrote ${path("out.xlsx")} with Plan - AE, Plan - SDR, Plan - Pair, Plan - Busy, Plan - Wiggly, Plan - Steps`,
    ]);
    const written = await XlsxWorkbook.fromFile(path("out.xlsx"));
    expect(await written.ownedSheets()).toHaveLength(6);
    const [page] = await written.readSheets(["Plan - AE"]);
    expect(page!.values[0][0]).toBe("AE: your plan on a page");
  });

  it("a plan with error findings gets no page: exit 1, the errors on stderr, plan-has-errors on stdout", async () => {
    await writeBook("odd.xlsx", [
      SHEETS[0],
      {
        name: "Matrix",
        values: [
          ["Plan", "Metric", "Objective", "Weight", "Curve"],
          ["Odd", "A", "Keep core", 1, "Nope"],
        ],
      },
    ]);
    const io = capture();
    expect(await exitOf({ input: path("odd.xlsx"), json: true }, io)).toBe(1);
    expect(io.err[0]).toContain("the plan has 1 error; nothing was computed");
    expect(io.err[1]).toBe(
      'compalign explain: error unknown-curve at Matrix!E2: Odd / A uses curve "Nope", which is not defined in Curves.'
    );
    expect(JSON.parse(io.out.join(""))).toEqual({
      error: "plan-has-errors",
      findings: [
        {
          severity: "error",
          rule: "unknown-curve",
          plan: "Odd",
          metric: "A",
          objective: "Keep core",
          message: 'Odd / A uses curve "Nope", which is not defined in Curves.',
          cell: "Matrix!E2",
        },
      ],
    });
  });

  it.each([
    ["missing.xlsx", "cannot read", "no such file"],
    ["text.xlsx", "cannot read", "as an .xlsx workbook"],
    ["nomatrix.xlsx", "has no Matrix sheet", "compalign init"],
  ])("exits 2 for %s", async (file, first, second) => {
    const io = capture();
    expect(await exitOf({ input: path(file), json: true }, io)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^compalign explain: /);
    expect(io.err[0]).toContain(first);
    expect(io.err[0]).toContain(second);
  });

  it("--out may not be the input", async () => {
    await expect(
      runExplainCommand(
        { input: path("plan.xlsx"), out: path("plan.xlsx"), json: false },
        capture()
      )
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("is the input file") });
  });
});
