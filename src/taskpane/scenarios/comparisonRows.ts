/**
 * The headline figures the pane compares, in order: one row per figure, each written through the
 * product's one formatter in the workbook's currency and locale (ScenarioCompare shows them for
 * Baseline against one scenario at a time). Each label is the Scenario Comparison sheet's for the
 * same figure (src/reports/scenarioSheets.ts FIGURE_ROWS), so the pane and the sheet read alike.
 */
import type { ScenarioFigures } from "../../engine/scenarioRunner";
import { figures as defaultFigures, type Figures } from "../../engine/figures";
import { formatCents } from "./format";

export interface ComparisonRow {
  label: string;
  /** The figure as text, in the workbook's currency and locale (default: USD, en-US). */
  text: (f: ScenarioFigures, fig?: Figures) => string;
}

/** The figures shown, in order. */
export const COMPARISON_ROWS: readonly ComparisonRow[] = [
  { label: "Total payout", text: (f, fig = defaultFigures()) => fig.money(f.totalPayout) },
  {
    label: "Δ vs Baseline",
    text: (f, fig = defaultFigures()) => fig.signedMoney(f.deltaVsBaseline),
  },
  {
    label: "Payout to target",
    text: (f, fig = defaultFigures()) => fig.percent(f.payoutToTarget),
  },
  {
    label: "Reps at ≥ 100% weighted attainment",
    text: (f, fig = defaultFigures()) => fig.percent(f.shareAtOrAboveWeightedTarget),
  },
  {
    label: "Incentive cost of sales",
    text: (f, fig = defaultFigures()) => fig.percent(f.incentiveCostOfSales),
  },
  {
    label: "Incentive cost per gross-margin dollar",
    text: (f) => formatCents(f.incentiveCostPerGrossMarginDollar),
  },
  {
    label: "Payout % of target, median",
    text: (f, fig = defaultFigures()) => fig.percent(f.payoutPctOfTarget?.p50),
  },
  {
    label: "Payout % of target, 90th percentile",
    text: (f, fig = defaultFigures()) => fig.percent(f.payoutPctOfTarget?.p90),
  },
  {
    label: "Realized alignment index",
    text: (f, fig = defaultFigures()) => fig.index(f.realizedAlignmentIndex),
  },
];
