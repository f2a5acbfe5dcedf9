/**
 * Labels say what the figure measures, and gaps read as gaps, on the sample's tabs: the
 * Alignment View's pay share is a share of target incentive (the design), not of payout; a
 * scenario tab's percentage is of the target incentive; the gap columns (pay − priority,
 * payout − priority) carry their sign; the pulse tabs say the Company column of a check judged
 * plan by plan is the worst plan's value, not a company-wide figure.
 */
import { runScenarioAction, setupWorkbookFrom } from "../../src/actions";
import { sampleSheets } from "../../src/reports/sampleWorkbook";
import { SCENARIO_COMPARISON } from "../../src/reports/scenarioSheets";
import { displayText } from "../../src/workbook/displayText";
import { MemoryWorkbook, type SheetSnapshot } from "../../src/workbook/memory";
import { RUN_DATE, writeSampleTabs } from "./sampleTabs";

let book: MemoryWorkbook;
let owned: string[];
beforeAll(async () => {
  book = new MemoryWorkbook();
  book.runDate = RUN_DATE;
  owned = await writeSampleTabs(book);
}, 120_000);

const rowStarting = (tab: SheetSnapshot, text: string) =>
  tab.values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(text));
const shown = (tab: SheetSnapshot, r: number, c: number) =>
  displayText(tab.values[r][c] as number, tab.numberFormats[r][c]!);

test("Alignment View: the pay share is of target incentive, and the gap is signed", () => {
  const tab = book.snapshot("Alignment View");
  const header = rowStarting(tab, "Objective");
  expect(tab.values[header].slice(0, 4)).toEqual([
    "Objective",
    "Priority share",
    "Pay share (of target incentive)",
    "Gap (pay − priority)",
  ]);
  const gaps = tab.values
    .slice(header + 1, header + 5)
    .map((_, i) => shown(tab, header + 1 + i, 3));
  // Nimbus Cloud 25% of target incentive against 40% of priority; Atlas core 61.9% against 30%.
  expect(gaps).toEqual(["-15.0%", "+31.9%", "-9.8%", "-7.1%"]);
});

test("Pulse Check: payout − priority is signed; the Company column and the trend say whose value it is", () => {
  const name = owned.find((n) => n.startsWith("Pulse Check"))!;
  const tab = book.snapshot(name);
  const header = rowStarting(tab, "Objective");
  expect(tab.values[header][4]).toBe("Payout − priority");
  const gaps = [1, 2, 3, 4].map((i) => shown(tab, header + i, 4));
  expect(gaps).toEqual(["-19.9%", "+38.0%", "-11.1%", "-7.0%"]);
  expect(tab.values[rowStarting(tab, "Checks by plan")][0]).toMatch(
    /the worst plan's status and that plan's value \(the largest plan's when every plan is OK\), not a company-wide figure/
  );
  const trend = book.snapshot("Pulse Trend");
  expect(trend.values[1][0]).toMatch(
    /For a check judged plan by plan the value is the worst plan's, which may be another plan in another period/
  );
});

test("a scenario tab's percentage is labelled and computed as payout ÷ target incentive", () => {
  const tab = book.snapshot("Baseline");
  const header = tab.values[0] as string[];
  const pctCol = header.indexOf("% of Target Incentive");
  expect(pctCol).toBeGreaterThan(0);
  expect(header).not.toContain("% of Target");
  const payout = header.indexOf("Total Payout");
  const ti = header.indexOf("Target Incentive");
  for (let r = 1; r < tab.values.length; r++) {
    const row = tab.values[r];
    expect(row[pctCol]).toBeCloseTo((row[payout] as number) / (row[ti] as number), 12);
  }
});

describe("Scenario Comparison on Reps without Revenue, Gross Margin and Base Salary", () => {
  let tab: SheetSnapshot;
  beforeAll(async () => {
    const sheets = sampleSheets().map((spec) => {
      if (spec.name !== "Reps") return spec;
      const block = spec.blocks[0];
      const header = block.values[0] as string[];
      const keep = header
        .map((h, i) => (["Base Salary", "Revenue", "Gross Margin"].includes(h) ? -1 : i))
        .filter((i) => i >= 0);
      return {
        ...spec,
        tables: [],
        blocks: [
          {
            ...block,
            values: block.values.map((r) => keep.map((i) => r[i])),
            numberFormats: keep.map((i) => block.numberFormats?.[i] ?? null),
          },
        ],
      };
    });
    const bare = new MemoryWorkbook();
    await setupWorkbookFrom(bare, sheets);
    await runScenarioAction(bare);
    tab = bare.snapshot(SCENARIO_COMPARISON);
  }, 120_000);

  test("a figure the data cannot give reads n/a, with why, not a blank cell", () => {
    const ics = tab.values[rowStarting(tab, "Incentive cost of sales (payout ÷ revenue)")];
    expect(ics.slice(1, 7)).toEqual(Array(6).fill("n/a"));
    // Its Δ row stays blank: text would meet the colour rules' "greater than 0".
    const delta = tab.values[rowStarting(tab, "Δ incentive cost of sales")];
    expect(delta.slice(1, 7).every((v) => v === null || v === "")).toBe(true);
    const figure = rowStarting(tab, "Figure");
    for (const label of [
      "Incentive cost of sales",
      "Compensation cost of sales",
      "Incentive cost per gross-margin dollar",
      "Spearman: payout % of target vs gross margin %",
    ]) {
      const r = tab.values.findIndex((row, i) => i > figure && row[0] === label);
      expect([label, tab.values[r].slice(1, 12)]).toEqual([label, Array(11).fill("n/a")]);
    }
    const note = tab.values.find((r) => typeof r[0] === "string" && r[0].startsWith("n/a:"));
    expect(note?.[0]).toBe(
      "n/a: not measured, and breakdowns with no value are left out. The Reps sheet has no column Revenue (needed for cost of sales and the gross-margin figures); no column Base Salary (needed for compensation cost of sales); no column Gross Margin (needed for the gross-margin figures)."
    );
    // The measured figures are still numbers, and no empty breakdown table is written.
    expect(typeof tab.values[figure + 1][1]).toBe("number");
    expect(rowStarting(tab, "Incentive cost of sales by plan")).toBe(-1);
    expect(rowStarting(tab, "Spearman: payout % of target vs gross margin % by")).toBe(-1);
  });
});

test("the comparison's Gini says it is of payout dollars over all reps pooled (the pulse's is of % of target, per plan)", () => {
  const tab = book.snapshot(SCENARIO_COMPARISON);
  const r = rowStarting(tab, "Gini of payout dollars (all reps pooled)");
  expect(r).toBeGreaterThan(0);
  expect(rowStarting(tab, "Gini of payouts")).toBe(-1);
  // Baseline: 0.416 pooled, against the pulse's 0.27 for Inside Sales (its largest plan).
  expect(tab.values[r][1]).toBeCloseTo(0.4164, 4);
});

test("the sample, with every column, has no n/a and no note on its comparison", () => {
  const tab = book.snapshot(SCENARIO_COMPARISON);
  expect(tab.values.flat()).not.toContain("n/a");
  expect(rowStarting(tab, "n/a:")).toBe(-1);
  expect(rowStarting(tab, "Incentive cost of sales by plan")).toBeGreaterThan(0);
});
