/**
 * The `Plan Cost at Risk` tab a budget owner reads: the settings used, one row per scenario
 * (deterministic total, mean, P10/P50/P90/P95, exposure P90 − P50, chance of exceeding the
 * budget) as an Excel table, one plain sentence per scenario, P50/P90 by plan, a histogram of
 * total payout per scenario (native column chart), the Risk Settings warnings, data issues and
 * invalid scenarios.
 */
import type { RiskResult, RiskScenarioResult } from "../engine/costAtRisk";
import type { DataIssue } from "../engine/scenarioRunner";
import { problemLine, type Problem } from "../engine/problem";
import { columnLetters } from "../workbook/a1";
import type { SheetSpec, SheetValue } from "../workbook/port";
import {
  DEFAULT_FIGURE_SETTINGS,
  withCurrencySymbol,
  type FigureSettings,
} from "../engine/figures";
import { COLORS, FORMATS, TABLE_STYLE } from "./format";
import { rangeAddress } from "./range";
import { SheetLayout } from "./sheetLayout";
import { REPORT_TABS } from "./tabNames";

export const RISK_TAB = REPORT_TABS.costAtRisk.name;
export const RISK_TABLE = "CompAlignCostAtRisk";

/**
 * "$24.1M", "$850K", "$1.25B", "$420"; in the workbook's currency where the locale puts its
 * symbol ("24.1M €" for EUR in de-DE).
 */
export function money(v: number, figures: FigureSettings = DEFAULT_FIGURE_SETTINGS): string {
  const a = Math.abs(v);
  // The unit is chosen on the amount as rounded, so $999,960 reads "$1M", not "$1000K".
  const thousands = Math.round(a / 1e3);
  const millions = +(a / 1e6).toFixed(1);
  const amount =
    a < 1e4
      ? Math.round(a).toLocaleString("en-US")
      : thousands < 1000
        ? `${thousands}K`
        : millions < 1000
          ? `${millions}M`
          : `${+(a / 1e9).toFixed(2)}B`;
  return withCurrencySymbol(amount, v < 0, figures);
}

/** A chance in words: "23%", "less than 1%", "more than 99%". */
export function chance(p: number): string {
  if (p > 0 && p < 0.005) return "less than 1%";
  // 99.5% and up, short of certain, would round to "100%": a budget exceeded in every year.
  if (p < 1 && p >= 0.995) return "more than 99%";
  return `${Math.round(p * 100)}%`;
}

/** One sentence per scenario, for a budget owner. */
export function riskSentence(
  s: RiskScenarioResult,
  budget: number | null,
  trials: number,
  figures: FigureSettings = DEFAULT_FIGURE_SETTINGS
): string {
  const amount = (v: number) => money(v, figures);
  const cost = `In 9 years out of 10 this plan costs less than ${amount(s.totalPayout.p90)} (P90); in a typical year about ${amount(s.totalPayout.p50)} (P50)`;
  if (budget === null || s.probabilityOverBudget === null)
    return `${cost}. No budget is set (add Budget to Risk Settings), so the chance of exceeding it is not computed.`;
  const p = s.probabilityOverBudget;
  if (p === 0)
    return `${cost}; none of the ${trials.toLocaleString("en-US")} simulated years exceeds the ${amount(budget)} budget.`;
  if (p === 1)
    return `${cost}; every one of the ${trials.toLocaleString("en-US")} simulated years exceeds the ${amount(budget)} budget.`;
  return `${cost}; there is a ${chance(p)} chance it exceeds the ${amount(budget)} budget.`;
}

export interface RiskSheetInput {
  result: RiskResult;
  warnings: readonly Problem[];
  dataIssues: readonly DataIssue[];
  invalidScenarios: readonly { name: string; reason: string; cell: string | null }[];
  /** The workbook's currency and locale for the sentences and bins (default USD, en-US). */
  figures?: FigureSettings;
}

const CHART_ROWS = 18;

