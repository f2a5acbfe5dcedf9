/**
 * The `Pulse Check <label>` tab a sales leader reads each period: the status table (an Excel
 * table: Check, Status, Value, Band, What to do), metric health per plan, payout share by
 * objective against priority, an attainment histogram (native column chart), data issues, and
 * payout % of target against weighted attainment rep by rep (native scatter chart).
 *
 * Status is written as text (OK / Watch / Act): the port has no per-cell fill, and a colour
 * scale keys on numbers, not on words, so the word itself is the cue (and stays filterable).
 */
import type { PulseResult } from "../engine/pulse";
import { problemLine, type Problem } from "../engine/problem";
import type { PulseSettings } from "../engine/pulseSettings";
import { COMPANY_CHECKS } from "../engine/pulse";
import {
  PULSE_CHECKS,
  PULSE_CHECK_INFO,
  pulseCheckDefinition,
  type PulseValueFormat,
  statusRank,
  worstStatus,
  type PulseCheck,
  type PulseCheckId,
  type PulseStatus,
} from "../engine/pulseChecks";
import type { ChartSpec, SheetSpec, SheetValue } from "../workbook/port";
import { COLORS, FORMATS, TABLE_STYLE, signedFormat } from "./format";
import { REPORT_TABS, cleanTabName } from "./tabNames";
import { rangeAddress } from "./range";
import { SheetLayout } from "./sheetLayout";
import { figures, pct } from "../engine/figures";

export const PULSE_TAB_PREFIX = REPORT_TABS.pulseCheck.prefix;
/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/**
 * `Pulse Check <label>` within 31 characters: characters Excel forbids in sheet names become
 * "-" (a date typed as 3/31/2026 reads 3-31-2026), and a long label is cut with "…".
 */
export function pulseTabName(label: string): string {
  const room = MAX_SHEET_NAME - PULSE_TAB_PREFIX.length - 1;
  const fitted = cleanTabName(label, "", room, "-");
  return fitted ? `${PULSE_TAB_PREFIX} ${fitted}` : PULSE_TAB_PREFIX;
}

/**
 * The status table's name for a tab: `CompAlignPulse_<label>` (letters, digits and
 * underscores), one per period so tabs of several periods can sit side by side; `attempt` > 1
 * appends `_2`, `_3`, … for the rare label that collides with another period's.
 */
export function pulseTableName(tabName: string, attempt = 1): string {
  const rest = tabName.slice(PULSE_TAB_PREFIX.length).replace(/[^A-Za-z0-9]+/g, "_");
  const base = `CompAlignPulse${rest.replace(/_+$/, "")}`.slice(0, 200);
  return attempt > 1 ? `${base}_${attempt}` : base;
}

/** Excel number format of each kind of check value (PULSE_CHECKS `valueFormat`). */
const EXCEL_FORMATS: Record<PulseValueFormat, string> = {
  percent: FORMATS.percent1,
  percent2: "0.00%",
  coefficient: FORMATS.decimal,
};

/** Excel number format of each check's value. */
export const PULSE_VALUE_FORMATS: Record<PulseCheckId, string> = Object.fromEntries(
  PULSE_CHECKS.map((c) => [c.id, EXCEL_FORMATS[c.valueFormat]])
) as Record<PulseCheckId, string>;

/** A check's value as text, as the sheet's number format shows it ("n/a" when not measured). */
export function formatPulseValue(id: PulseCheckId, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  const format = pulseCheckDefinition(id).valueFormat;
  if (format === "percent2") return `${(value * 100).toFixed(2)}%`;
  const fig = figures();
  return format === "percent" ? fig.percent(value) : fig.index(value);
}

/**
 * The plan values the checks read from Pulse Settings, in words: "payout to target 100%, …,
 * pay mix not set" (a pair of values, low and high, reads as a band).
 */
function planValuesText(settings: PulseSettings): string {
  const values = settings as unknown as Record<string, number | null>;
  return PULSE_CHECKS.flatMap((c) => {
    const own = c.settings.filter((s) => s.default === null).map((s) => values[s.field]);
    if (own.length === 0) return [];
    const text = own.some((v) => v === null) ? "not set" : own.map((v) => pct(v!)).join("–");
    return [`${c.shortName} ${text}`];
  }).join(", ");
}

