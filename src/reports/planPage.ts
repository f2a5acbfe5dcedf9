/**
 * The "Plan - <name>" sheets: one plan on a page, written for a rep and read top to bottom.
 * Title; why this plan (its objectives with their Why); what counts (the behaviours); the
 * metrics (Metric, Weight, What it rewards, Curve, Why) with each metric's curve as a small
 * Attainment / Payout table below; what the plan pays at 50–150% attainment on every metric
 * for the plan's median target incentive, with a column chart; how to earn more; and the
 * plan's complexity with the five-minute-rule warning. Every number is the engine's
 * (src/engine/planExplain.ts); nothing is typed.
 */
import { inCurrency, type PlanExplanation } from "../engine/planExplain";
import { complexityLine } from "../engine/planExplainText";
import { describeLandmarks } from "../engine/planExplainFormat";
import type { Block, ChartSpec, SheetSpec, SheetValue } from "../workbook/port";
import { REPORT_TABS, cleanTabName } from "./tabNames";
import { COLORS, FORMATS } from "./format";

export const PLAN_PAGE_PREFIX = REPORT_TABS.planPage.prefix;
const MAX_SHEET_NAME = 31;

/** Headers of the page's tables, for readers and tests. */
export const PLAN_PAGE_HEADERS = {
  /** The plan's objectives: the weight is the share of the plan's target incentive serving each. */
  why: ["Objective", "Weight in your plan", "Why it matters"],
  metrics: ["Metric", "Weight", "What it rewards", "Curve", "Why it is in your plan"],
  curve: ["Attainment", "Payout (% of target)"],
  earnings: ["Attainment on every metric", "Earnings", "% of target incentive"],
  /** Without a target incentive in dollars the earnings are the % of target: one column. */
  earningsShare: ["Attainment on every metric", "Earnings (% of target incentive)"],
} as const;

/** The section titles, in page order (the last only when there are problems). */
export const PLAN_PAGE_SECTIONS = {
  why: "Why this plan",
  counts: "What counts",
  metrics: "Your metrics",
  curves: "How each metric pays",
  earnings: "What you earn",
  more: "How to earn more",
  complexity: "Plan complexity",
  problems: "Before you share this page",
} as const;

/**
 * "Plan - <name>" within Excel's 31 characters: forbidden characters dropped, a long plan name
 * truncated with "…" (leaving room for `suffix`, e.g. " (2)").
 */
export function planPageName(plan: string, suffix = ""): string {
  const room = MAX_SHEET_NAME - PLAN_PAGE_PREFIX.length - suffix.length;
  return `${PLAN_PAGE_PREFIX}${cleanTabName(plan, "Plan", room)}${suffix}`;
}

/** Sheet names for the plans, in order, made distinct (" (2)") where truncation made two alike. */
export function planPageNames(plans: readonly string[]): string[] {
  const taken = new Set<string>();
  return plans.map((plan) => {
    let name = planPageName(plan);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = planPageName(plan, ` (${n})`);
    taken.add(name.toLowerCase());
    return name;
  });
}

class Page {
  blocks: Block[] = [];
  charts: ChartSpec[] = [];
  row = 0;

  /** Adds a block at column A of the current row; returns its 0-based first row. */
  add(values: SheetValue[][], rest: Omit<Block, "at" | "values"> = {}): number {
    const at = this.row;
    this.blocks.push({ ...rest, at: `A${at + 1}`, values });
    this.row += values.length;
    return at;
  }

  section(title: string) {
    this.row += 1;
    this.add([[title]], { style: "header" });
  }
}

