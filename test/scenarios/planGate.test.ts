/**
 * A plan with error findings gives no results: Run scenarios, the pulse check and plan pages
 * refuse it with PlanHasErrorsError (the error findings, with cells) in all three workbook
 * adapters, and the CLI exits 1 with the errors on stderr and, with --json,
 * {"error": "plan-has-errors", "findings": [...]} on stdout. Nothing is written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  computePulse,
  explainPlans,
  PlanHasErrorsError,
  runPulseCheck,
  runScenarioAction,
  writePlanPages,
} from "../../src/actions";
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";
import { starterSheets } from "../../src/reports/starterWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import type { SheetSpec, WorkbookPort } from "../../src/workbook/port";
import { oneContextFactory } from "../workbook/officeFake/harness";

/** The starter plan with Account Executive's first weight cut to 25% (85% in all) and Inside Sales' core metric on a curve that does not exist. */
function brokenSheets(): SheetSpec[] {
  return starterSheets().map((spec) => {
    if (spec.name !== "Matrix") return spec;
    const values = spec.blocks[0].values.map((r) => [...r]);
    values[1][4] = 0.25;
    values[6][5] = "Premium";
    return { ...spec, blocks: [{ ...spec.blocks[0], values }, ...spec.blocks.slice(1)] };
  });
}

const EXPECTED = [
  expect.objectContaining({
    severity: "error",
    rule: "weights-sum",
    cell: "Matrix!E2",
    message: "Account Executive: weights sum to 85%, not 100%.",
  }),
  expect.objectContaining({ severity: "error", rule: "unknown-curve", cell: "Matrix!F7" }),
];

async function seeded(port: WorkbookPort): Promise<WorkbookPort> {
  for (const spec of brokenSheets()) await port.createSheet(spec);
  return port;
}

const ADAPTERS: [string, () => Promise<WorkbookPort>][] = [
  ["memory", () => seeded(new MemoryWorkbook())],
  ["xlsx", () => seeded(XlsxWorkbook.empty())],
  ["office (fake Excel)", async () => seeded((await oneContextFactory([])).port)],
];

const ACTIONS: [string, (book: WorkbookPort) => Promise<unknown>][] = [
  ["run scenarios", (book) => runScenarioAction(book)],
  ["pulse check (compute)", (book) => computePulse(book, { today: "2026-04-02" })],
  ["pulse check (write)", (book) => runPulseCheck(book, { today: "2026-04-02" })],
  ["plan pages (explain)", (book) => explainPlans(book)],
  ["plan pages (write)", (book) => writePlanPages(book)],
];

describe.each(ADAPTERS)("%s adapter", (_, open) => {
  test.each(ACTIONS)(
    "%s refuses a plan with errors and writes nothing",
    async (__, action) => {
      const book = await open();
      const before = await book.sheetNames();
      const error = await action(book).then(
        () => null,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(PlanHasErrorsError);
      expect(error).toMatchObject({ kind: "plan-has-errors" });
      expect((error as PlanHasErrorsError).findings).toEqual(EXPECTED);
      expect((error as PlanHasErrorsError).message).toContain("Matrix!E2");
      expect(await book.sheetNames()).toEqual(before);
      expect(await book.ownedSheets()).toEqual([]);
    },
    60_000
  );
});

describe("the CLI", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "compalign-gate-"));
    file = join(dir, "broken.xlsx");
    const book = await seeded(XlsxWorkbook.empty());
    await (book as XlsxWorkbook).writeFile(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const capture = () => {
    const io = { out: [] as string[], err: [] as string[] };
    return {
      io,
      port: { stdout: (t: string) => io.out.push(t), stderr: (t: string) => io.err.push(t) } as Io,
    };
  };

  test.each([
    ["scenarios", ["--json"]],
    ["pulse", ["--json"]],
    ["explain", ["--json"]],
  ])(
    "%s --json: exit 1, errors on stderr, plan-has-errors with the check findings' shape on stdout",
    async (command, extra) => {
      const { io, port } = capture();
      expect(await main([command, file, ...extra], port)).toBe(1);
      const json = JSON.parse(io.out.join(""));
      expect(Object.keys(json)).toEqual(["error", "findings"]);
      expect(json.error).toBe("plan-has-errors");
      expect(json.findings).toEqual(EXPECTED);
      expect(Object.keys(json.findings[0])).toEqual([
        "severity",
        "rule",
        "plan",
        "metric",
        "objective",
        "message",
        "cell",
      ]);
      expect(io.err[0]).toMatch(
        new RegExp(`^compalign ${command}: .*the plan has 2 errors; nothing was computed`)
      );
      expect(io.err.slice(1)).toEqual([
        `compalign ${command}: error weights-sum at Matrix!E2: Account Executive: weights sum to 85%, not 100%.`,
        expect.stringMatching(
          new RegExp(`^compalign ${command}: error unknown-curve at Matrix!F7: `)
        ),
      ]);
    },
    60_000
  );

  test.each(["scenarios", "pulse", "explain"])(
    "%s without --json: exit 1, nothing on stdout",
    async (command) => {
      const { io, port } = capture();
      const args =
        command === "scenarios"
          ? [command, file, "--out", join(dir, `${command}.xlsx`)]
          : [command, file];
      expect(await main(args, port)).toBe(1);
      expect(io.out).toEqual([]);
      expect(io.err.length).toBe(3);
    },
    60_000
  );

  test("check --json: the index is null with the errors listed", async () => {
    const { io, port } = capture();
    expect(await main(["check", file, "--json"], port)).toBe(1);
    const json = JSON.parse(io.out.join(""));
    expect(json.designAlignmentIndex).toBeNull();
    expect(json.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual(
      EXPECTED
    );
  }, 60_000);
});
