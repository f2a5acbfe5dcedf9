/**
 * The scenario run as the task pane and the CLI use it, on the in-memory workbook: tabs written
 * and owned, re-runs replace them, a user's sheet is never touched, Cancel leaves the workbook as
 * it was, and a failure part-way removes the tabs the run added.
 */
import { runScenarioAction, setupWorkbook, ActionError } from "../../src/actions";
import { problemLine } from "../../src/engine/problem";
import { scenariosJson } from "../../src/cli/scenarios";
import { MemoryWorkbook } from "../../src/workbook/memory";
import {
  WorkbookError,
  type SheetSpec,
  type WorkbookPort,
  type WriteResult,
} from "../../src/workbook/port";

async function starterBook() {
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  return book;
}

const STARTER_TABS = [
  "Baseline",
  "Move 10% to multi-product deals",
  "Quotas up 10%",
  "Richer cloud curve",
  "Scenario Comparison",
];

test("writes one owned tab per scenario (Baseline first) and the comparison", async () => {
  const book = await starterBook();
  const progress: number[] = [];
  const { run, sheets } = await runScenarioAction(book, {
    onProgress: (done, total) => progress.push(done / total),
  });
  expect(run.scenarios.map((s) => s.name)).toEqual([
    "Baseline",
    "Move 10% to multi-product deals",
    "Quotas up 10%",
    "Richer cloud curve",
  ]);
  expect(sheets.map((s) => s.name)).toEqual(STARTER_TABS);
  expect(await book.ownedSheets()).toEqual(STARTER_TABS);
  expect(progress[progress.length - 1]).toBe(1);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  // The detail tab's header and first rep.
  const detail = (await book.readSheets(["Baseline"]))[0]!;
  expect(detail.values[0].slice(0, 7)).toEqual([
    "Rep",
    "Plan",
    "Segment",
    "Territory",
    "Target Incentive",
    "Cloud ARR Attainment",
    "Cloud ARR Payout",
  ]);
  expect(detail.values[1][0]).toBe("Avery Chen");
  expect(detail.values[1][5]).toBeCloseTo(1010000 / 900000, 12);
  expect(detail.values).toHaveLength(1 + run.reps.count);
});

test("the comparison's total payout row matches the engine, Baseline first, with Δ columns", async () => {
  const book = await starterBook();
  const { run } = await runScenarioAction(book);
  const sheet = (await book.readSheets(["Scenario Comparison"]))[0]!;
  const header = sheet.values.find((r) => r[0] === "Figure")!;
  expect(header.slice(1, 5)).toEqual(run.scenarios.map((s) => s.name));
  expect(header[5]).toBe("Δ Move 10% to multi-product deals");
  // The detail table's row (the headline above it has a "Total payout" row too).
  const totals = sheet.values
    .slice(sheet.values.indexOf(header))
    .find((r) => r[0] === "Total payout")!;
  run.scenarios.forEach((s, i) => expect(totals[1 + i]).toBeCloseTo(s.figures.totalPayout, 6));
  expect(totals[5]).toBeCloseTo(
    run.scenarios[1].figures.totalPayout - run.scenarios[0].figures.totalPayout,
    6
  );
});

test("a data issue carries its cell as data: a text number and a blank quota", async () => {
  const book = await starterBook();
  const header = (await book.readSheets(["Reps"]))[0]!.values[0];
  expect([header[4], header[8]]).toEqual(["Target Incentive", "Cloud ARR Quota"]);
  book.setCell("Reps!E2", "1,200"); // a number typed as text
  book.setCell("Reps!I2", null); // and a blank quota, on the same rep
  book.setCell("Reps!I3", null); // a blank quota alone
  const result = await runScenarioAction(book);
  const [first, second] = result.run.dataIssues;
  expect(result.run.dataIssues).toHaveLength(2);
  expect(first).toMatchObject({ row: 2, cell: "Reps!E2", cells: ["Reps!E2", "Reps!I2"] });
  expect(first.message).toMatch(
    /^Target Incentive is the text "1,200", .*; Cloud ARR Quota is blank \(must be a number above 0\)$/
  );
  expect(first.message).not.toContain("Reps!");
  // Printed the findings' way, the address shows once.
  expect(problemLine(first).split("Reps!E2")).toHaveLength(2);
  expect(problemLine(first).startsWith("Reps!E2: Target Incentive is the text")).toBe(true);
  expect(second).toMatchObject({
    row: 3,
    message: "Cloud ARR Quota is blank (must be a number above 0)",
    cell: "Reps!I3",
    cells: ["Reps!I3"],
  });

  // --json adds the cell beside the existing keys.
  const json = scenariosJson(result).dataIssues;
  expect(json.map((d) => Object.keys(d))).toEqual([
    ["rep", "row", "message", "cell", "cells"],
    ["rep", "row", "message", "cell", "cells"],
  ]);
  expect(json.map((d) => d.cell)).toEqual(["Reps!E2", "Reps!I3"]);

  // The Scenario Comparison's data-issues table has a Cell column.
  const sheet = (await book.readSheets(["Scenario Comparison"]))[0]!;
  const title = sheet.values.findIndex(
    (r) => r[0] === "Data issues (reps left out of every scenario)"
  );
  expect(sheet.values.slice(title + 1, title + 4).map((r) => r.slice(0, 4))).toEqual([
    ["Rep", "Row", "Cell", "Issue"],
    [first.rep, 2, "Reps!E2", first.message],
    [second.rep, 3, "Reps!I3", second.message],
  ]);
});