/** The page of one plan; `name` is its sheet name (see planPageNames). */
export function planPageSheet(plan: PlanExplanation, name = planPageName(plan.plan)): SheetSpec {
  const currency = inCurrency(plan);
  const page = new Page();
  page.add([[`${plan.plan}: your plan on a page`]], { style: "title" });
  page.add(
    [
      [
        "Written by CompAlign from Objectives, Matrix, Curves and Reps. Run Write plan pages again to refresh; edits on this sheet are replaced.",
      ],
    ],
    { style: "note" }
  );

  page.section(PLAN_PAGE_SECTIONS.why);
  if (plan.objectives.length > 0) {
    page.add([[...PLAN_PAGE_HEADERS.why]], { style: "header" });
    page.add(
      plan.objectives.map((o) => [o.objective, o.weight, o.why || null]),
      { numberFormats: [null, FORMATS.percent, null] }
    );
  } else page.add([["No objective is named for this plan in Matrix."]], { style: "note" });

  page.section(PLAN_PAGE_SECTIONS.counts);
  if (plan.behaviors.length > 0) page.add(plan.behaviors.map((b) => [b]));
  else
    page.add([["No behaviour is written yet: fill in Matrix's Behavior column."]], {
      style: "note",
    });

  page.section(PLAN_PAGE_SECTIONS.metrics);
  page.add([[...PLAN_PAGE_HEADERS.metrics]], { style: "header" });
  if (plan.metrics.length > 0)
    page.add(
      plan.metrics.map((m) => [
        m.metric,
        m.weight,
        m.behavior || null,
        m.curve || null,
        m.why || null,
      ]),
      { numberFormats: [null, FORMATS.percent, null, null, null] }
    );

  page.section(PLAN_PAGE_SECTIONS.curves);
  plan.metrics.forEach((m, i) => {
    if (i > 0) page.row += 1;
    page.add([[m.curve ? `${m.metric}: ${m.curve}` : m.metric]], { style: "header" });
    if (m.points.length > 0) {
      page.add([[...PLAN_PAGE_HEADERS.curve]], { style: "header" });
      page.add(
        m.points.map(([a, rate]) => [a, rate]),
        { numberFormats: [FORMATS.percent, FORMATS.percent] }
      );
    }
    page.add(
      [
        [
          m.problem ??
            `${m.curveDescription} ${m.landmarks ? describeLandmarks(m.landmarks) : ""}`.trim(),
        ],
      ],
      { style: "note" }
    );
  });

  page.section(PLAN_PAGE_SECTIONS.earnings);
  page.add([[plan.targetIncentiveBasis.note]], { style: "note" });
  const headers = currency ? PLAN_PAGE_HEADERS.earnings : PLAN_PAGE_HEADERS.earningsShare;
  const top = page.add([[...headers]], { style: "header" });
  page.add(
    plan.earnings.map((e) =>
      currency ? [e.attainment, e.earnings, e.rate] : [e.attainment, e.rate]
    ),
    {
      numberFormats: currency
        ? [FORMATS.percent, FORMATS.currency, FORMATS.percent]
        : [FORMATS.percent, FORMATS.percent],
    }
  );
  const chartHeight = 14;
  page.charts.push({
    type: "column",
    title: currency
      ? `${plan.plan}: earnings by attainment (median target incentive)`
      : `${plan.plan}: earnings by attainment (% of target incentive)`,
    dataRange: `A${top + 1}:B${top + 1 + plan.earnings.length}`,
    at: `A${page.row + 2}`,
    widthCells: 3,
    heightCells: chartHeight,
    xAxisTitle: "Attainment on every metric",
    yAxisTitle: currency ? "Earnings" : "% of target incentive",
  });
  page.row += chartHeight + 1;

  page.section(PLAN_PAGE_SECTIONS.more);
  page.add([[plan.howToEarnMore.message]]);

  page.section(PLAN_PAGE_SECTIONS.complexity);
  page.add([[complexityLine(plan)]]);
  if (plan.complexity.warning) page.add([[`Warning: ${plan.complexity.warning}`]]);
  page.add([[plan.complexity.modifiersNote]], { style: "note" });

  if (plan.problems.length > 0) {
    page.section(PLAN_PAGE_SECTIONS.problems);
    page.add(plan.problems.map((p) => [p]));
  }

  return {
    name,
    blocks: page.blocks,
    charts: page.charts,
    columnWidths: [34, 22, 44, 22, 50],
    tabColor: COLORS.brand,
  };
}

/** One page per plan, with distinct sheet names, in Matrix order. */
export function planPageSheets(plans: readonly PlanExplanation[]): SheetSpec[] {
  const names = planPageNames(plans.map((p) => p.plan));
  return plans.map((plan, i) => planPageSheet(plan, names[i]));
}
