/**
 * Every column of the workbook contract (docs/workbook.md), one unusable value at a time: the
 * value is a finding naming its cell (and, in Reps, a data issue that leaves the rep out of
 * scenarios), never silently read as zero or as something else.
 */
import { checkAlignment } from "../../src/engine/alignmentRules";
import { ActionError } from "../../src/actions/errors";
import { computePulse } from "../../src/actions/pulseCheck";
import { runScenarioAction } from "../../src/actions/runScenarios";
import { prepareRun, runScenarios } from "../../src/engine/scenarioRunner";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { COLUMNS, readPlan, type PlanSheets } from "../../src/model/readPlan";
import { readReps } from "../../src/model/readReps";
import { columnLetters } from "../../src/workbook/a1";
import type { CellNote, SheetData, SheetValue } from "../../src/workbook/port";

type Book = Record<keyof PlanSheets, SheetData>;

function base(): Book {
  return {
    objectives: {
      name: "Objectives",
      values: [[...COLUMNS.objectives], ["Grow", 3, "growth"], ["Keep", 1, "retention"]],
    },
    matrix: {
      name: "Matrix",
      values: [
        [...COLUMNS.matrix],
        ["AE", "Bookings", "Grow", "hunt", 0.6, "Std", "Sales", "why"],
        ["AE", "Renewals", "Keep", "farm", 0.4, "Std", "Finance", "why"],
      ],
    },
    curves: {
      name: "Curves",
      values: [
        [...COLUMNS.curves],
        ["Std", 0.5, 0, "LINEAR", "CAP"],
        ["Std", 1, 1, null, null],
        ["Std", 1.5, 2, null, null],
      ],
    },
    reps: {
      name: "Reps",
      values: [
        [...COLUMNS.reps, "Bookings Quota", "Bookings Actual", "Renewals Quota", "Renewals Actual"],
        ["Ann", "AE", "East", "T1", 10000, 90000, 500000, 200000, 100, 110, 50, 40],
        ["Bob", "AE", "West", "T2", 12000, 95000, 600000, 250000, 100, 90, 60, 66],
      ],
    },
  };
}

const clone = (book: Book): Book => structuredClone(book);

const TEXT_COLUMNS = new Set([
  "Objective",
  "Why",
  "Plan",
  "Metric",
  "Behavior",
  "Curve",
  "Owner",
  "Method",
  "Beyond",
  "Rep",
  "Segment",
  "Territory",
]);

interface Spoiled {
  label: string;
  value: SheetValue;
  note?: CellNote;
}

/** Unusable values for a column: every column can hold a formula saved without a result. */
function spoilers(header: string, sheet: keyof PlanSheets): Spoiled[] {
  const uncached: Spoiled = {
    label: "formula without a saved result",
    value: null,
    note: "uncached-formula",
  };
  if (TEXT_COLUMNS.has(header)) return [uncached];
  const list: Spoiled[] = [
    uncached,
    { label: "text", value: "n/a" },
    { label: "number as text", value: "1,200" },
    { label: "percent as text", value: "40%" },
    { label: "huge", value: 1e300 },
  ];
  if (sheet === "reps")
    list.push({ label: "date", value: 45658, note: "date" }, { label: "blank", value: null });
  return list;
}

const cases: [keyof PlanSheets, string, Spoiled][] = [];
for (const sheet of ["objectives", "matrix", "curves", "reps"] as const) {
  for (const header of base()[sheet].values[0] as string[])
    for (const s of spoilers(header, sheet)) cases.push([sheet, header, s]);
}

test("the clean base reads with no findings and no data issues", () => {
  const book = base();
  const { design, findings } = readPlan(book);
  expect(findings).toEqual([]);
  expect(checkAlignment(design, findings).findings.filter((f) => f.severity === "error")).toEqual(
    []
  );
  const run = prepareRun(design, readReps(book.reps, ["Bookings", "Renewals"]), []);
  expect(run.dataIssues).toEqual([]);
});