/** "a, b and c". */
const listed = (items: readonly string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** "2 Act, 3 Watch, 6 OK" (Not set and Too few reps only when there are some). */
export function statusCounts(statuses: readonly PulseStatus[]): string {
  const of = (s: PulseStatus) => statuses.filter((x) => x === s).length;
  const extra = (["Not set", "Too few reps"] as const)
    .filter((s) => of(s) > 0)
    .map((s) => `, ${of(s)} ${s}`)
    .join("");
  return `${of("Act")} Act, ${of("Watch")} Watch${extra}, ${of("OK")} OK`;
}

/** Check ids, worst company status first (stable: ties keep PULSE_CHECK_IDS order). */
export function worstFirst(result: Pick<PulseResult, "checks">): PulseCheckId[] {
  return [...result.checks]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => statusRank(b.c.status) - statusRank(a.c.status) || a.i - b.i)
    .map(({ c }) => c.id);
}

/** A status and value in one cell of the per-plan table: "Watch · 53.2%". */
export const statusWithValue = (c: Pick<PulseCheck, "id" | "status" | "value">): string =>
  `${c.status} · ${formatPulseValue(c.id, c.value)}`;

/** The status table's header (the Pulse Trend tab reads earlier tabs by it). */
export const PULSE_TABLE_HEADER = ["Check", "Status", "Value", "Band", "What to do", "Id"] as const;
/** Label of the cell holding the period on a Pulse Check tab (A2; the label is in B2). */
export const PULSE_PERIOD_CELL_LABEL = "Period";

const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

/** Rows a chart of 15 rows covers beside a section; the next section starts below it. */
const CHART_ROWS = 15;

export interface PulseSheetOptions {
  /** Name of the status table (unique in the workbook; see pulseTableName). */
  tableName: string;
  /** Problems reading Pulse Settings, listed on the tab. */
  warnings?: readonly Problem[];
}

export function pulseSheet(result: PulseResult, options: PulseSheetOptions): SheetSpec {
  const name = pulseTabName(result.label);
  const layout = new SheetLayout();
  const { settings } = result;
  const leftOut = result.dataIssues.length;

  layout.add({ values: [[name]], style: "title" });
  layout.add({ values: [[PULSE_PERIOD_CELL_LABEL, result.label]], style: "plain" });
  layout.add({
    values: [
      [
        `Period ${result.label}: the plan as designed in Matrix and Curves, computed rep by rep on the actuals in Reps (${result.computedReps} reps${leftOut ? `; ${leftOut} left out for data issues, listed below` : ""}). OK is healthy, Watch needs a look, Act needs a decision, Not set means a plan value or band to compare with is missing, Too few reps means a plan has fewer than ${settings.minReps} computed reps (the value is shown, not judged).`,
      ],
      [
        settings.periodShare === 1
          ? "Pacing: actuals and quotas cover the same period (Period Share Of Year not set)."
          : `Pacing: the actuals cover ${pct(settings.periodShare)} of the quota year, so quotas, target incentives and base salaries were multiplied by ${settings.periodShare} before any check.`,
      ],
      [
        `Plan values from Pulse Settings: ${planValuesText(settings)}. Bands are CompAlign's defaults unless Pulse Settings overrides them.`,
      ],
      [
        `Company status: the worst plan's for checks that are judged plan by plan; company totals for ${listed(COMPANY_CHECKS.map((id) => pulseCheckDefinition(id).shortName))}. Summary: ${statusCounts(result.checks.map((c) => c.status))}.`,
      ],
    ],
    style: "note",
  });
  layout.gap();

  // The status table, worst first: one block per row, so each row's value has its own format.
  const header = [...PULSE_TABLE_HEADER];
  const order = worstFirst(result);
  const byId = new Map(result.checks.map((c) => [c.id, c]));
  const top = layout.add({ values: [header], style: "header" });
  for (const id of order) {
    const c = byId.get(id)!;
    layout.add({
      values: [[c.title, c.status, finite(c.value), c.band, c.message, c.id]],
      numberFormats: [null, null, PULSE_VALUE_FORMATS[c.id], null, null, null],
    });
  }
  layout.tables.push({
    name: options.tableName,
    range: rangeAddress(top, 0, result.checks.length + 1, header.length),
    style: TABLE_STYLE,
  });
  layout.gap();

  const warnings = options.warnings ?? [];
  if (warnings.length > 0) {
    layout.add({ values: [["Pulse Settings warnings (defaults used instead)"]], style: "header" });
    layout.add({ values: warnings.map((w) => [problemLine(w)]), style: "note" });
    layout.gap();
  }

  planTableBlock(layout, result, order);
  metricHealthBlock(layout, result);
  objectivesBlock(layout, result);
  histogramBlock(layout, result);
  dataIssuesBlock(layout, result);
  scatterBlock(layout, result);

  return {
    name,
    blocks: layout.blocks,
    tables: layout.tables,
    charts: layout.charts,
    columnWidths: [42, 22, 18, 34, 14, 14, 12, 12, 12, 12, 10],
    tabColor: COLORS.brand,
  };
}

