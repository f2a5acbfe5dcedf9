/**
 * Alignment rules, table-driven: for every rule one workbook that breaks it (the finding, its
 * severity, message and cell) and the starter workbook that passes it. Workbooks are sheet
 * values as an adapter reads them (row 1 the header).
 */
import { checkAlignment, designShares } from "../../src/engine/alignmentRules";
import { readPlan, type PlanSheets } from "../../src/model/readPlan";
import { starterSheets } from "../../src/reports/starterWorkbook";
import type { SheetData, SheetValue } from "../../src/workbook/port";
import { findFunction } from "../../src/functions/catalog";

type Book = Record<"objectives" | "matrix" | "curves" | "reps", SheetValue[][] | null>;

function starter(): Book {
  const [objectives, matrix, curves, reps] = starterSheets().map((s) =>
    s.blocks[0].values.map((r) => [...r])
  );
  return { objectives, matrix, curves, reps };
}

function check(book: Book) {
  const sheet = (name: string, values: SheetValue[][] | null): SheetData | null =>
    values ? { name, values } : null;
  const sheets: PlanSheets = {
    objectives: sheet("Objectives", book.objectives),
    matrix: sheet("Matrix", book.matrix),
    curves: sheet("Curves", book.curves),
    reps: sheet("Reps", book.reps),
  };
  const { design, findings } = readPlan(sheets);
  return checkAlignment(design, findings);
}

/** Matrix columns: Plan, Metric, Objective, Behavior, Weight, Curve, Owner, Why. */
const M = { plan: 0, metric: 1, objective: 2, weight: 4, curve: 5, owner: 6 };

describe("the starter workbook passes every check", () => {
  const report = check(starter());
  // The one finding is true: Account Executive pays 25% × slope 4 = 1% of TI per point on
  // Multi-product Deals (Accelerated curve) against 40% × slope 2 = 0.8% on Cloud ARR, its top priority.
  test("no findings but marginal-misaligned on Account Executive", () =>
    expect(report.findings.map((f) => [f.rule, f.plan, f.cell])).toEqual([
      ["marginal-misaligned", "Account Executive", "Matrix!E3"],
    ]));
  test("design alignment index by hand", () => {
    // T_AE = 60k+60k+50k+50k+50k = 270k, T_IS = 3 × 25k = 75k, total 345k.
    // Cloud: (270×0.40 + 75×0.45)/345 = 141.75/345; multi: (270×0.25 + 75×0.20)/345 = 82.5/345;
    // core: (270×0.35 + 75×0.35)/345 = 0.35. Priorities 40/25/35 → 0.40, 0.25, 0.35.
    const cloud = 141.75 / 345;
    const multi = 82.5 / 345;
    expect(report.objectives.map((o) => o.payShare)).toEqual([
      expect.closeTo(cloud, 12),
      expect.closeTo(multi, 12),
      expect.closeTo(0.35, 12),
    ]);
    expect(report.designAlignmentIndex).toBeCloseTo(0.4 + multi + 0.35, 12);
  });
  test("the index is the same quantity as COMP.ALIGNMENT", () => {
    const shares = report.objectives;
    const alignment = findFunction("ALIGNMENT")!.impl(
      shares.map((o) => [o.priority]),
      shares.map((o) => [o.payShare * 345000])
    );
    expect(alignment).toBeCloseTo(report.designAlignmentIndex!, 12);
  });
});

type Case = {
  rule: string;
  severity: "error" | "warning" | "info";
  breakIt: (book: Book) => void;
  message: RegExp;
  cell: string | null;
};

const cases: Case[] = [
  {
    rule: "unknown-objective",
    severity: "error",
    breakIt: (b) => (b.matrix![2][M.objective] = "Win logos"),
    message:
      /Account Executive \/ Multi-product Deals serves "Win logos", which is not in Objectives/,
    cell: "Matrix!C3",
  },
  {
    rule: "unknown-objective",
    severity: "error",
    breakIt: (b) => (b.matrix![4][M.objective] = null),
    message: /Inside Sales \/ Cloud ARR serves no objective/,
    cell: "Matrix!C5",
  },
  {
    rule: "duplicate-metric",
    severity: "error",
    breakIt: (b) => (b.matrix![3][M.metric] = "cloud arr"),
    message: /Account Executive lists cloud arr twice \(also at Matrix!B2\)/,
    cell: "Matrix!B4",
  },
  {
    rule: "weights-sum",
    severity: "error",
    breakIt: (b) => (b.matrix![1][M.weight] = 0.3),
    message: /^Account Executive: weights sum to 90%, not 100%\.$/,
    cell: "Matrix!E2",
  },
  {
    rule: "unknown-curve",
    severity: "error",
    breakIt: (b) => (b.matrix![6][M.curve] = "Premium"),
    message: /Inside Sales \/ Core Bookings uses curve "Premium", which is not defined in Curves/,
    cell: "Matrix!F7",
  },
  {
    rule: "unknown-curve",
    severity: "error",
    breakIt: (b) => (b.curves![2][1] = 0.4),
    message:
      /Curve "Standard" is not a valid curve: row 3: attainment points must be strictly ascending \(0\.4 follows 0\.5\)/,
    cell: "Curves!B3",
  },
  {
    rule: "max-metrics",
    severity: "warning",
    breakIt: (b) => {
      b.matrix!.splice(4, 0, [
        "Account Executive",
        "Renewals",
        "Protect core revenue",
        "Renew",
        0,
        "Standard",
        "Finance",
        "Why",
      ]);
    },
    message: /Account Executive has 4 metrics; keep a plan to 3/,
    cell: "Matrix!B5",
  },
  {
    rule: "objective-unfunded",
    severity: "warning",
    breakIt: (b) => b.objectives!.push(["Win new logos", 10, "New logos feed the base."]),
    message: /"Win new logos" is a priority, but no plan pays for it/,
    cell: "Objectives!A5",
  },
  {
    rule: "priority-pay-gap",
    severity: "warning",
    breakIt: (b) => (b.objectives![1][1] = 80),
    // Priorities 80/25/35 → cloud 80/140 = 57.14%; pay share 41.09%.
    message:
      /"Grow cloud subscriptions" has 57\.1% of strategic priority but 41\.1% of target incentive: the plans pay less for it/,
    cell: "Objectives!B2",
  },
  {
    rule: "uncapped-curve",
    severity: "info",
    breakIt: (b) => (b.curves![4][4] = "EXTEND"),
    message: /Curve "Accelerated" is uncapped/,
    cell: "Curves!A5",
  },
  {
    rule: "cliff",
    severity: "info",
    breakIt: (b) => (b.curves![1][2] = 0.5),
    message: /Curve "Standard" pays 50% at its first point and nothing just below it/,
    cell: "Curves!A2",
  },
];

