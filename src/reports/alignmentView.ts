/**
 * The "Alignment View" sheet: where the incentive money points. Objectives × plans cross-tab of
 * each plan's target-incentive share serving each objective (colour scale), priority share vs
 * pay share across all plans, the design alignment index, a bar chart of the two shares, and
 * the findings as an Excel table.
 */
import { plansOf, type AlignmentReport } from "../engine/alignmentRules";
import { moneyPerQuotaUnit, paidMetrics, type MarginalMetric } from "../engine/marginalAlignment";
import type { PlanDesign } from "../engine/plan";
import type { Block, SheetSpec, SheetValue } from "../workbook/port";
import { COLORS, FORMATS, TABLE_STYLE, signedFormat } from "./format";
import { currencySymbol, DEFAULT_FIGURE_SETTINGS, type FigureSettings } from "../engine/figures";
import { columnLetters } from "../workbook/a1";
import { rangeAddress } from "./range";
import { REPORT_TABS } from "./tabNames";
import { nameKey } from "../engine/nameKey";

export const ALIGNMENT_VIEW = REPORT_TABS.alignmentView.name;

/** Weight of each plan serving each objective: rows follow `objectives`, columns the plans. */
function crossTab(
  design: PlanDesign,
  objectives: string[]
): { plans: string[]; shares: number[][]; unassigned: number[] } {
  const plans = [...plansOf(design.components).values()];
  const index = new Map(objectives.map((o, i) => [nameKey(o), i]));
  const shares = objectives.map(() => plans.map(() => 0));
  const unassigned = plans.map(() => 0);
  plans.forEach((components, p) => {
    for (const c of components) {
      const i = index.get(nameKey(c.objective));
      if (i === undefined) unassigned[p] += c.weight;
      else shares[i][p] += c.weight;
    }
  });
  return { plans: plans.map((components) => components[0].plan), shares, unassigned };
}

