/**
 * Tabs are never lost (iss14): awkward scenario names each get their own valid tab, the user's
 * sheets and CompAlign's other tabs are untouched, and re-runs after renames and deletions work.
 */
import { runScenarioAction, setupWorkbook, writeAlignmentView } from "../../src/actions";
import {
  REPORT_TABS,
  cleanTabName,
  isOtherReportTab,
  uniqueTableName,
  uniqueTabName,
  uniqueTabNames,
} from "../../src/reports/tabNames";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { sheetNameProblem } from "../../src/workbook/port";

const AWKWARD = [
  "History",
  "Reps",
  "Scenario Comparison",
  "Alignment View",
  "???",
  "Quotas up ten percent for the whole East region",
  "Quotas up ten percent for the whole East region, again",
  "[East]: *all* / reps",
];

async function bookWith(names: readonly string[]) {
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  const scenarios = (await book.readSheets(["Scenarios"]))[0]!;
  // Keep only the header, then one scale-ti row per awkward name.
  book.removeSheet("Scenarios");
  const header = scenarios.values[0];
  const col = (h: string) => header.indexOf(h);
  const rows = names.map((name, i) =>
    header.map((_, c) =>
      c === col("Scenario")
        ? name
        : c === col("Change")
          ? "scale-ti"
          : c === col("Value")
            ? 1 + i / 100
            : null
    )
  );
  await book.createSheet({ name: "Scenarios", blocks: [{ at: "A1", values: [header, ...rows] }] });
  return book;
}

test("8 awkward scenario names give 8 tabs plus the comparison; user sheets and the Alignment View are untouched", async () => {
  const book = await bookWith(AWKWARD);
  await writeAlignmentView(book);
  const before = Object.fromEntries(
    ["Reps", "Matrix", "Objectives", "Curves", "Scenarios", "Alignment View"].map((n) => [
      n,
      JSON.stringify(book.snapshot(n).values),
    ])
  );
  const { run, sheets } = await runScenarioAction(book);
  expect(run.invalidScenarios).toEqual([]);
  expect(run.scenarios).toHaveLength(9);
  const names = sheets.map((s) => s.name);
  expect(names).toHaveLength(10);
  expect(sheets.every((s) => s.action === "created")).toBe(true);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(10);
  for (const n of names) expect(sheetNameProblem(n)).toBeNull();
  expect(names).toEqual([
    "Baseline",
    "History (2)",
    "Reps (2)",
    "Scenario Scenario Comparison",
    "Scenario Alignment View",
    "Scenario",
    "Quotas up ten percent for the…",
    "Quotas up ten percent for t (2)",
    "East all reps",
    "Scenario Comparison",
  ]);
  for (const [n, values] of Object.entries(before))
    expect(JSON.stringify(book.snapshot(n).values)).toBe(values);
  // Each tab holds its own scenario: the rep detail's first target incentive is scaled by 1 + i/100.
  const ti = (tab: string) => book.snapshot(tab).values[1][4] as number;
  const base = ti("Baseline");
  AWKWARD.forEach((_, i) => expect(ti(names[i + 1])).toBeCloseTo(base * (1 + i / 100), 6));
});

test("re-runs after a scenario is renamed or deleted, and over earlier results, work", async () => {
  const book = await bookWith(["One", "Two", "Three"]);
  await runScenarioAction(book);
  const again = await runScenarioAction(book);
  expect(again.sheets.map((s) => s.action)).toEqual(Array(5).fill("replaced"));
  // Rename "Two" to "Deux" and delete "Three" in the Scenarios sheet: the stale tabs stay, the run works.
  const renamed = await bookWith(["One", "Deux"]);
  book.removeSheet("Scenarios");
  const scen = renamed.snapshot("Scenarios").values;
  await book.createSheet({ name: "Scenarios", blocks: [{ at: "A1", values: scen }] });
  const third = await runScenarioAction(book);
  expect(third.sheets.map((s) => s.name)).toEqual([
    "Baseline",
    "One",
    "Deux",
    "Scenario Comparison",
  ]);
  expect(await book.sheetNames()).toEqual(expect.arrayContaining(["Two", "Three", "Deux"]));
  // The user renames an owned tab, then runs again: a new tab is written next to it.
  book.renameSheet("One", "My copy of One");
  const fourth = await runScenarioAction(book);
  expect(fourth.sheets.find((s) => s.name === "One")?.action).toBe("created");
});