describe.each(cases)(
  "$rule ($severity): $message",
  ({ rule, severity, breakIt, message, cell }) => {
    test("fires on a workbook that breaks it, pointing at the cell", () => {
      const book = starter();
      breakIt(book);
      const found = check(book).findings.filter((f) => f.rule === rule);
      expect(found).toHaveLength(1);
      expect(found[0].severity).toBe(severity);
      expect(found[0].message).toMatch(message);
      expect(found[0].cell).toBe(cell);
    });
    test("does not fire on the starter workbook", () => {
      expect(check(starter()).findings.filter((f) => f.rule === rule)).toEqual([]);
    });
  }
);

test("weights within ±0.01% pass; just outside fails", () => {
  const book = starter();
  book.matrix![1][M.weight] = 0.40009;
  expect(check(book).findings.filter((f) => f.rule === "weights-sum")).toEqual([]);
  book.matrix![1][M.weight] = 0.40011;
  expect(check(book).findings.map((f) => f.rule)).toContain("weights-sum");
});

describe("reading the workbook contract", () => {
  test("headers match case-insensitively, in any order, with extra columns ignored", () => {
    const book = starter();
    book.matrix = book.matrix!.map((row, i) =>
      [row[7], i === 0 ? "notes" : "x", ...row.slice(0, 7)].map((v) =>
        i === 0 ? String(v).toUpperCase() : v
      )
    );
    const report = check(book);
    expect(report.findings.map((f) => f.rule)).toEqual(["marginal-misaligned"]);
    expect(report.designAlignmentIndex).toBeCloseTo(check(starter()).designAlignmentIndex!, 12);
  });

  test("a non-numeric weight is an error at its cell, never a silent zero", () => {
    const book = starter();
    book.matrix![1][M.weight] = "forty";
    const findings = check(book).findings;
    expect(findings[0]).toMatchObject({
      severity: "error",
      rule: "invalid-value",
      message:
        'Matrix row 2: Weight must be a number (a share of target incentive, e.g. 40%), not text "forty".',
      cell: "Matrix!E2",
    });
  });

  test("a missing required column is reported at the header row", () => {
    const book = starter();
    book.matrix = book.matrix!.map((row) => row.filter((_, i) => i !== M.curve));
    expect(check(book).findings).toContainEqual(
      expect.objectContaining({
        rule: "missing-column",
        cell: "Matrix!A1",
        message: 'Matrix has no "Curve" column in row 1.',
      })
    );
  });

  test("without a Reps sheet each plan counts 1", () => {
    const book = starter();
    book.reps = null;
    const { objectives } = check(book);
    // Cloud: (0.40 + 0.45) / 2.
    expect(objectives[0].payShare).toBeCloseTo(0.425, 12);
  });

  test("a rep with a non-numeric target incentive is left out with a warning", () => {
    const book = starter();
    book.reps![1][4] = "TBD";
    const report = check(book);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ severity: "warning", rule: "invalid-value", cell: "Reps!E2" })
    );
    const { objectives } = designShares(
      readPlan({
        objectives: { name: "Objectives", values: book.objectives! },
        matrix: { name: "Matrix", values: book.matrix! },
        curves: { name: "Curves", values: book.curves! },
        reps: { name: "Reps", values: book.reps! },
      }).design
    );
    // T_AE drops to 210k: cloud (210×0.40 + 75×0.45)/285.
    expect(objectives[0].payShare).toBeCloseTo((84 + 33.75) / 285, 12);
  });

  test("duplicate objectives and unknown owners are reported", () => {
    const book = starter();
    book.objectives!.push(["protect core revenue", 5, "dup"]);
    book.matrix![1][M.owner] = "Legal";
    const rules = check(book).findings.map((f) => f.rule);
    expect(rules).toContain("duplicate-objective");
    expect(rules).toContain("unknown-owner");
  });

  test("findings are ordered errors, warnings, infos", () => {
    const book = starter();
    book.curves![4][4] = "EXTEND";
    book.matrix![1][M.weight] = 0.3;
    book.objectives!.push(["Win new logos", 10, "x"]);
    const severities = check(book).findings.map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)
      )
    );
    expect(new Set(severities)).toEqual(new Set(["error", "warning", "info"]));
  });
});
