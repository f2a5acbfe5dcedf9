/**
 * One row of the Scenarios sheet as the pane's form builds it, and the checks the engine makes
 * when it reads that row (src/engine/scenarioChanges.ts), made before the row is handed on:
 * which fields each change needs, and the range its Value must be in — both read from the one
 * change-kind table (src/engine/changeKinds.ts). Pure: no React, no workbook.
 */
import {
  CHANGE_KINDS,
  changeKind,
  isChangeType,
  VALUE_KINDS,
  type ChangeKind,
  type ChangeType,
  type ValueRange,
} from "../../engine/changeKinds";
import { BASELINE } from "../../engine/scenarioRunner";
import { changeLabel } from "../shared/labels";
import type { SCENARIO_COLUMNS } from "../../model/readScenarios";
import type { SheetValue } from "../../workbook/port";
import { sameName } from "../../engine/nameKey";

/** A Scenarios row by column header (blank cells are null), as `appendRows` would take it. */
export type ScenarioRow = Record<(typeof SCENARIO_COLUMNS)[number], SheetValue>;

/** What the form holds: text as typed or picked ("" = blank; Plan and Segment blank = all). */
export interface ScenarioDraft {
  scenario: string;
  change: ChangeType | "";
  plan: string;
  metric: string;
  to: string;
  value: string;
  segment: string;
}

export type DraftField = keyof ScenarioDraft;

export const EMPTY_DRAFT: ScenarioDraft = {
  scenario: "",
  change: "",
  plan: "",
  metric: "",
  to: "",
  value: "",
  segment: "",
};

export { isChangeType };

/** The Change drop-down's options: every kind of the change-kind table, by its title. */
export const CHANGE_CHOICES: readonly { value: ChangeType; text: string }[] = CHANGE_KINDS.map(
  (kind) => ({ value: kind.id, text: kind.title })
);

/** What a change reads: its Metric and To fields and its Value's kind and range. */
export const needsOf = (change: ChangeType): ChangeKind => changeKind(change)!;

/**
 * A Value as typed: "0.2", "20%" (a percentage, as Excel reads it) or "1.1"; null when blank,
 * NaN when it is not a number.
 */
export function parseValue(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const percent = trimmed.endsWith("%");
  const digits = (percent ? trimmed.slice(0, -1) : trimmed).trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(digits)) return NaN;
  const n = Number(digits);
  return percent ? n / 100 : n;
}

/** What the pane knows about the plan, to check names against (from the workbook's sheets). */
export interface RowContext {
  plans: readonly string[];
  /** Metrics of each plan, by the plan's name as in Matrix. */
  metricsByPlan: ReadonlyMap<string, readonly string[]>;
  /** Every metric in Matrix. */
  metrics: readonly string[];
  curves: readonly string[];
  /** Baseline weight of each metric in each plan: plan name as in Matrix → lower-case metric → weight. */
  weights: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Scenarios already on the sheet (a change to one of them applies after its other rows). */
  scenarioNames: readonly string[];
}

export type DraftErrors = Partial<Record<DraftField, string>>;

const has = (list: readonly string[], name: string) => list.some((item) => sameName(item, name));

/** Metrics a change on `plan` may name ("" = every plan: any metric in Matrix). */
export function metricsFor(context: RowContext, plan: string): readonly string[] {
  if (!plan) return context.metrics;
  const found = [...context.metricsByPlan].find(([name]) => sameName(name, plan));
  return found ? found[1] : [];
}

const percentText = (n: number) => `${+(n * 100).toFixed(4)}%`;

function valueProblem(value: number | null, needs: ValueRange, change: string) {
  if (value === null) {
    const { units, example } = VALUE_KINDS[needs.kind];
    return `Value is required for “${changeLabel(change).title}”: the ${units}, for example ${example}.`;
  }
  if (!Number.isFinite(value)) return "Value must be a number, for example 0.2, 20% or 1.1.";
  if (needs.kind === "share" && (value < needs.min || value > needs.max)) {
    return `Value must be between ${percentText(needs.min)} and ${percentText(needs.max)} of target incentive (it is ${percentText(value)}).`;
  }
  if (needs.exclusiveMin ? value <= needs.min : value < needs.min) {
    return `Value must be ${needs.exclusiveMin ? "greater than" : "at least"} ${needs.min} (it is ${value}).`;
  }
  return null;
}

