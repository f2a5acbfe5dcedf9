/**
 * The Scenario Comparison's headline: the figures a manager reads first, one column per
 * scenario (Baseline first), in the first rows of the tab before the detail sections. Each Δ row
 * is the scenario minus Baseline, with its sign in the number format ("+$1,175,298",
 * "-0.19%") for readers who do not see the colours, and coloured by conditional formatting:
 * green when the scenario is cheaper than Baseline, red when it is dearer.
 */
import type { ScenarioFigures, ScenarioRun } from "../engine/scenarioRunner";
import type { Block, SheetValue, ValueColorSpec } from "../workbook/port";
import { FORMATS, NOT_MEASURED } from "./format";
import { rangeAddress } from "./range";

/** Signed formats: "+" and "-" shown, zero plain. */
export const SIGNED_FORMATS = {
  currency: FORMATS.signedCurrency,
  percent1: "+0.0%;-0.0%;0.0%",
  percent2: "+0.00%;-0.00%;0.00%",
} as const;

export const CHEAPER = { fontColor: "#107C10", fillColor: "#DFF6DD" } as const;
export const DEARER = { fontColor: "#A4262C", fillColor: "#FDE7E9" } as const;

/** Share of computed reps whose weighted attainment is at or above 100%. */
const atOrAboveTarget = (f: ScenarioFigures): number | null => f.shareAtOrAboveWeightedTarget;

interface HeadlineRow {
  label: string;
  format: string;
  value: (f: ScenarioFigures) => number | null;
  /** A Δ row (scenario minus Baseline), coloured when `cost` (lower is cheaper). */
  delta?: { of: (f: ScenarioFigures) => number | null; cost: boolean };
}

export const HEADLINE_TITLE = "At a glance";

/** A figure's row and, under it, its Δ vs Baseline row, coloured as a cost (lower is cheaper). */
function withCostDelta(row: HeadlineRow, deltaLabel: string, deltaFormat: string): HeadlineRow[] {
  return [
    row,
    {
      label: deltaLabel,
      format: deltaFormat,
      value: row.value,
      delta: { of: row.value, cost: true },
    },
  ];
}

export const HEADLINE_ROWS: HeadlineRow[] = [
  ...withCostDelta(
    { label: "Total payout", format: FORMATS.currency, value: (f) => f.totalPayout },
    "Δ total payout vs Baseline",
    SIGNED_FORMATS.currency
  ),
  ...withCostDelta(
    {
      label: "Payout ÷ target incentive",
      format: FORMATS.percent1,
      value: (f) => f.payoutToTarget,
    },
    "Δ payout ÷ target incentive (points)",
    SIGNED_FORMATS.percent1
  ),
  ...withCostDelta(
    {
      label: "Incentive cost of sales (payout ÷ revenue)",
      format: "0.00%",
      value: (f) => f.incentiveCostOfSales,
    },
    "Δ incentive cost of sales (points)",
    SIGNED_FORMATS.percent2
  ),
  {
    label: "Reps at ≥ 100% weighted attainment (share)",
    format: FORMATS.percent1,
    value: atOrAboveTarget,
  },
];

export interface Headline {
  blocks: Block[];
  valueColors: ValueColorSpec[];
  /** Rows it takes, header included. */
  rows: number;
}

/** The headline block whose header row is at `top` (0-based). */
export function comparisonHeadline(run: ScenarioRun, top: number): Headline {
  const scenarios = run.scenarios;
  const baseline = scenarios[0]?.figures;
  const blocks: Block[] = [
    {
      at: `A${top + 1}`,
      values: [[HEADLINE_TITLE, ...scenarios.map((s) => s.name)]],
      style: "header",
    },
  ];
  const valueColors: ValueColorSpec[] = [];
  HEADLINE_ROWS.forEach((row, i) => {
    const r = top + 1 + i;
    const values: SheetValue[] = scenarios.map((s, k) => {
      // A level that cannot be measured reads "n/a" (explained under the figures table); a Δ
      // cell stays blank, as text would meet the colour rules' "greater than 0".
      if (!row.delta) return row.value(s.figures) ?? NOT_MEASURED;
      if (k === 0 || !baseline) return null; // Baseline against itself: nothing to show
      const v = row.delta.of(s.figures);
      const b = row.delta.of(baseline);
      return v === null || b === null ? null : v - b;
    });
    blocks.push({
      at: `A${r + 1}`,
      values: [[row.label, ...values]],
      numberFormats: [null, ...scenarios.map(() => row.format)],
    });
    if (row.delta?.cost && scenarios.length > 1) {
      const range = rangeAddress(r, 2, 1, scenarios.length - 1);
      valueColors.push(
        { range, operator: "lessThan", value: 0, ...CHEAPER },
        { range, operator: "greaterThan", value: 0, ...DEARER }
      );
    }
  });
  return { blocks, valueColors, rows: HEADLINE_ROWS.length + 1 };
}