test("re-running replaces CompAlign's tabs in place; a user's sheet of the same name gets a suffixed twin", async () => {
  const book = await starterBook();
  await runScenarioAction(book);
  await book.createSheet({
    name: "Quotas up 10% (2)",
    blocks: [{ at: "A1", values: [["taken by the user"]] }],
  });
  const before = await book.sheetNames();
  await runScenarioAction(book);
  expect(await book.sheetNames()).toEqual(before);

  const user = await starterBook();
  await user.createSheet({ name: "Baseline", blocks: [{ at: "A1", values: [["my baseline"]] }] });
  const { sheets } = await runScenarioAction(user);
  expect(sheets[0].name).toBe("Baseline (2)");
  expect((await user.readSheets(["Baseline"]))[0]!.values).toEqual([["my baseline"]]);
});

test("only: Baseline plus the picked scenarios", async () => {
  const book = await starterBook();
  const { sheets } = await runScenarioAction(book, { only: ["quotas up 10%"] });
  expect(sheets.map((s) => s.name)).toEqual(["Baseline", "Quotas up 10%", "Scenario Comparison"]);
});

test("Cancel before writing leaves the workbook exactly as it was", async () => {
  const book = await starterBook();
  const before = await book.sheetNames();
  const controller = new AbortController();
  await expect(
    runScenarioAction(book, {
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    })
  ).rejects.toMatchObject({ kind: "cancelled" });
  expect(await book.sheetNames()).toEqual(before);
  expect(await book.ownedSheets()).toEqual([]);
});

test("a failure part-way removes the tabs this run added", async () => {
  const book = await starterBook();
  const before = await book.sheetNames();
  let writes = 0;
  const failing: WorkbookPort = {
    sheetNames: () => book.sheetNames(),
    readSheets: (names) => book.readSheets(names),
    ownedSheets: () => book.ownedSheets(),
    createSheet: (spec) => book.createSheet(spec),
    deleteOwnedSheets: (names) => book.deleteOwnedSheets(names),
    select: (address) => book.select(address),
    appendRows: (sheet, rows) => book.appendRows(sheet, rows),
    writeOwnedSheets: async (specs: SheetSpec[]): Promise<WriteResult[]> => {
      if (++writes === 3) throw new WorkbookError("too-large", "the request was too large");
      return book.writeOwnedSheets(specs);
    },
  };
  await expect(runScenarioAction(failing)).rejects.toThrow("the request was too large");
  expect(await book.sheetNames()).toEqual(before);
});

test("no Reps or no Matrix sheet is an ActionError naming what to do", async () => {
  const noReps = MemoryWorkbook.fromSheets([
    { name: "Matrix", values: [["Plan", "Metric", "Objective", "Weight", "Curve"]] },
  ]);
  await expect(runScenarioAction(noReps)).rejects.toEqual(
    expect.objectContaining({ kind: "no-reps" })
  );
  await expect(runScenarioAction(new MemoryWorkbook())).rejects.toBeInstanceOf(ActionError);
});

test("an invalid scenario is listed on the Scenario Comparison with the Scenarios cell at fault", async () => {
  const book = await starterBook();
  const scenarios = (await book.readSheets(["Scenarios"]))[0]!;
  const segment = scenarios.values[0].indexOf("Segment");
  const values = scenarios.values.map((r, i) =>
    i === 2 ? r.map((v, c) => (c === segment ? "Enterprize" : v)) : r
  );
  const others = await book.readSheets(["Objectives", "Matrix", "Curves", "Reps"]);
  const typo = MemoryWorkbook.fromSheets([
    ...others.map((s) => ({ name: s!.name, values: s!.values })),
    { name: "Scenarios", values },
  ]);
  const { run } = await runScenarioAction(typo);
  expect(run.invalidScenarios).toHaveLength(1);
  const invalid = run.invalidScenarios[0];
  expect(invalid.name).toBe("Quotas up 10%");
  expect(invalid.cell).toBe("Scenarios!A3");
  const sheet = (await typo.readSheets(["Scenario Comparison"]))[0]!;
  const title = sheet.values.findIndex((r) => r[0] === "Invalid scenarios (not run)");
  expect(sheet.values.slice(title + 1, title + 3).map((r) => r.slice(0, 3))).toEqual([
    ["Scenario", "Cell", "Reason"],
    ["Quotas up 10%", "Scenarios!A3", invalid.reason],
  ]);
});