/** Checks as rows, the company and each plan as columns: "Watch · 53.2%", worst first. */
function planTableBlock(layout: SheetLayout, result: PulseResult, order: PulseCheckId[]) {
  layout.add({
    values: [
      [
        `Checks by plan (status · value; each plan judged on its own reps and curves). Company: for ${listed(COMPANY_CHECKS.map((id) => pulseCheckDefinition(id).shortName))}, the company's totals; for every other check, the worst plan's status and that plan's value (the largest plan's when every plan is OK), not a company-wide figure.`,
      ],
    ],
    style: "header",
  });
  layout.add({
    values: [["Check", "Company", ...result.plans.map((p) => p.plan)]],
    style: "header",
  });
  layout.add({
    values: [["Computed reps", result.computedReps, ...result.plans.map((p) => p.reps)]],
    numberFormats: [null, ...Array<string>(result.plans.length + 1).fill(FORMATS.number)],
  });
  const company = new Map(result.checks.map((c) => [c.id, c]));
  layout.add({
    values: order.map((id) => [
      PULSE_CHECK_INFO[id].title,
      statusWithValue(company.get(id)!),
      ...result.plans.map((p) => statusWithValue(p.checks.find((c) => c.id === id)!)),
    ]),
  });
  layout.gap();
}

function metricHealthBlock(layout: SheetLayout, result: PulseResult) {
  layout.add({
    values: [
      [
        `Metric health by plan (threshold: where the curve starts paying, reached = paid above 0; excellence: where it pays ${pct(result.settings.excellenceRate)} of target, below the cap; cap: the last point of a capped curve)`,
      ],
    ],
    style: "header",
  });
  if (result.metricHealth.length === 0) {
    layout.add({ values: [["No paid metric has computed reps."]], style: "note" });
    layout.gap();
    return;
  }
  // Each row's status: the worst of its threshold, excellence and cap statuses.
  const statuses = new Map<string, PulseStatus[]>();
  const keyOf = (plan: string, metric: string) => `${plan}\u0000${metric}`;
  for (const id of ["threshold-reach", "excellence-reach", "capped-reps"] as const) {
    const check = result.checks.find((c) => c.id === id);
    for (const d of check?.details ?? []) {
      if (d.kind !== "metric") continue;
      const k = keyOf(d.plan, d.metric);
      statuses.set(k, [...(statuses.get(k) ?? []), d.status]);
    }
  }
  layout.add({
    values: [
      [
        "Plan",
        "Metric",
        "Curve",
        "Reps",
        "Threshold",
        "Paid above 0",
        "Excellence",
        "Reach excellence",
        "Cap",
        "Held at cap",
        "Status",
      ],
    ],
    style: "header",
  });
  layout.add({
    values: result.metricHealth.map((m) => [
      m.plan,
      m.metric,
      m.curve,
      m.reps,
      m.threshold ?? "never pays",
      m.reps > 0 ? m.thresholdReached / m.reps : null,
      m.excellence ?? "none below cap",
      m.excellence !== null && m.reps > 0 ? m.excellenceReached / m.reps : null,
      m.cap ?? "not capped",
      m.cap !== null ? (m.reps > 0 ? m.atCap / m.reps : null) : null,
      m.reps === 0
        ? "no reps"
        : m.reps < result.settings.minReps
          ? "Too few reps"
          : worstStatus(statuses.get(keyOf(m.plan, m.metric)) ?? []),
    ]),
    numberFormats: [
      null,
      null,
      null,
      FORMATS.number,
      FORMATS.percent,
      FORMATS.percent1,
      FORMATS.percent,
      FORMATS.percent1,
      FORMATS.percent,
      FORMATS.percent1,
      null,
    ],
  });
  layout.gap();
}

