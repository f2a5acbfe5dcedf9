/**
 * The README's demo figures are the real output on the built-in sample, not hand-typed copies:
 * the demo's comparison table, and the cost-at-risk sentence (default settings, a $23M budget).
 */
import fs from "node:fs";
import path from "node:path";
import { computeRisk, insertSampleData, prepareRisk, runScenarioAction } from "../../src/actions";
import { comparisonTable } from "../../src/cli/demo";
import { ACTUALS_ASSUMPTION } from "../../src/engine/scenarioRunner";
import { chance, money } from "../../src/reports/riskSheet";
import { MemoryWorkbook } from "../../src/workbook/memory";

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

test("README shows the assumption line and the comparison table of a real demo run", async () => {
  const book = new MemoryWorkbook();
  await insertSampleData(book);
  const { run } = await runScenarioAction(book);
  expect(readme).toContain(
    `\`\`\`\n${ACTUALS_ASSUMPTION}\n${comparisonTable(run.scenarios)}\n\`\`\``
  );
}, 60_000);

test("README's cost-at-risk figures on the demo sample are those of a real run", async () => {
  const book = new MemoryWorkbook();
  await insertSampleData(book);
  const prepared = await prepareRisk(book);
  const budget = 23e6;
  // Default settings but the budget (the sample has no Risk Settings sheet).
  expect(prepared.settings.budget).toBeNull();
  const { result } = await computeRisk({ ...prepared, settings: { ...prepared.settings, budget } });
  const base = result.scenarios[0];
  const last = result.scenarios.at(-1)!;
  expect(base.name).toBe("Baseline");
  const p = (x: typeof base) => ({ p50: money(x.totalPayout.p50), p90: money(x.totalPayout.p90) });
  const sentence =
    `On the demo sample (${result.reps} reps, default settings, a ${money(budget)} budget): ` +
    `Baseline P50 ${p(base).p50}, P90 ${p(base).p90}, ${chance(base.probabilityOverBudget!)} ` +
    `chance of exceeding ${money(budget)}; "${last.name}" P50 ${p(last).p50}, P90 ${p(last).p90}, ` +
    `${chance(last.probabilityOverBudget!)}.`;
  expect(readme.replace(/\s+/g, " ")).toContain(sentence);
}, 60_000);
