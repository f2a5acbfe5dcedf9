/**
 * A change reads as a change: every Δ vs Baseline CompAlign writes on the scenario tabs shows its
 * sign ("+$1,285,620", "-$792,589", "+6.3%"), as the headline's Δ rows do, so a positive change
 * is never mistaken for a level. Read from the written sample, as Excel would show the cells.
 */
import { insertSampleData, runScenarioAction } from "../../src/actions";
import { FIGURE_ROWS, SCENARIO_COMPARISON } from "../../src/reports/scenarioSheets";
import { FORMATS, moneyFormats, signedFormat } from "../../src/reports/format";
import { displayText } from "../../src/workbook/displayText";
import { MemoryWorkbook, type SheetSnapshot } from "../../src/workbook/memory";

let comparison: SheetSnapshot;
let detail: SheetSnapshot;
let scenarios: string[];

beforeAll(async () => {
  const book = new MemoryWorkbook();
  await insertSampleData(book);
  const { run } = await runScenarioAction(book);
  scenarios = run.scenarios.map((s) => s.name);
  comparison = book.snapshot(SCENARIO_COMPARISON);
  detail = book.snapshot("Cloud weight 40% + accelerator");
}, 120_000);

const shown = (tab: SheetSnapshot, r: number, c: number) =>
  displayText(tab.values[r][c] as number, tab.numberFormats[r][c]!);

test("signedFormat: money keeps its named signed form, other formats get + and - sections", () => {
  expect(signedFormat(FORMATS.currency)).toBe(FORMATS.signedCurrency);
  expect(signedFormat(FORMATS.signedCurrency)).toBe(FORMATS.signedCurrency);
  expect(signedFormat(FORMATS.currencyPerUnit)).toBe("+$#,##0.000;-$#,##0.000;$0.000");
  expect(displayText(0.0632, signedFormat(FORMATS.percent1))).toBe("+6.3%");
  expect(displayText(-0.0391, signedFormat(FORMATS.percent1))).toBe("-3.9%");
  expect(displayText(0.0053, signedFormat(FORMATS.index))).toBe("+0.01");
  expect(displayText(0, signedFormat(FORMATS.index))).toBe("0.00");
  expect(moneyFormats({ currency: "EUR", locale: "de-DE" }).signedCurrencyPerUnit).toBe(
    '+#,##0.000 "€";-#,##0.000 "€";0.000 "€"'
  );
});

test("Scenario Comparison: every Δ column of the figures table, and the Δ payout row, is signed", () => {
  const header = comparison.values.findIndex((r) => r[0] === "Figure");
  expect(header).toBeGreaterThan(0);
  const first = 1 + scenarios.length; // Δ columns follow the scenarios
  expect(comparison.values[header][first]).toBe(`Δ ${scenarios[1]}`);
  let positives = 0;
  let negatives = 0;
  FIGURE_ROWS.forEach((row, i) => {
    const r = header + 1 + i;
    expect(comparison.values[r][0]).toBe(row.label);
    for (let c = first; c < first + scenarios.length - 1; c++) {
      const v = comparison.values[r][c];
      if (typeof v !== "number" || Math.abs(v) < 1e-6) continue;
      const text = shown(comparison, r, c);
      expect([row.label, text[0]]).toEqual([row.label, v > 0 ? "+" : "-"]);
      if (v > 0) positives++;
      else negatives++;
    }
  });
  expect(positives).toBeGreaterThan(10);
  expect(negatives).toBeGreaterThan(10);
  // The Δ payout row is itself a change: signed under every scenario, "$0" under Baseline.
  const delta = header + 1 + FIGURE_ROWS.findIndex((r) => r.label === "Δ payout vs Baseline");
  expect(shown(comparison, delta, 1)).toBe("$0");
  const accelerator = scenarios.indexOf("Cloud accelerator curve");
  expect(shown(comparison, delta, 1 + accelerator)).toMatch(/^\+\$\d{1,3}(,\d{3})+$/);
  // The same Δ as the headline shows it.
  const headline = comparison.values.findIndex((r) => r[0] === "Δ total payout vs Baseline");
  expect(shown(comparison, delta, 1 + accelerator)).toBe(
    shown(comparison, headline, 1 + accelerator)
  );
});

test("a scenario tab's Δ vs Baseline column is signed", () => {
  const col = (detail.values[0] as unknown[]).indexOf("Δ vs Baseline");
  expect(col).toBeGreaterThan(0);
  const signs = { "+": 0, "-": 0 };
  for (let r = 1; r < detail.values.length; r++) {
    const v = detail.values[r][col];
    if (typeof v !== "number" || Math.abs(v) < 1) continue;
    const sign = shown(detail, r, col)[0];
    expect(sign).toBe(v > 0 ? "+" : "-");
    signs[sign as "+" | "-"]++;
  }
  expect(signs["+"]).toBeGreaterThan(50);
  expect(signs["-"]).toBeGreaterThan(50);
});