/**
 * Checks a draft as the engine will check the row, and builds the row: the fields a change does
 * not use are written blank. Errors are by field, in plain words.
 */
export function validateDraft(
  draft: ScenarioDraft,
  context: RowContext
): { row: ScenarioRow; errors: null } | { row: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const scenario = draft.scenario.trim();
  if (!scenario) errors.scenario = "Scenario name is required.";
  else if (sameName(scenario, BASELINE)) {
    errors.scenario = `"${BASELINE}" is the plan as it is and always runs first; give your scenario another name.`;
  }

  const change = draft.change;
  if (!change) {
    errors.change = "Pick a change.";
    return { row: null, errors };
  }
  const needs = needsOf(change);
  const plan = draft.plan.trim();
  if (plan && !has(context.plans, plan)) errors.plan = `Plan "${plan}" is not in the Matrix sheet.`;
  const planMetrics = metricsFor(context, plan);
  const where = plan ? `plan ${plan}` : "the Matrix sheet";

  const metric = needs.metric === "unused" ? "" : draft.metric.trim();
  if (needs.metric === "required" && !metric)
    errors.metric = `Metric is required for “${changeLabel(change).title}”.`;
  else if (metric && !has(planMetrics, metric))
    errors.metric = `Metric "${metric}" is not in ${where}.`;

  const to = needs.to === "unused" ? "" : draft.to.trim();
  if (needs.to === "metric") {
    if (!to)
      errors.to = `To is required for “${changeLabel("shift-weight").title}”: the metric that receives the weight.`;
    else if (!has(planMetrics, to)) errors.to = `"${to}" is not a metric of ${where}.`;
    else if (metric && sameName(metric, to))
      errors.to = "To must be a different metric from Metric.";
  } else if (needs.to === "curve") {
    if (!to)
      errors.to = `To is required for “${changeLabel("set-curve").title}”: the curve to pay on.`;
    else if (!has(context.curves, to)) errors.to = `Curve "${to}" is not in the Curves sheet.`;
  }

  const value = needs.value ? parseValue(draft.value) : null;
  if (needs.value) {
    const problem = valueProblem(value, needs.value, change);
    if (problem) errors.value = problem;
  }

  // shift-weight applies to every plan that has Metric (or the one named): each needs To, and,
  // in a new scenario (Matrix weights as they are), at least Value of weight on Metric.
  if (change === "shift-weight" && metric && to && !errors.metric && !errors.to) {
    const targets = [...context.weights].filter(
      ([name, weights]) => (plan ? sameName(name, plan) : true) && weights.has(metric.toLowerCase())
    );
    const lacking = targets.find(([, weights]) => !weights.has(to.toLowerCase()));
    if (lacking) {
      errors.to = `"${to}" is not a metric of ${lacking[0]}, which has ${metric}: pick that plan's own metric, or one plan.`;
    } else if (!errors.value && value !== null && !has(context.scenarioNames, scenario)) {
      const short = targets.find(
        ([, weights]) => value > (weights.get(metric.toLowerCase()) ?? 0) + 1e-12
      );
      if (short) {
        const weight = short[1].get(metric.toLowerCase()) ?? 0;
        errors.value = `Cannot move ${percentText(value)} from ${metric} in ${short[0]}, which has ${percentText(weight)}.`;
      }
    }
  }

  if (Object.keys(errors).length > 0) return { row: null, errors };
  const orNull = (text: string) => (text ? text : null);
  return {
    row: {
      Scenario: scenario,
      Change: change,
      Plan: orNull(plan),
      Metric: orNull(metric),
      To: orNull(to),
      Value: value,
      Segment: orNull(draft.segment.trim()),
    },
    errors: null,
  };
}