test("the walk covers every column of the contract plus the metric columns", () => {
  const walked = new Set(cases.map(([sheet, header]) => `${sheet}:${header}`));
  for (const [sheet, columns] of Object.entries(COLUMNS))
    for (const h of columns) expect(walked.has(`${sheet}:${h}`)).toBe(true);
  expect(walked.has("reps:Bookings Quota")).toBe(true);
  expect(cases.length).toBeGreaterThan(60);
});

test.each(cases.map(([sheet, header, s]) => [sheet, header, s.label, s] as const))(
  "%s %s: %s is a finding naming its cell",
  (sheet, header, _label, s) => {
    const book = clone(base());
    const data = book[sheet];
    const col = (data.values[0] as string[]).indexOf(header);
    // Row 2 (index 1): the first data row; the Curves first row is a curve's first point.
    data.values[1][col] = s.value;
    if (s.note) data.notes = { [`1,${col}`]: s.note };
    const cell = `${data.name}!${columnLetters(col)}2`;
    const { design, findings } = readPlan(book);
    const all = checkAlignment(design, findings).findings;
    const optionalBlank =
      s.value === null && !s.note && ["Segment", "Territory", "Rep"].includes(header);
    if (optionalBlank) return;
    const named = all.filter((f) => f.cell === cell);
    expect(named.length).toBeGreaterThan(0);
    if (s.note === "uncached-formula")
      expect(
        named.some(
          (f) =>
            f.rule === "uncached-formula" ||
            (f.rule === "unknown-curve" && f.message.includes("formula saved without its result"))
        )
      ).toBe(true);
    if (s.label === "huge" && sheet !== "curves")
      expect(named.some((f) => f.rule === "huge-value" || f.rule === "weight-range")).toBe(true);
    if (s.label.endsWith("as text") && sheet !== "curves")
      expect(named.some((f) => f.rule === "number-text")).toBe(true);
    if (sheet === "reps") {
      // Scenarios leave the rep out, and say why (a data issue), with the input cell as data:
      // `cell`, never inside the message.
      const reps = readReps(book.reps, ["Bookings", "Renewals"]);
      const run = prepareRun(design, reps, []);
      const isText = TEXT_COLUMNS.has(header);
      if (!isText || header === "Plan") {
        expect(run.dataIssues.map((d) => d.row)).toContain(2);
        expect(run.included[0]).toBe(0);
        const issue = run.dataIssues.find((d) => d.row === 2)!;
        expect(issue.cell).toBe(cell);
        expect(issue.cells).toEqual([cell]);
        expect(issue.message).not.toContain(cell);
        // It names the column ("Plan is blank", 'plan "x" is not in Matrix', "Revenue is …").
        expect(issue.message.toLowerCase().startsWith(`${header.toLowerCase()} `)).toBe(true);
      }
    }
  }
);

/** A scenario of one scale-ti change (Scenarios row `row`, optionally for one segment). */
const scaleTi = (name: string, value: number, row: number, segment = "") => ({
  name,
  changes: [{ change: "scale-ti" as const, plan: "", metric: "", to: "", value, segment, row }],
});

