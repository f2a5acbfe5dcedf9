/**
 * The design alignment index is only given for a plan without error findings, and a workbook
 * without a Reps sheet says how pay shares were counted (the `no-reps` warning).
 */
import { checkAlignment } from "../../src/engine/alignmentRules";
import { readPlan } from "../../src/model/readPlan";
import { starterSheets } from "../../src/reports/starterWorkbook";
import type { SheetValue } from "../../src/workbook/port";

function book() {
  const [objectives, matrix, curves, reps] = starterSheets().map((s) =>
    s.blocks[0].values.map((r) => [...r])
  );
  return { objectives, matrix, curves, reps } as Record<
    "objectives" | "matrix" | "curves" | "reps",
    SheetValue[][] | null
  >;
}

function check(b: ReturnType<typeof book>) {
  const sheet = (name: string, values: SheetValue[][] | null) => (values ? { name, values } : null);
  const { design, findings } = readPlan({
    objectives: sheet("Objectives", b.objectives),
    matrix: sheet("Matrix", b.matrix),
    curves: sheet("Curves", b.curves),
    reps: sheet("Reps", b.reps),
  });
  return checkAlignment(design, findings);
}

describe.each([
  ["weights summing to 85%", (b: ReturnType<typeof book>) => (b.matrix![1][4] = 0.25)],
  ["weights summing to 115%", (b: ReturnType<typeof book>) => (b.matrix![1][4] = 0.55)],
  [
    "a metric on a curve that does not exist",
    (b: ReturnType<typeof book>) => (b.matrix![1][5] = "Nope"),
  ],
])("%s", (_, breakIt) => {
  test("the index is null and marked not valid; the errors are listed", () => {
    const b = book();
    breakIt(b);
    const report = check(b);
    expect(report.findings.some((f) => f.severity === "error")).toBe(true);
    expect(report.designAlignmentIndex).toBeNull();
    expect(report.indexBlockedByErrors).toBe(true);
  });
});

test("without errors the index is given and not blocked", () => {
  const report = check(book());
  expect(report.designAlignmentIndex).not.toBeNull();
  expect(report.indexBlockedByErrors).toBe(false);
});

test("no Reps sheet: a no-reps warning says each plan counts equally (never a silent switch)", () => {
  const b = book();
  b.reps = null;
  const report = check(b);
  const found = report.findings.filter((f) => f.rule === "no-reps");
  expect(found).toEqual([
    {
      severity: "warning",
      rule: "no-reps",
      plan: null,
      metric: null,
      objective: null,
      message:
        "There is no Reps sheet with Plan and Target Incentive columns, so pay shares count each plan equally instead of by its reps' target-incentive dollars.",
      cell: null,
    },
  ]);
  // A warning does not invalidate the index.
  expect(report.designAlignmentIndex).not.toBeNull();
  expect(check(book()).findings.filter((f) => f.rule === "no-reps")).toEqual([]);
});