export function riskSheet(input: RiskSheetInput): SheetSpec {
  const { result } = input;
  const { settings } = result;
  const layout = new SheetLayout();
  const left = input.dataIssues.length;

  layout.add({ values: [[RISK_TAB]], style: "title" });
  layout.add({
    values: [
      [
        `What each scenario's total payout could be across ${settings.trials.toLocaleString("en-US")} simulated plan years, computed rep by rep on the scenario's plan (${result.reps} reps${left ? `; ${left} left out for data issues, listed below` : ""}).`,
      ],
      [
        "Each simulated year moves every rep's actuals by one company-wide shock and by the rep's own shocks per metric; quotas, weights, curves and target incentive stay the scenario's. P50 is a typical year, P90 a strong year (9 years in 10 cost less), exposure is P90 − P50.",
      ],
    ],
    style: "note",
  });
  layout.gap();

  // Settings used.
  layout.add({
    values: [["Settings used (Risk Settings sheet, defaults where not set)"]],
    style: "header",
  });
  layout.add({ values: [["Setting", "Value"]], style: "header" });
  const rows: [string, SheetValue, string | null][] = [
    ["Trials", settings.trials, FORMATS.number],
    ["Seed", settings.seed, "0"],
    ["Common volatility", settings.commonVolatility, FORMATS.percent1],
    ["Individual volatility", settings.individualVolatility, FORMATS.percent1],
    ["Metric correlation", settings.metricCorrelation, FORMATS.decimal],
    ["Budget", settings.budget ?? "Not set", settings.budget === null ? null : FORMATS.currency],
  ];
  for (const [name, value, format] of rows)
    layout.add({ values: [[name, value]], numberFormats: [null, format] });
  layout.gap();

  if (input.warnings.length > 0) {
    layout.add({ values: [["Risk Settings warnings (defaults used instead)"]], style: "header" });
    layout.add({ values: input.warnings.map((w) => [problemLine(w)]), style: "note" });
    layout.gap();
  }

  summaryBlock(layout, result);
  const figures = input.figures ?? DEFAULT_FIGURE_SETTINGS;
  sentencesBlock(layout, result, figures);
  byPlanBlock(layout, result);
  histogramBlock(layout, result, figures);
  issuesBlock(layout, input);

  return {
    name: RISK_TAB,
    blocks: layout.blocks,
    tables: layout.tables,
    charts: layout.charts,
    columnWidths: [34, 26, 20, 18, 18, 18, 18, 20, 24, 20, 20, 24, 24],
    tabColor: COLORS.brand,
  };
}

const SUMMARY_HEADER = [
  "Scenario",
  "Deterministic total payout",
  "Mean total payout",
  "P10 total payout",
  "P50 total payout",
  "P90 total payout",
  "P95 total payout",
  "Exposure (P90 − P50)",
  "Chance of exceeding budget",
  "P50 payout to target",
  "P90 payout to target",
  "P50 incentive cost of sales",
  "P90 incentive cost of sales",
];

function summaryBlock(layout: SheetLayout, result: RiskResult) {
  layout.add({ values: [["Total payout per scenario over the simulated years"]], style: "header" });
  const top = layout.add({ values: [SUMMARY_HEADER], style: "header" });
  const money = FORMATS.currency;
  const noBudget = result.settings.budget === null;
  for (const s of result.scenarios) {
    const t = s.totalPayout;
    layout.add({
      values: [
        [
          s.name,
          s.deterministicTotalPayout,
          t.mean,
          t.p10,
          t.p50,
          t.p90,
          t.p95,
          t.p90 - t.p50,
          noBudget ? "Not set" : s.probabilityOverBudget,
          s.payoutToTarget?.p50 ?? "n/a",
          s.payoutToTarget?.p90 ?? "n/a",
          s.incentiveCostOfSales?.p50 ?? "n/a",
          s.incentiveCostOfSales?.p90 ?? "n/a",
        ],
      ],
      numberFormats: [
        null,
        money,
        money,
        money,
        money,
        money,
        money,
        money,
        FORMATS.percent1,
        FORMATS.percent1,
        FORMATS.percent1,
        "0.00%",
        "0.00%",
      ],
    });
  }
  layout.tables.push({
    name: RISK_TABLE,
    range: rangeAddress(top, 0, result.scenarios.length + 1, SUMMARY_HEADER.length),
    style: TABLE_STYLE,
  });
  layout.add({
    values: [
      [
        "Deterministic: the scenario as computed on the actuals in Reps (the Scenario Comparison's total). Payout to target: total payout ÷ total target incentive. Incentive cost of sales: total payout ÷ revenue, with revenue moved by the company-wide shock (n/a without a Revenue column).",
      ],
    ],
    style: "note",
  });
  layout.gap();
}

