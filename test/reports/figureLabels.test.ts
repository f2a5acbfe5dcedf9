/**
 * Labels say what the figure measures, and gaps read as gaps, on the sample's tabs: the
 * Alignment View's pay share is a share of target incentive (the design), not of payout; a
 * scenario tab's percentage is of the target incentive; the gap columns (pay − priority,
 * payout − priority) carry their sign; the pulse tabs say the Company column of a check judged
 * plan by plan is the worst plan's value, not a company-wide figure.
 */
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
    /the worst plan's status and that plan's value, not a company-wide figure/
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