function objectivesBlock(layout: SheetLayout, result: PulseResult) {
  layout.add({ values: [["Payout share by objective against priority share"]], style: "header" });
  layout.add({
    values: [
      ["Objective", "Priority share", "Design pay share", "Payout share", "Payout − priority"],
    ],
    style: "header",
  });
  if (result.objectives.length > 0) {
    layout.add({
      values: result.objectives.map((o) => [
        o.objective,
        o.priorityShare,
        o.designPayShare,
        o.payoutShare,
        o.gap,
      ]),
      numberFormats: [
        null,
        ...Array<string>(3).fill(FORMATS.percent1),
        signedFormat(FORMATS.percent1),
      ],
    });
  }
  const index = (v: number | null) => (v === null ? "n/a" : v.toFixed(3));
  layout.add({
    values: [
      [
        `Alignment index: design ${index(result.designAlignmentIndex)} (target incentive × weights), realized ${index(result.figures.realizedAlignmentIndex)} (actual payout).`,
      ],
    ],
    style: "note",
  });
  layout.gap();
}

/**
 * A table (header row, then rows) and a CHART_ROWS-tall chart beside it, from the block's
 * first row: the chart plots the table's last two columns from `firstColumn`, with the two
 * column headers as its axis titles.
 */
function chartedTable(
  layout: SheetLayout,
  start: number,
  t: {
    columns: string[];
    rows: SheetValue[][];
    numberFormats: (string | null)[];
    chart: { type: ChartSpec["type"]; title: string; firstColumn: number };
    beside: { column: string; widthCells: number };
  }
): void {
  const top = layout.add({ values: [t.columns], style: "header" });
  layout.add({ values: t.rows, numberFormats: t.numberFormats });
  const { type, title, firstColumn } = t.chart;
  layout.charts.push({
    type,
    title,
    dataRange: rangeAddress(top, firstColumn, t.rows.length + 1, 2),
    at: `${t.beside.column}${start + 1}`,
    widthCells: t.beside.widthCells,
    heightCells: CHART_ROWS,
    xAxisTitle: t.columns[firstColumn],
    yAxisTitle: t.columns[firstColumn + 1],
  });
}

function histogramBlock(layout: SheetLayout, result: PulseResult) {
  const start = layout.add({ values: [["Reps by weighted attainment"]], style: "header" });
  chartedTable(layout, start, {
    columns: ["Weighted attainment", "Reps"],
    rows: result.histogram.map((b) => [b.label, b.reps]),
    numberFormats: [null, FORMATS.number],
    chart: { type: "column", title: "Reps by weighted attainment", firstColumn: 0 },
    beside: { column: "D", widthCells: 7 },
  });
  layout.row = Math.max(layout.row, start + CHART_ROWS);
  layout.gap();
}

function dataIssuesBlock(layout: SheetLayout, result: PulseResult) {
  layout.add({ values: [["Data issues (reps left out of every check)"]], style: "header" });
  if (result.dataIssues.length === 0) {
    layout.add({ values: [["None: every rep was computed."]], style: "note" });
  } else {
    layout.add({ values: [["Rep", "Row", "Issue"]], style: "header" });
    layout.add({
      values: result.dataIssues.map((d): SheetValue[] => [d.rep, d.row, problemLine(d)]),
      numberFormats: [null, FORMATS.number, null],
    });
  }
  layout.gap();
}

function scatterBlock(layout: SheetLayout, result: PulseResult) {
  const start = layout.add({
    values: [["Payout % of target against weighted attainment, rep by rep"]],
    style: "header",
  });
  if (result.points.length === 0) {
    layout.add({
      values: [["No computed rep has a target incentive above 0."]],
      style: "note",
    });
    return;
  }
  chartedTable(layout, start, {
    columns: ["Rep", "Plan", "Weighted attainment", "Payout % of target"],
    rows: result.points.map((p) => [p.rep, p.plan, p.weightedAttainment, p.payoutPctOfTarget]),
    numberFormats: [null, null, FORMATS.percent1, FORMATS.percent1],
    chart: { type: "scatter", title: "Payout % of target vs weighted attainment", firstColumn: 2 },
    beside: { column: "F", widthCells: 8 },
  });
}
