/**
 * The sheets a scenario run writes: one rep-detail tab per scenario (an Excel table) and the
 * "Scenario Comparison" tab a manager reads: the figures side by side with Δ columns, payout by
 * objective / plan / segment / territory, the distribution of payout % of target, data issues and
 * invalid scenarios, with native charts.
 */
import {
  ACTUALS_ASSUMPTION,
  type MetricAttainment,
  type Profitability,
  type ScenarioFigures,
  type ScenarioResult,
  type ScenarioRun,
} from "../engine/scenarioRunner";
import { pct } from "../engine/figures";
import { columnLetters } from "../workbook/a1";
import type { SheetSpec, SheetValue, TableSpec } from "../workbook/port";
import { comparisonHeadline } from "./comparisonHeadline";
import { COLORS, FORMATS, NOT_MEASURED, TABLE_STYLE, signedFormat } from "./format";
import { rangeAddress } from "./range";
import { SheetLayout } from "./sheetLayout";
import { REPORT_TABS } from "./tabNames";

export const SCENARIO_COMPARISON = REPORT_TABS.scenarioComparison.name;

/** A tab name from a scenario name: Excel's forbidden characters dropped, at most 31 characters. */
export function scenarioTabName(name: string): string {
  const clean =
    name
      .replace(/[\\/?*[\]:]/g, " ")
      .replace(/^'+|'+$/g, "")
      .replace(/\s+/g, " ")
      .trim() || "Scenario";
  return clean.length <= 31 ? clean : `${clean.slice(0, 30).trimEnd()}…`;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Why some figures read "n/a": the Reps columns they need and do not have (cost of sales needs
 * Revenue, compensation cost of sales Revenue and Base Salary, the gross-margin figures Gross
 * Margin and Revenue), else the generic reasons.
 */
export function notMeasuredNote(run: Pick<ScenarioRun, "reps">): string {
  const { revenue, grossMargin, baseSalary } = run.reps;
  const missing = [
    revenue ? null : "Revenue (needed for cost of sales and the gross-margin figures)",
    baseSalary ? null : "Base Salary (needed for compensation cost of sales)",
    grossMargin ? null : "Gross Margin (needed for the gross-margin figures)",
  ].filter((m): m is string => m !== null);
  return missing.length > 0
    ? `n/a: not measured, and breakdowns with no value are left out. The Reps sheet has no column ${missing.join("; no column ")}.`
    : "n/a: not measured on these reps (no computed rep with a target incentive above 0, a negative payout for the Gini, or revenue or gross margin not above 0).";
}

/** Rep detail of one scenario: Rep, Plan, Segment, Territory, TI, attainment and payout per metric, total, % of TI, Δ vs Baseline. */
export function scenarioDetailSheet(
  run: ScenarioRun,
  result: ScenarioResult,
  tableName: string
): SheetSpec {
  const { reps, metrics, included } = run;
  const baseline = run.scenarios[0];
  const header = [
    "Rep",
    "Plan",
    "Segment",
    "Territory",
    "Target Incentive",
    ...metrics.flatMap((m) => [`${m.name} Attainment`, `${m.name} Payout`]),
    "Total Payout",
    "% of Target Incentive",
    "Δ vs Baseline",
  ];
  // Columns looked up once, not per rep (a detail tab is tens of thousands of rows).
  const perMetric = metrics.flatMap((m) => [
    result.reps.attainment.get(m.key)!,
    result.reps.metricPayout.get(m.key)!,
  ]);
  const { targetIncentive, payout: payouts } = result.reps;
  const baselinePayout = baseline.reps.payout;
  const width = header.length;
  const rows: SheetValue[][] = [];
  for (let i = 0; i < reps.count; i++) {
    if (!included[i]) continue;
    const ti = targetIncentive[i];
    const payout = payouts[i];
    const row: SheetValue[] = new Array(width);
    row[0] = reps.names[i];
    row[1] = reps.plans[i];
    row[2] = reps.segments[i] || null;
    row[3] = reps.territories[i] || null;
    row[4] = ti;
    let c = 5;
    for (const column of perMetric) row[c++] = finiteOrNull(column[i]);
    row[c++] = payout;
    row[c++] = ti > 0 ? payout / ti : null;
    row[c] = payout - baselinePayout[i];
    rows.push(row);
  }
  const formats = [
    null,
    null,
    null,
    null,
    FORMATS.currency,
    ...metrics.flatMap(() => [FORMATS.percent1, FORMATS.currency]),
    FORMATS.currency,
    FORMATS.percent1,
    FORMATS.signedCurrency,
  ];
  const tables: TableSpec[] =
    rows.length > 0
      ? [
          {
            name: tableName,
            range: rangeAddress(0, 0, rows.length + 1, header.length),
            style: TABLE_STYLE,
          },
        ]
      : [];
  return {
    name: scenarioTabName(result.name),
    blocks: [{ at: "A1", values: [header, ...rows], numberFormats: formats }],
    tables,
    columnWidths: header.map((h, i) => (i === 0 ? 22 : Math.max(11, Math.min(24, h.length + 2)))),
    freeze: { rows: 1, columns: 1 },
    tabColor: COLORS.brand,
  };
}

type FigureRow = { label: string; format: string; value: (f: ScenarioFigures) => number | null };

export const FIGURE_ROWS: FigureRow[] = [
  { label: "Total payout", format: FORMATS.currency, value: (f) => f.totalPayout },
  {
    label: "Δ payout vs Baseline",
    format: FORMATS.signedCurrency,
    value: (f) => f.deltaVsBaseline,
  },
  {
    label: "Total target incentive",
    format: FORMATS.currency,
    value: (f) => f.totalTargetIncentive,
  },
  { label: "Payout to target", format: FORMATS.percent1, value: (f) => f.payoutToTarget },
  { label: "Incentive cost of sales", format: "0.00%", value: (f) => f.incentiveCostOfSales },
  { label: "Compensation cost of sales", format: "0.00%", value: (f) => f.costOfSales },
  {
    label: "Incentive cost per gross-margin dollar",
    format: FORMATS.currencyPerUnit,
    value: (f) => f.incentiveCostPerGrossMarginDollar,
  },
  {
    label: "Spearman: payout % of target vs gross margin %",
    format: FORMATS.decimal,
    value: (f) => f.spearmanPayoutPctOfTargetVsGrossMarginPct,
  },
  {
    label: "Reps at ≥ 100% weighted attainment",
    format: FORMATS.percent1,
    value: (f) => f.shareAtOrAboveWeightedTarget,
  },
  {
    label: "Payout % of target, 10th percentile",
    format: FORMATS.percent1,
    value: (f) => f.payoutPctOfTarget?.p10 ?? null,
  },
  {
    label: "Payout % of target, median",
    format: FORMATS.percent1,
    value: (f) => f.payoutPctOfTarget?.p50 ?? null,
  },
  {
    label: "Payout % of target, 90th percentile",
    format: FORMATS.percent1,
    value: (f) => f.payoutPctOfTarget?.p90 ?? null,
  },
  // Of payout dollars over every rep: a mix of roles with different target incentives reads as
  // concentration here, unlike the Pulse Check's Gini of payout % of target, plan by plan.
  {
    label: "Gini of payout dollars (all reps pooled)",
    format: FORMATS.index,
    value: (f) => f.gini,
  },
  {
    label: "Realized alignment index",
    format: FORMATS.index,
    value: (f) => f.realizedAlignmentIndex,
  },
];

/** The profitability figures broken down by plan, segment and territory. */
const PROFIT_ROWS: { label: string; format: string; value: (p: Profitability) => number | null }[] =
  [
    {
      label: "Incentive cost per gross-margin dollar",
      format: FORMATS.currencyPerUnit,
      value: (p) => p.incentiveCostPerGrossMarginDollar,
    },
    { label: "Incentive cost of sales", format: "0.00%", value: (p) => p.incentiveCostOfSales },
    {
      label: "Spearman: payout % of target vs gross margin %",
      format: FORMATS.decimal,
      value: (p) => p.spearmanPayoutPctOfTargetVsGrossMarginPct,
    },
  ];

/** Bins of payout as a share of target for the distribution chart. */
export const PAYOUT_BINS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5] as const;