describe("rules that know comp plans", () => {
  const rules = (book: Book) => {
    const { design, findings } = readPlan(book);
    return checkAlignment(design, findings).findings;
  };

  test("whole-number percents: weight-range on each weight, the message suggests 60%", () => {
    const book = base();
    book.matrix.values[1][4] = 60;
    book.matrix.values[2][4] = 40;
    const found = rules(book).filter((f) => f.rule === "weight-range");
    expect(found.map((f) => f.cell)).toEqual(["Matrix!E2", "Matrix!E3"]);
    expect(found[0].severity).toBe("error");
    expect(found[0].message).toContain("type 60%");
    expect(found[0].message).toContain("0.6");
  });

  test("a weight above 100% that is not a whole-percent plan says so", () => {
    const book = base();
    book.matrix.values[1][4] = 1.5;
    const found = rules(book).find((f) => f.rule === "weight-range")!;
    expect(found.message).toContain("150% is above 100%");
  });

  test("a negative weight is an error even when the plan sums to 100%", () => {
    const book = base();
    book.matrix.values[1][4] = -0.2;
    book.matrix.values[2][4] = 1.2;
    const found = rules(book);
    expect(found.find((f) => f.rule === "negative-weight")).toMatchObject({
      severity: "error",
      cell: "Matrix!E2",
    });
    expect(found.find((f) => f.rule === "weights-sum")).toBeUndefined();
  });

  test("a weight typed as the text 40% is an error saying how to fix it, never 0", () => {
    const book = base();
    book.matrix.values[1][4] = "40%";
    const found = rules(book).find((f) => f.rule === "number-text")!;
    expect(found).toMatchObject({ severity: "error", cell: "Matrix!E2" });
    expect(found.message).toContain('the text "40%"');
    expect(found.message).toContain("type it as a number");
  });

  test("a date in a number column is a warning (in Reps the rep is left out)", () => {
    /** The book with 2025-01-01 typed as a date in one cell of one sheet. */
    const withDate = (sheet: "objectives" | "reps", row: number, col: number) => {
      const book = base();
      book[sheet].values[row][col] = 45658;
      book[sheet].notes = { [`${row},${col}`]: "date" };
      return book;
    };
    const warningAt = (book: ReturnType<typeof base>) =>
      rules(book).find((f) => f.rule === "date-in-number");
    expect(warningAt(withDate("objectives", 1, 1))).toMatchObject({
      severity: "warning",
      cell: "Objectives!B2",
    });
    const reps = withDate("reps", 1, 8);
    expect(warningAt(reps)).toMatchObject({ severity: "warning", cell: "Reps!I2" });
    const run = prepareRun(
      readPlan(reps).design,
      readReps(reps.reps, ["Bookings", "Renewals"]),
      []
    );
    expect(run.dataIssues[0]).toMatchObject({
      message: "Bookings Quota is the date 2025-01-01 (must be a number above 0)",
      cell: "Reps!I2",
    });
  });

  test("duplicate rep ids are a warning; a duplicate header is an error naming the ignored header cell", () => {
    const book = base();
    book.reps.values[2][0] = "ann";
    expect(rules(book).find((f) => f.rule === "duplicate-rep")).toMatchObject({
      severity: "warning",
      cell: "Reps!A3",
    });
    const twice = base();
    twice.matrix.values.forEach((row, i) => row.push(i === 0 ? " weight " : 0.5));
    expect(rules(twice).find((f) => f.rule === "duplicate-header")).toMatchObject({
      severity: "error",
      cell: "Matrix!I1",
    });
  });

  test("a scenario with a misspelled segment is invalid with the exact reason", () => {
    const book = base();
    const { design } = readPlan(book);
    const reps = readReps(book.reps, ["Bookings", "Renewals"]);
    const run = prepareRun(design, reps, [
      scaleTi("Typo", 2, 2, "Eats"),
      scaleTi("Ok", 2, 3, "east"),
    ]);
    expect(run.invalidScenarios).toEqual([
      {
        name: "Typo",
        reason:
          'Scenarios row 2 (scale-ti): segment "Eats" is not in Reps (no rep has that Segment)',
        cell: null,
      },
    ]);
    expect(run.models.map((m) => m.name)).toEqual(["Baseline", "Ok"]);
  });

  test("a Reps sheet without its Rep column is an error naming row 1 (docs/workbook.md: required), never reps without names", () => {
    const book = base();
    book.reps.values[0][0] = "Rep Name";
    const missing = rules(book).filter((f) => f.rule === "missing-column");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      severity: "error",
      message: 'Reps has no "Rep" column in row 1.',
    });
    expect(missing[0].cell).toMatch(/^Reps!/);
  });

  test("an empty Matrix is an error, not a passing check", () => {
    const book = base();
    book.matrix.values = [book.matrix.values[0]];
    expect(rules(book).find((f) => f.rule === "empty-sheet")).toMatchObject({
      severity: "error",
      cell: "Matrix!A1",
    });
  });
});

