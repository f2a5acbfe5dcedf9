/**
 * `compalign pulse` end to end through its command function (the dispatch table in main.ts
 * routes `pulse` to runPulseCommand): real .xlsx files in a temporary folder, a fake Io. The
 * JSON contract, the readable report, --out (originals unchanged, the tab and its charts in the
 * file), and the exit statuses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CliError, type Io } from "../../src/cli/io";
import {
  localDate,
  parsePulseArgs,
  PULSE_HELP,
  PULSE_USAGE,
  runPulseCommand,
} from "../../src/cli/pulse";
import { PULSE_CHECK_IDS } from "../../src/engine/pulseChecks";
import { chartsFromXlsx } from "../../src/workbook/xlsx/charts";
import { writeXlsxBook } from "../helpers/xlsxBook";
import { tinySheets } from "./fixture";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

let dir: string;
const path = (name: string) => join(dir, name);

const writeBook = (file: string, sheets = tinySheets()) => writeXlsxBook(path(file), sheets);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "compalign-pulse-"));
  await writeBook("plan.xlsx");
  await writeBook("no-period.xlsx", tinySheets({ settings: null }));
  await writeBook(
    "no-reps.xlsx",
    tinySheets().filter((s) => s.name !== "Reps")
  );
  await writeBook(
    "no-matrix.xlsx",
    tinySheets().filter((s) => s.name !== "Matrix")
  );
  writeFileSync(path("broken.xlsx"), "not a zip");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parsePulseArgs", () => {
  it.each([
    [["in.xlsx"], { input: "in.xlsx", out: undefined, json: false }],
    [["in.xlsx", "--json"], { input: "in.xlsx", out: undefined, json: true }],
    [["--out=o.xlsx", "in.xlsx"], { input: "in.xlsx", out: "o.xlsx", json: false }],
    [["in.xlsx", "--out", "o.xlsx", "--json"], { input: "in.xlsx", out: "o.xlsx", json: true }],
  ])("%j", (args, expected) => {
    expect(parsePulseArgs(args)).toEqual(expected);
  });

  it.each([
    [["in.xlsx", "--period", "Q1"], "unknown option --period"],
    [["in.xlsx", "--out"], "--out needs a value"],
    [[], "expected one input file, got 0"],
    [["a.xlsx", "b.xlsx"], "expected one input file, got 2"],
  ])("%j is a usage error", (args, message) => {
    expect(() => parsePulseArgs(args)).toThrow(CliError);
    expect(() => parsePulseArgs(args)).toThrow(message);
    expect(() => parsePulseArgs(args)).toThrow(`(usage: ${PULSE_USAGE})`);
  });

  it("the help starts with the usage and lists the stable ids", () => {
    expect(PULSE_HELP.startsWith(`Usage: ${PULSE_USAGE}`)).toBe(true);
    for (const id of PULSE_CHECK_IDS) expect(PULSE_HELP).toContain(id);
  });
});

describe("runPulseCommand", () => {
  it("--json prints exactly {checks: [{id, status, value, band, message}]} in the stable order", async () => {
    const io = capture();
    expect(
      await runPulseCommand(parsePulseArgs([path("plan.xlsx"), "--json"]), io, "2026-04-02")
    ).toBe(0);
    expect(io.out).toHaveLength(1);
    const json = JSON.parse(io.out[0]);
    expect(Object.keys(json)).toEqual(["checks", "plans"]);
    expect(json.checks.map((c: { id: string }) => c.id)).toEqual([...PULSE_CHECK_IDS]);
    for (const c of json.checks)
      expect(Object.keys(c)).toEqual(["id", "status", "value", "band", "message"]);
    expect(json.checks.map((c: { status: string }) => c.status)).toEqual([
      "Watch",
      "OK",
      "Act",
      "OK",
      "OK",
      "Watch",
      "Act",
      "Act",
      "Watch",
      "Watch",
      "OK",
      "Not set",
      "Not set",
      "Watch",
    ]);
    expect(json.checks[0]).toEqual({
      id: "share-at-quota",
      status: "Watch",
      value: 0.5,
      band: "55%–70%",
      message:
        "SDR: Fewer reps than healthy are at quota: check whether quotas are too high or the plan fails to motivate before setting next period's quotas.",
    });
    expect(json.checks[2].value).toBeCloseTo(0.99, 12);
    // The data issue is reported on stderr, never on stdout.
    expect(io.err).toEqual([
      'compalign pulse: 1 rep with data issues left out (first: row 12, Reps!G12: Core Quota is text "n/a" (must be a number above 0))',
    ]);
  });

  it("without --json prints a readable report", async () => {
    const io = capture();
    expect(await runPulseCommand(parsePulseArgs([path("plan.xlsx")]), io, "2026-04-02")).toBe(0);
    const text = io.out.join("");
    expect(text).toMatch(
      /^Pulse check Q1 2026: 10 reps computed, 1 left out for data issues — 3 Act, 5 Watch, 2 Not set, 4 OK\n/
    );
    expect(text).toContain("Act           Reps paid above 0 on a metric (threshold, worst metric)");
    expect(text).toContain("50.0%  (band ≥ 90% of a plan's reps)");
    expect(text).toContain("SDR / Meetings: 50% of reps reach the threshold");
    expect(text).toContain("By plan (status · value), worst first:");
    expect(text).toMatch(/share-at-quota +Watch · 50\.0% +OK · 62\.5% +Watch · 50\.0%/);
    expect(text).not.toContain("Wrote");
  });

  it("--out writes a copy with the Pulse Check tab and its charts; the input is unchanged", async () => {
    const before = readFileSync(path("plan.xlsx"));
    const io = capture();
    const code = await runPulseCommand(
      parsePulseArgs([path("plan.xlsx"), "--out", path("out.xlsx")]),
      io,
      "2026-04-02"
    );
    expect(code).toBe(0);
    expect(readFileSync(path("plan.xlsx")).equals(before)).toBe(true);
    expect(io.err[io.err.length - 1]).toBe(
      `compalign pulse: wrote ${path("out.xlsx")} with the Pulse Check Q1 2026 tab`
    );
    expect(io.out.join("")).toContain("Wrote the Pulse Check Q1 2026 tab.");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path("out.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Objectives",
      "Matrix",
      "Curves",
      "Reps",
      "Pulse Settings",
      "Pulse Check Q1 2026",
      "Pulse Trend",
    ]);
    expect(wb.getWorksheet("Reps")!.getCell("F2").value).toBe(40);
    const charts = (await chartsFromXlsx(readFileSync(path("out.xlsx")))).find(
      (s) => s.sheet === "Pulse Check Q1 2026"
    )!;
    expect(charts.charts.map((c) => c.type)).toEqual(["column", "scatter"]);
  });

  it("without a Period the label is the fiscal quarter of the date it is given (the command line: the local date)", async () => {
    const io = capture();
    await runPulseCommand(
      parsePulseArgs([path("no-period.xlsx"), "--out", path("dated.xlsx")]),
      io,
      "2026-04-02"
    );
    expect(io.out.join("")).toContain("Wrote the Pulse Check 2026 Q2 tab.");
    expect(localDate(new Date(2026, 3, 2, 23, 59))).toBe("2026-04-02");
  });

  it.each([
    ["no-reps.xlsx", /no-reps\.xlsx: The workbook has no Reps sheet/],
    ["no-matrix.xlsx", /no-matrix\.xlsx: The workbook has no Matrix sheet/],
    ["broken.xlsx", /cannot read .*broken\.xlsx as an \.xlsx workbook/],
    ["missing.xlsx", /cannot read .*missing\.xlsx: no such file/],
  ])("%s: exit status 2 with one line", async (file, message) => {
    const io = capture();
    const error = await runPulseCommand(parsePulseArgs([path(file), "--json"]), io, "x").catch(
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(/^compalign pulse: /);
    expect((error as CliError).message).toMatch(message);
    expect(io.out).toEqual([]);
  });

  it("--out onto the input is refused", async () => {
    const io = capture();
    await expect(
      runPulseCommand(parsePulseArgs([path("plan.xlsx"), "--out", path("plan.xlsx")]), io, "x")
    ).rejects.toThrow(/is the input file/);
  });
});