function sentencesBlock(layout: SheetLayout, result: RiskResult, figures: FigureSettings) {
  layout.add({ values: [["In plain words"]], style: "header" });
  layout.add({
    values: result.scenarios.map((s) => [
      `${s.name}: ${riskSentence(s, result.settings.budget, result.settings.trials, figures)}`,
    ]),
  });
  layout.gap();
}

function byPlanBlock(layout: SheetLayout, result: RiskResult) {
  layout.add({ values: [["Total payout by plan"]], style: "header" });
  layout.add({
    values: [["Scenario", "Plan", "P50 total payout", "P90 total payout", "Exposure (P90 − P50)"]],
    style: "header",
  });
  const rows = result.scenarios.flatMap((s) =>
    s.byPlan.map((b) => [s.name, b.plan, b.p50, b.p90, b.p90 - b.p50])
  );
  if (rows.length === 0) layout.add({ values: [["No computed reps."]], style: "note" });
  else
    layout.add({
      values: rows,
      numberFormats: [null, null, FORMATS.currency, FORMATS.currency, FORMATS.currency],
    });
  layout.gap();
}

function histogramBlock(layout: SheetLayout, result: RiskResult, figures: FigureSettings) {
  const start = layout.add({
    values: [["Share of simulated years by total payout"]],
    style: "header",
  });
  const { bins, shares } = result.histogram;
  if (bins.length === 0 || result.scenarios.length === 0) {
    layout.add({ values: [["No trials to show."]], style: "note" });
    layout.gap();
    return;
  }
  const top = layout.add({
    values: [["Total payout", ...result.scenarios.map((s) => s.name)]],
    style: "header",
  });
  layout.add({
    values: bins.map((b, k) => [
      `${money(b.from, figures)}–${money(b.to, figures)}`,
      ...shares.map((row) => row[k]),
    ]),
    numberFormats: [null, ...result.scenarios.map(() => FORMATS.percent1)],
  });
  const col = Math.max(4, result.scenarios.length + 2);
  layout.charts.push({
    type: "column",
    title: "Total payout across simulated years, per scenario",
    dataRange: rangeAddress(top, 0, bins.length + 1, result.scenarios.length + 1),
    at: `${columnLetters(col)}${start + 1}`,
    widthCells: 9,
    heightCells: CHART_ROWS,
    xAxisTitle: "Total payout",
    yAxisTitle: "Share of simulated years",
  });
  layout.row = Math.max(layout.row, start + CHART_ROWS + 1);
  layout.gap();
}

function issuesBlock(layout: SheetLayout, input: RiskSheetInput) {
  layout.add({ values: [["Data issues (reps left out of every scenario)"]], style: "header" });
  if (input.dataIssues.length === 0)
    layout.add({ values: [["None: every rep was computed."]], style: "note" });
  else {
    // As the Scenario Comparison lists them: the cell at fault in its own column.
    layout.add({ values: [["Rep", "Row", "Cell", "Issue"]], style: "header" });
    layout.add({
      values: input.dataIssues.map((d): SheetValue[] => [d.rep, d.row, d.cell, d.message]),
      numberFormats: [null, FORMATS.number, null, null],
    });
  }
  layout.gap();
  layout.add({ values: [["Invalid scenarios (not simulated)"]], style: "header" });
  if (input.invalidScenarios.length === 0) layout.add({ values: [["None."]], style: "note" });
  else {
    layout.add({ values: [["Scenario", "Cell", "Reason"]], style: "header" });
    layout.add({ values: input.invalidScenarios.map((s) => [s.name, s.cell, s.reason]) });
  }
}