describe("huge and non-finite values", () => {
  test("a scenario change that overflows payouts is invalid with the reason; Baseline and the others run", () => {
    const book = base();
    const { design } = readPlan(book);
    const reps = readReps(book.reps, ["Bookings", "Renewals"]);
    const run = runScenarios(design, reps, [scaleTi("Huge", 1e308, 2), scaleTi("Double", 2, 3)]);
    expect(run.scenarios.map((s) => s.name)).toEqual(["Baseline", "Double"]);
    expect(run.invalidScenarios).toEqual([
      {
        name: "Huge",
        reason:
          "its changes make payouts too large to be numbers (Reps row 2 (Ann): payout is not a finite number; Reps row 3 (Bob): payout is not a finite number)",
        cell: null,
      },
    ]);
    expect(run.scenarios[1].figures.totalPayout).toBeCloseTo(
      2 * run.scenarios[0].figures.totalPayout,
      6
    );
  });

  test("a huge target incentive is a data issue naming the input cell; the run goes on", () => {
    const book = base();
    book.reps.values[1][4] = 1e300;
    const run = runScenarios(
      readPlan(book).design,
      readReps(book.reps, ["Bookings", "Renewals"]),
      []
    );
    expect(run.dataIssues).toEqual([
      {
        rep: "Ann",
        row: 2,
        message: "Target Incentive is 1e+300, too large to compute with (at most 1e+15 in size)",
        cell: "Reps!E2",
        cells: ["Reps!E2"],
      },
    ]);
    expect(Number.isFinite(run.scenarios[0].figures.totalPayout)).toBe(true);
    expect(run.included[1]).toBe(1);
  });

  test("no rep computable, or a Baseline that overflows: a plain ActionError before anything is written", async () => {
    const empty = base();
    empty.reps.values = [empty.reps.values[0]];
    const book = MemoryWorkbook.fromSheets(Object.values(empty));
    await expect(runScenarioAction(book)).rejects.toThrow(
      new ActionError(
        "not-computable",
        "No rep could be computed: the Reps sheet has no rows below its header."
      )
    );
    await expect(computePulse(book, { today: "2026-01-31" })).rejects.toThrow(
      "No rep could be computed"
    );
    expect(await book.sheetNames()).toEqual(["Objectives", "Matrix", "Curves", "Reps"]);

    // Every rep has a data issue: each is named by its input cell, as the data issues are.
    const huge = base();
    for (const row of huge.reps.values.slice(1)) row[4] = 1e300;
    const hugeBook = MemoryWorkbook.fromSheets(Object.values(huge));
    const error = await runScenarioAction(hugeBook).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).message).toMatch(
      /^No rep could be computed: every rep has a data issue: Reps!E2 \(Ann\): Target Incentive is 1e\+300, too large to compute with .*Reps!E3 \(Bob\): /
    );
    expect((error as ActionError).message).not.toContain("Reps row");

    const extend = base();
    extend.curves.values[1][4] = "EXTEND";
    extend.reps.values[1][8] = 1e-300;
    const overflow = MemoryWorkbook.fromSheets(Object.values(extend));
    await expect(runScenarioAction(overflow)).rejects.toThrow(
      "The Baseline cannot be computed: payouts are too large to be numbers (Reps row 2 (Ann): payout is over 1e18)"
    );
    await expect(computePulse(overflow, { today: "2026-01-31" })).rejects.toThrow(
      "Reps row 2 (Ann)"
    );
  });
});