export function binLabel(i: number): string {
  return i === PAYOUT_BINS.length - 1
    ? `${pct(PAYOUT_BINS[i])}+`
    : `${pct(PAYOUT_BINS[i])}–${pct(PAYOUT_BINS[i + 1])}`;
}

/** How many included reps fall in each bin of payout ÷ target incentive. */
export function payoutDistribution(run: ScenarioRun, result: ScenarioResult): number[] {
  const counts = PAYOUT_BINS.map(() => 0);
  for (let i = 0; i < run.reps.count; i++) {
    const ti = result.reps.targetIncentive[i];
    if (!run.included[i] || !(ti > 0)) continue;
    const ratio = result.reps.payout[i] / ti;
    let bin = 0;
    while (bin + 1 < PAYOUT_BINS.length && ratio >= PAYOUT_BINS[bin + 1]) bin++;
    counts[bin] += 1;
  }
  return counts;
}

/** Labels of a breakdown across all scenarios, in first-seen order. */
function labelsOf(records: Record<string, number>[]): string[] {
  const labels: string[] = [];
  for (const r of records)
    for (const label of Object.keys(r)) if (!labels.includes(label)) labels.push(label);
  return labels;
}

export function comparisonSheet(run: ScenarioRun, name = SCENARIO_COMPARISON): SheetSpec {
  const scenarios = run.scenarios;
  const names = scenarios.map((s) => s.name);
  const others = scenarios.slice(1);
  const layout = new SheetLayout();
  const chartCol = columnLetters(Math.max(names.length * 2 + 1, 6));
  layout.add({ values: [["Scenario Comparison"]], style: "title" });
  layout.add({
    values: [
      [
        `Every figure is computed rep by rep over the same ${run.included.reduce((s, v) => s + v, 0)} reps (data issues left out; see below). Δ columns are each scenario minus Baseline.`,
      ],
    ],
    style: "note",
  });
  layout.add({ values: [[ACTUALS_ASSUMPTION]], style: "note" });
  layout.gap();
  const headline = comparisonHeadline(run, layout.row);
  layout.blocks.push(...headline.blocks);
  layout.row += headline.rows;
  layout.gap();

  // Figures side by side, Δ columns after.
  layout.add({
    values: [["Figure", ...names, ...others.map((s) => `Δ ${s.name}`)]],
    style: "header",
  });
  let notMeasured = false;
  for (const row of FIGURE_ROWS) {
    const base = row.value(scenarios[0].figures);
    const values = scenarios.map((s) => row.value(s.figures));
    const deltas = others.map((s) => {
      const v = row.value(s.figures);
      return v === null || base === null ? null : v - base;
    });
    // A figure that cannot be measured says so ("n/a", explained below), not a blank cell.
    if (values.some((v) => v === null)) notMeasured = true;
    const shown = (v: number | null): SheetValue => (v === null ? NOT_MEASURED : v);
    layout.add({
      values: [[row.label, ...values.map(shown), ...deltas.map(shown)]],
      // Δ columns signed ("+$1,285,620", "-3.9%"), as the headline's Δ rows are.
      numberFormats: [
        null,
        ...values.map(() => row.format),
        ...deltas.map(() => signedFormat(row.format)),
      ],
    });
  }
  if (notMeasured) layout.add({ values: [[notMeasuredNote(run)]], style: "note" });
  layout.gap();

  // Breakdowns: a header row with the scenario names, one row per label (chart source ranges).
  const breakdown = (
    title: string,
    records: (Record<string, number> | null)[],
    chartTitle?: string,
    leading?: { label: string; values: (l: string) => number | null }
  ) => {
    if (records.some((r) => r === null)) return;
    const present = records as Record<string, number>[];
    const labels = labelsOf(present);
    layout.add({ values: [[title]], style: "header" });
    const extra = leading ? [leading.label] : [];
    const top = layout.add({ values: [["", ...extra, ...names]], style: "header" });
    const body = labels.map((label) => [
      label,
      ...(leading ? [leading.values(label)] : []),
      ...present.map((r) => r[label] ?? 0),
    ]);
    layout.add({
      values: body,
      numberFormats: [
        null,
        ...(leading ? [FORMATS.percent1] : []),
        ...names.map(() => (leading ? FORMATS.percent1 : FORMATS.currency)),
      ],
    });
    if (chartTitle && labels.length > 0) {
      layout.charts.push({
        type: "column",
        title: chartTitle,
        dataRange: rangeAddress(top, 0, labels.length + 1, 1 + extra.length + names.length),
        at: `${chartCol}${top + 1}`,
        widthCells: 9,
        heightCells: Math.max(14, labels.length + 2),
      });
    }
    layout.gap(Math.max(1, (chartTitle ? 15 : 0) - labels.length - 1));
  };

  // By objective as shares (priority share first), so strategy and money compare directly.
  const priorityShare = new Map(run.design.objectives.map((o) => [o.name, o]));
  const totalPriority = run.design.objectives.reduce((s, o) => s + o.priority, 0);
  const shares = scenarios.map((s) => {
    const total = s.figures.totalPayout;
    return Object.fromEntries(
      Object.entries(s.figures.payoutByObjective).map(([k, v]) => [k, total > 0 ? v / total : 0])
    );
  });
  breakdown("Share of payout by objective", shares, "Priority share vs payout share by objective", {
    label: "Priority share",
    values: (label) => {
      const o = priorityShare.get(label);
      return o && totalPriority > 0 ? o.priority / totalPriority : null;
    },
  });
  breakdown(
    "Payout by plan",
    scenarios.map((s) => s.figures.payoutByPlan)
  );
  breakdown(
    "Payout by segment",
    scenarios.map((s) => s.figures.payoutBySegment),
    "Payout by segment per scenario"
  );
  breakdown(
    "Payout by territory",
    scenarios.map((s) => s.figures.payoutByTerritory)
  );

  // Profitability by plan, segment and territory: one small table per figure (blank: no value).
  const ratioTable = (title: string, records: Record<string, number | null>[], format: string) => {
    const labels = labelsOf(records as Record<string, number>[]);
    // No value at all (no Revenue or Gross Margin column): left out, the note under the figures says why.
    const any = records.some((r) => labels.some((l) => r[l] !== null && r[l] !== undefined));
    if (labels.length === 0 || !any) return;
    layout.add({ values: [[title]], style: "header" });
    layout.add({ values: [["", ...names]], style: "header" });
    layout.add({
      values: labels.map((label) => [label, ...records.map((r) => r[label] ?? null)]),
      numberFormats: [null, ...names.map(() => format)],
    });
    layout.gap();
  };
  const dimensions: [string, (f: ScenarioFigures) => Record<string, Profitability> | null][] = [
    ["plan", (f) => f.profitabilityByPlan],
    ["segment", (f) => f.profitabilityBySegment],
    ["territory", (f) => f.profitabilityByTerritory],
  ];
  for (const [dimension, of] of dimensions) {
    if (scenarios.some((sc) => of(sc.figures) === null)) continue;
    for (const row of PROFIT_ROWS) {
      ratioTable(
        `${row.label} by ${dimension}`,
        scenarios.map((sc) =>
          Object.fromEntries(Object.entries(of(sc.figures)!).map(([k, p]) => [k, row.value(p)]))
        ),
        row.format
      );
    }
  }

  // Quota attainment per metric (this scenario's quotas and actuals), overall and by group.
  layout.add({
    values: [
      [
        "Quota attainment by metric (share of reps at ≥ 100% of the metric's quota; median attainment)",
      ],
    ],
    style: "header",
  });
  layout.add({
    values: [
      [
        "Metric",
        "Reps",
        ...names.flatMap((n) => [`${n}: at ≥ 100% of quota`, `${n}: median attainment`]),
      ],
    ],
    style: "header",
  });
  const attainmentRows: SheetValue[][] = [];
  const cells = (of: (f: ScenarioFigures) => MetricAttainment | undefined) =>
    scenarios.flatMap((sc) => {
      const a = of(sc.figures);
      return [a?.shareAtOrAboveQuota ?? null, a?.medianAttainment ?? null];
    });
  for (const metric of run.metrics) {
    const base = scenarios[0].figures.attainmentByMetric[metric.name];
    if (!base) continue;
    attainmentRows.push([
      `${metric.name}: all reps`,
      base.overall.reps,
      ...cells((f) => f.attainmentByMetric[metric.name]?.overall),
    ]);
    const groups: [string, (f: ScenarioFigures) => Record<string, MetricAttainment> | null][] = [
      ["plan", (f) => f.attainmentByMetric[metric.name]?.byPlan ?? null],
      ["segment", (f) => f.attainmentByMetric[metric.name]?.bySegment ?? null],
      ["territory", (f) => f.attainmentByMetric[metric.name]?.byTerritory ?? null],
    ];
    for (const [dimension, of] of groups) {
      const baseGroups = of(scenarios[0].figures);
      if (!baseGroups) continue;
      for (const [label, a] of Object.entries(baseGroups))
        attainmentRows.push([
          `${metric.name}: ${dimension} ${label}`,
          a.reps,
          ...cells((f) => of(f)?.[label]),
        ]);
    }
  }
  layout.add({
    values: attainmentRows,
    numberFormats: [
      null,
      FORMATS.number,
      ...names.flatMap(() => [FORMATS.percent1, FORMATS.percent1]),
    ],
  });
  layout.gap();

  // Distribution of payout % of target.
  layout.add({ values: [["Reps by payout as % of target"]], style: "header" });
  const distTop = layout.add({ values: [["Payout % of target", ...names]], style: "header" });
  const dist = scenarios.map((s) => payoutDistribution(run, s));
  layout.add({
    values: PAYOUT_BINS.map((_, b) => [binLabel(b), ...dist.map((d) => d[b])]),
    numberFormats: [null, ...names.map(() => FORMATS.number)],
  });
  layout.charts.push({
    type: "column",
    title: "Distribution of payout % of target",
    dataRange: rangeAddress(distTop, 0, PAYOUT_BINS.length + 1, 1 + names.length),
    at: `${chartCol}${distTop + 1}`,
    widthCells: 9,
    heightCells: 15,
    xAxisTitle: "Payout as % of target incentive",
    yAxisTitle: "Reps",
  });
  layout.gap(Math.max(1, 16 - PAYOUT_BINS.length));

  const tables: TableSpec[] = [];
  const listing = (
    title: string,
    tableName: string,
    header: string[],
    rows: SheetValue[][],
    empty: string
  ) => {
    layout.add({ values: [[title]], style: "header" });
    if (rows.length === 0) {
      layout.add({ values: [[empty]], style: "note" });
    } else {
      const top = layout.add({ values: [header, ...rows] });
      tables.push({
        name: tableName,
        range: rangeAddress(top, 0, rows.length + 1, header.length),
        style: TABLE_STYLE,
      });
    }
    layout.gap();
  };
  listing(
    "Data issues (reps left out of every scenario)",
    "CompAlignDataIssues",
    ["Rep", "Row", "Cell", "Issue"],
    run.dataIssues.map((d) => [d.rep, d.row, d.cell, d.message]),
    "None: every rep was computed."
  );
  listing(
    "Invalid scenarios (not run)",
    "CompAlignInvalidScenarios",
    ["Scenario", "Cell", "Reason"],
    run.invalidScenarios.map((s) => [s.name, s.cell, s.reason]),
    "None: every scenario ran."
  );

  return {
    name,
    blocks: layout.blocks,
    tables,
    charts: layout.charts,
    valueColors: headline.valueColors,
    // Wide enough for each scenario's name in its header (Δ columns add two characters).
    columnWidths: [
      36,
      ...names.map((n) => Math.min(36, Math.max(14, n.length + 2))),
      ...others.map((s) => Math.min(38, Math.max(14, s.name.length + 4))),
    ],
    freeze: { rows: 0, columns: 1 },
    tabColor: COLORS.brand,
  };
}
