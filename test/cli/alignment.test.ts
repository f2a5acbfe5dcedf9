/**
 * `compalign init` and `compalign check` end to end, through the real bin/compalign.js:
 * init → edit the file with exceljs as a user would → check, with the JSON contract, the exit
 * codes and the Alignment View written by --out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compalign, ensureCompiledCli } from "./compiledCli";
import { editedCopy as edit, readWorkbook, sha, tempFolder } from "./helpers";

const { path } = tempFolder("compalign-check-", ensureCompiledCli);

test("init writes the starter workbook, which passes every check but marginal alignment", () => {
  const init = compalign("init", path("plan.xlsx"));
  expect(init.status).toBe(0);
  expect(init.stderr).toMatch(
    /wrote .*plan\.xlsx with Objectives, Matrix, Curves, Reps, Scenarios/
  );
  const check = compalign("check", path("plan.xlsx"), "--json");
  expect(check.status).toBe(0);
  const json = JSON.parse(check.stdout);
  expect(Object.keys(json)).toEqual(["designAlignmentIndex", "objectives", "findings", "marginal"]);
  expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(["marginal-misaligned"]);
  expect(json.marginal).toHaveLength(6);
  expect(json.marginal[0]).toEqual(
    expect.objectContaining({
      plan: "Account Executive",
      metric: "Cloud ARR",
      weight: 0.4,
      sharePerPoint: expect.closeTo(0.008, 12),
    })
  );
  // Pay shares with T_AE = 270k, T_IS = 75k (see test/alignment/rules.test.ts).
  expect(json.designAlignmentIndex).toBeCloseTo(0.4 + 82.5 / 345 + 0.35, 12);
  expect(json.objectives[0]).toEqual({
    objective: "Grow cloud subscriptions",
    priority: 40,
    priorityShare: 0.4,
    payShare: expect.closeTo(141.75 / 345, 12),
  });
});

test("init refuses to overwrite a file (exit 2, file unchanged)", () => {
  writeFileSync(path("taken.xlsx"), "mine");
  const init = compalign("init", path("taken.xlsx"));
  expect(init.status).toBe(2);
  expect(init.stderr.trim().split("\n")).toHaveLength(1);
  expect(readFileSync(path("taken.xlsx"), "utf8")).toBe("mine");
});

test("a weight broken in the file is an error finding with the cell (exit 1)", async () => {
  await edit(path("plan.xlsx"), path("broken.xlsx"), (wb) => {
    wb.getWorksheet("Matrix")!.getCell("E2").value = 0.3;
  });
  const before = sha(path("broken.xlsx"));
  const check = compalign("check", path("broken.xlsx"), "--json");
  expect(check.status).toBe(1);
  const { findings } = JSON.parse(check.stdout);
  expect(findings).toContainEqual({
    severity: "error",
    rule: "weights-sum",
    plan: "Account Executive",
    metric: null,
    objective: null,
    message: "Account Executive: weights sum to 90%, not 100%.",
    cell: "Matrix!E2",
  });
  expect(sha(path("broken.xlsx"))).toBe(before);
});

test("--out writes the Alignment View into a copy and keeps every original sheet", async () => {
  const check = compalign("check", path("plan.xlsx"), "--out", path("view.xlsx"));
  expect(check.status).toBe(0);
  expect(check.stdout).toMatch(/Design alignment index: 0\.989/);
  const wb = await readWorkbook(path("view.xlsx"));
  const sheets = ["Objectives", "Matrix", "Curves", "Reps", "Scenarios", "Alignment View"];
  expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
  const view = wb.getWorksheet("Alignment View")!;
  expect(view.getCell("A4").value).toBe("Design alignment index");
  expect(view.getCell("B4").value).toBeCloseTo(0.989130434782608, 12);
  expect(view.getCell("A8").value).toBe("Grow cloud subscriptions");

  // Running it again on its own output refreshes CompAlign's sheet instead of adding another.
  const again = compalign("check", path("view.xlsx"), "--out", path("view2.xlsx"));
  expect(again.status).toBe(0);
  const wb2 = await readWorkbook(path("view2.xlsx"));
  expect(wb2.worksheets.map((w) => w.name)).toEqual(sheets);
});

test("a user's own sheet named Alignment View is never touched", async () => {
  await edit(path("plan.xlsx"), path("user.xlsx"), (wb) => {
    wb.addWorksheet("Alignment View").getCell("A1").value = "my notes";
  });
  expect(compalign("check", path("user.xlsx"), "--out", path("user-out.xlsx")).status).toBe(0);
  const wb = await readWorkbook(path("user-out.xlsx"));
  expect(wb.getWorksheet("Alignment View")!.getCell("A1").value).toBe("my notes");
  expect(wb.getWorksheet("Alignment View (2)")!.getCell("A1").value).toBe("Alignment View");
});

test("exit 2 with one line: missing file, unreadable file, no Matrix sheet, --out equal to input", () => {
  writeFileSync(path("junk.xlsx"), "not a zip");
  const cases = [
    [["check", path("missing.xlsx")], /cannot read .*missing\.xlsx: no such file/],
    [["check", path("junk.xlsx")], /cannot read .*junk\.xlsx as an \.xlsx workbook/],
    [
      ["check", join(__dirname, "..", "..", "examples", "commission-plan.xlsx")],
      /has no Matrix sheet/,
    ],
    [["check", path("plan.xlsx"), "--out", path("plan.xlsx")], /is the input file/],
  ] as const;
  for (const [args, message] of cases) {
    const run = compalign(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  }
});