test("a user's sheet named Scenario Comparison and a scenario of that name: three distinct tabs", async () => {
  const book = await bookWith(["Scenario Comparison"]);
  await book.createSheet({
    name: "Scenario Comparison",
    blocks: [{ at: "A1", values: [["mine"]] }],
  });
  const { sheets } = await runScenarioAction(book);
  expect(sheets.map((s) => s.name)).toEqual([
    "Baseline",
    "Scenario Scenario Comparison",
    "Scenario Comparison (2)",
  ]);
  expect(book.snapshot("Scenario Comparison").values).toEqual([["mine"]]);
  expect(book.snapshot("Scenario Scenario Comparison").values[0][0]).toBe("Rep");
  // A second run replaces both of CompAlign's tabs in place.
  const again = await runScenarioAction(book);
  expect(again.sheets.map((s) => [s.name, s.action])).toEqual([
    ["Baseline", "replaced"],
    ["Scenario Scenario Comparison", "replaced"],
    ["Scenario Comparison (2)", "replaced"],
  ]);
});

describe("the naming helpers", () => {
  test("cleanTabName: forbidden characters, never empty, never History, within the room", () => {
    expect(cleanTabName("a/b\\c?d*e[f]g:h", "X")).toBe("a b c d e f g h");
    expect(cleanTabName(":::", "Scenario")).toBe("Scenario");
    expect(cleanTabName("  'History'  ", "X")).toBe("History (2)");
    expect(cleanTabName("x".repeat(40), "X")).toBe(`${"x".repeat(30)}…`);
    expect(cleanTabName("3/31/2026", "", 19, "-")).toBe("3-31-2026");
  });
  test("uniqueTabName ignores case and keeps 31 characters; uniqueTabNames keeps a list apart", () => {
    expect(uniqueTabName("Reps", ["REPS"])).toBe("Reps (2)");
    expect(uniqueTabName("y".repeat(31), ["y".repeat(31)])).toBe(`${"y".repeat(27)} (2)`);
    expect(uniqueTabNames(["a", "A", "a"], "S")).toEqual(["a", "A (2)", "a (3)"]);
  });
  test("uniqueTableName: valid and unique ignoring case", () => {
    expect(uniqueTableName("CompAlignScenario_Quotas up 10%", [])).toBe(
      "CompAlignScenario_Quotas_up_10"
    );
    expect(uniqueTableName("A1", [])).toBe("A1_");
    expect(uniqueTableName("T", ["t", "T_2"])).toBe("T_3");
  });
});

describe("every report tab of REPORT_TABS is kept from scenario tabs", () => {
  const tabs = Object.values(REPORT_TABS).map((t) => ("name" in t ? t.name : `${t.prefix}East`));
  test.each(tabs)("%s, also with a (2) and in other case, is another report's tab", (tab) => {
    expect(isOtherReportTab(tab)).toBe(true);
    expect(isOtherReportTab(`${tab.toUpperCase()} (2)`)).toBe(true);
  });

  test("a scenario named like a report tab gets its own tab; the report tab is not replaced", async () => {
    const { sheets } = await runScenarioAction(
      await bookWith(["Pulse Trend", "Plan Cost at Risk"])
    );
    expect(sheets.map((s) => s.name)).toEqual([
      "Baseline",
      "Scenario Pulse Trend",
      "Scenario Plan Cost at Risk",
      "Scenario Comparison",
    ]);
  });

  test("a scenario's own name is not a report tab", () => {
    expect(isOtherReportTab("Quotas up")).toBe(false);
    expect(isOtherReportTab("Plan")).toBe(false);
  });
});