export function alignmentViewSheet(
  design: PlanDesign,
  report: AlignmentReport,
  name = ALIGNMENT_VIEW,
  marginal: MarginalMetric[] = [],
  figures: FigureSettings = DEFAULT_FIGURE_SETTINGS
): SheetSpec {
  const objectives = report.objectives.map((o) => o.objective);
  const { plans, shares, unassigned } = crossTab(design, objectives);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity] += 1;

  const blocks: Block[] = [
    { at: "A1", values: [["Alignment View"]], style: "title" },
    {
      at: "A2",
      values: [
        [
          "Written by CompAlign from Objectives, Matrix, Curves and Reps. Run Alignment view again to refresh; edits on this sheet are replaced.",
        ],
      ],
      style: "note",
    },
    {
      at: "A4",
      values: [
        [
          "Design alignment index",
          report.indexBlockedByErrors
            ? "Not valid until the errors are fixed (see Findings)"
            : report.designAlignmentIndex,
        ],
        ["Findings", `${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`],
      ],
      numberFormats: [null, FORMATS.index],
    },
  ];

  // Cross-tab: objective, the two shares (the chart's source, categories first), the gap, the
  // priority, then each plan's share of its own target incentive serving the objective.
  const top = 7;
  const header = [
    "Objective",
    "Priority share",
    "Pay share (of target incentive)",
    "Gap (pay − priority)",
    "Priority",
    ...plans,
  ];
  const body: SheetValue[][] = report.objectives.map((o, i) => [
    o.objective,
    o.priorityShare,
    o.payShare,
    o.payShare - o.priorityShare,
    o.priority,
    ...shares[i],
  ]);
  if (unassigned.some((u) => u > 0))
    body.push(["(no known objective)", null, null, null, null, ...unassigned]);
  const crossFormats = [
    null,
    FORMATS.percent1,
    FORMATS.percent1,
    signedFormat(FORMATS.percent1),
    FORMATS.number,
    ...plans.map(() => FORMATS.percent),
  ];
  blocks.push({ at: `A${top}`, values: [header], style: "header" });
  if (body.length > 0)
    blocks.push({ at: `A${top + 1}`, values: body, numberFormats: crossFormats });

  const colorScales =
    plans.length > 0 && body.length > 0
      ? [
          {
            range: rangeAddress(top, 5, body.length, plans.length),
            minColor: COLORS.neutral,
            maxColor: COLORS.good,
          },
        ]
      : [];
  const charts =
    report.objectives.length > 0
      ? [
          {
            type: "bar" as const,
            title: "Priority share vs pay share by objective",
            dataRange: `A${top}:C${top + report.objectives.length}`,
            at: `${columnLetters(header.length + 1)}${top}`,
            widthCells: 8,
            heightCells: 16,
          },
        ]
      : [];

  // Marginal pay at 100%: where one more point pays most, per plan and metric the plan pays.
  const marginalTop = top + body.length + 3;
  const paid = paidMetrics(marginal);
  const { symbol } = currencySymbol(figures);
  const marginalHeader = [
    "Plan",
    "Metric",
    "Objective",
    "Weight",
    "% of TI per point",
    `${symbol} per point (median TI)`,
    `${symbol} per quota unit at target`,
    `${symbol} per quota unit below quota`,
    `${symbol} per quota unit above quota`,
  ];
  blocks.push({
    at: `A${marginalTop - 1}`,
    values: [
      [
        "Marginal pay at 100% attainment on the metrics each plan pays (median target incentive and quota of each plan's reps; per quota unit: per currency unit of quota for money metrics, per unit counted for count metrics such as deals)",
      ],
    ],
    style: "header",
  });
  blocks.push({
    at: `A${marginalTop}`,
    values: [
      marginalHeader,
      ...paid.map((m) => [
        m.plan,
        m.metric,
        m.objective,
        m.weight,
        m.sharePerPoint,
        m.dollarsPerPoint,
        // Per quota unit in money: per currency unit of quota for a money metric ($0.087 is
        // 8.7 cents on the dollar), per deal for a count metric ($378.378).
        moneyPerQuotaUnit(m.centsPerQuotaUnitAtTarget),
        moneyPerQuotaUnit(m.centsPerQuotaUnitBelow),
        moneyPerQuotaUnit(m.centsPerQuotaUnitAbove),
      ]),
    ],
    numberFormats: [
      null,
      null,
      null,
      FORMATS.percent,
      "0.00%",
      FORMATS.currency,
      FORMATS.currencyPerUnit,
      FORMATS.currencyPerUnit,
      FORMATS.currencyPerUnit,
    ],
  });

  // Findings table.
  const findingsTop = marginalTop + paid.length + 3;
  // The message last, so long text runs on to the right.
  const findingsHeader = ["Severity", "Rule", "Cell", "Plan", "Metric", "Objective", "Message"];
  const findingRows: SheetValue[][] = report.findings.map((f) => [
    f.severity,
    f.rule,
    f.cell,
    f.plan,
    f.metric,
    f.objective,
    f.message,
  ]);
  blocks.push({ at: `A${findingsTop - 1}`, values: [["Findings"]], style: "header" });
  const tables = [];
  if (findingRows.length > 0) {
    blocks.push({ at: `A${findingsTop}`, values: [findingsHeader, ...findingRows] });
    tables.push({
      name: "CompAlignFindings",
      range: rangeAddress(findingsTop - 1, 0, findingRows.length + 1, findingsHeader.length),
      style: TABLE_STYLE,
    });
  } else {
    blocks.push({
      at: `A${findingsTop}`,
      values: [["No findings: the plan design passes every check."]],
      style: "note",
    });
  }

  return {
    name,
    blocks,
    tables,
    colorScales,
    charts,
    columnWidths: [30, 16, 14, 20, 14, ...plans.map(() => 18)],
    freeze: { rows: 0, columns: 1 },
    tabColor: COLORS.brand,
  };
}
